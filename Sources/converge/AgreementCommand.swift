import ArgumentParser
import ConvergeAnalysis
import Foundation

struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement between two label files: Cohen's κ with a bootstrap 95% CI, PABAK and raw agreement.",
        discussion: """
            Reads two files in the format `converge label` writes (labels.jsonl), matches their labels \
            by run and conversation (a later line for the same conversation wins), and compares the \
            converged flags of the conversations both label. κ matches scikit-learn's \
            cohen_kappa_score; its CI is a percentile bootstrap over conversations from a fixed seed. \
            Definitions: docs/METRICS.md, "Agreement".
            """
    )

    @Argument(help: "The first label file.")
    var first: String
    @Argument(help: "The second label file.")
    var second: String
    @Option(help: "Bootstrap resamples for κ's CI.")
    var resamples: Int = 2000
    @Option(help: "The bootstrap's random seed.")
    var seed: UInt64 = 20_261_130
    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard resamples >= 0 else { throw ValidationError("--resamples must not be negative, got \(resamples)") }
    }

    func run() async throws {
        try await runReportingErrors {
            let result = try LabelAgreement.read(
                URL(fileURLWithPath: first), URL(fileURLWithPath: second), resamples: resamples, seed: seed)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
            } else {
                print(result.text, terminator: "")
            }
        }
    }
}
