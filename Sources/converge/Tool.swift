import ArgumentParser
import ConvergeCore
import Foundation

@main
struct Tool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "converge",
        abstract: "Make two language models talk with no outside input, then measure, detect and show the loops they fall into.",
        discussion: """
            With no subcommand, `converge run` runs the study's protocol (the `paper` preset) on the \
            embedded default models. Metric definitions: docs/METRICS.md.
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, EmbedCommand.self, BenchCommand.self, ScoreCommand.self, TSNECommand.self, AnalyzeCommand.self, ReportCommand.self,
            LabelCommand.self, JudgeCommand.self, AgreementCommand.self, CalibrateCommand.self, MergeCommand.self, ExperimentCommand.self, CompareCommand.self,
            AtlasCommand.self, BranchCommand.self, ViewCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// ArgumentParser's own entry point, except that a bad option prints one line, as every other
    /// bad input does, instead of the whole usage text.
    static func main() async {
        // A closed pipe then fails the write that meets it instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let message = message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            StandardError.line("converge: \(message) (see converge help)")
            Foundation.exit(ExitStatus.badInput)
        }
        do {
            var command = command
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
