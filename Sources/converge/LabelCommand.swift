import ArgumentParser
import ConvergeAnalysis
import Foundation

struct LabelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Label conversations by hand: converged or not, and where.",
        discussion: """
            Shows each conversation of DIR that has no label yet (seed, then every turn with A and B \
            marked), asks "converged? [y/n/s(kip)/q]" and, for yes, the onset turn. Each answer is \
            appended to DIR/labels.jsonl at once as {"run", "conversation", "converged", "onset", \
            "labeller"}; run it again to continue where you stopped. Answers may be piped on stdin. \
            The labels feed `converge calibrate`.
            """
    )

    @Argument(help: "The run directory.")
    var directory: String
    @Option(help: "Your name, recorded with each label; default $USER.")
    var labeller: String?
    @Option(help: "Wrap width; default $COLUMNS or 100.")
    var width: Int?

    func run() async throws {
        try await runReportingErrors {
            let run = try RunDirectory.load(URL(fileURLWithPath: directory))
            let environment = ProcessInfo.processInfo.environment
            let session = LabelSession(
                run: run, labeller: labeller ?? environment["USER"] ?? "unknown",
                width: width ?? environment["COLUMNS"].flatMap(Int.init) ?? 100)
            let outcome = try session.run(readLine: { Swift.readLine() }) { text in
                try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
            }
            print("\(outcome.labelled) labelled, \(outcome.skipped) skipped, \(outcome.remaining) without a label; labels in \(run.labelsURL.path)")
        }
    }
}
