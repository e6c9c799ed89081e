public import ConvergeDetection
import ConvergeMetrics

/// The settings `converge calibrate` tries (docs/METRICS.md, "Calibration"). The ranges bracket
/// what ordinary prose and loops give on the default models, with the shipped defaults inside them.
public enum CalibrationGrid {
    /// The study's rule as the study states it, only the thresholds free: cosine, Jaccard and BLEU
    /// distance between consecutive outputs and coherence difference, all below, k = 3
    /// (5 thresholds per metric, 625 settings).
    public static let study = StudyRule.grid(
        thresholds: [
            .bleuDistancePrev: [0.3, 0.5, 0.6, 0.7, 0.8],
            .jaccardDistancePrev: [0.3, 0.5, 0.6, 0.7, 0.8],
            .cosineDistancePrev: [0.1, 0.2, 0.3, 0.4, 0.5],
            .coherenceDifference: [0.05, 0.1, 0.2, 0.3, 0.5],
        ],
        combinations: [.all], consecutiveTurns: [3])

    /// The loop detector: 5 thresholds per signal, episode length 2–4, gaps 0–2, with and without
    /// persistence (2,250 settings).
    public static let loop = RepetitionLoopDetector.grid(signals: [
        .rep4Window: [0.1, 0.15, 0.2, 0.3, 0.4],
        .compressionRatioWindow: [2.0, 2.2, 2.5, 2.8, 3.2],
        .recurrence4: [0.3, 0.4, 0.5, 0.6, 0.8],
    ])
}
