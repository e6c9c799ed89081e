public import ConvergeMetrics

/// The settings `converge calibrate` tries (docs/METRICS.md, "Calibration"). The ranges bracket
/// what ordinary prose and loops give on the default models, with the shipped defaults inside them.
public enum CalibrationGrid {
    /// The study's rule over the `prev` distances: 5 thresholds per metric, every combination rule,
    /// k from 2 to 5 (1,500 settings).
    public static let study = StudyRule.grid(thresholds: [
        .bleuDistancePrev: [0.3, 0.5, 0.7, 0.8, 0.9],
        .jaccardDistancePrev: [0.3, 0.5, 0.6, 0.7, 0.8],
        .cosineDistancePrev: [0.1, 0.2, 0.3, 0.4, 0.5],
    ])

    /// The loop detector over the cross-turn window: 6 thresholds per signal, episode length 2–4,
    /// gaps 0–2, with and without persistence (648 settings).
    public static let loop = RepetitionLoopDetector.grid(signals: [
        .rep4Window: [0.1, 0.15, 0.2, 0.3, 0.4, 0.5],
        .compressionRatioWindow: [1.8, 2.0, 2.2, 2.5, 2.8, 3.2],
    ])
}
