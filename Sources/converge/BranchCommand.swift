import ArgumentParser
import ConvergeCore
import ConvergeRun
import Foundation

struct BranchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "branch",
        abstract: "Branch a conversation of a run from any turn and continue it under other settings.",
        discussion: """
            Replays the first T turns of conversation N of the run in DIR exactly as its transcript \
            holds them, then generates turns T+1 onward under the settings given (temperature, \
            penalties, another model, more turns…); every setting not given is the parent's, from \
            DIR/run.json. --replicates R (default 1) makes R branches. Replicate 0 keeps the parent \
            conversation's identity and so its random stream: with no setting changed it reproduces \
            the parent text for text (generation is batch-invariant, docs/INVARIANCE.md); replicate r \
            draws the stream of replicate number parent + r. Writes a normal run directory whose \
            run.json records `branch` (parent, conversation, seed_index, replicate, from_turn), so \
            analyze, compare, report and view work on it unchanged. Docs: docs/ATLAS.md.
            """
    )

    @Argument(help: "The parent run directory.")
    var directory: String
    @Option(help: "The parent transcript's `conversation` value.")
    var conversation: String
    @Option(help: "Replay turns 1…T of the parent, then generate from T+1.")
    var fromTurn: Int
    @OptionGroup var settings: RunSettingOptions
    @Option(help: "llama.cpp threads (default: the cores measured idle over 200 ms at start, 1 to 8).")
    var threads: Int?
    @Option(help: "Output directory. Default: DIR-branch-cN-tT beside DIR.")
    var out: String?
    @Flag(help: "Show llama.cpp's own log.")
    var verbose = false

    func run() async throws {
        try await runReportingErrors {
            let parent = URL(fileURLWithPath: directory)
            let start = try BranchStart(
                parent: parent, conversation: conversation, fromTurn: fromTurn, settings: try settings.settings(),
                replicates: settings.replicates)
            let output =
                out.map { URL(fileURLWithPath: $0) }
                ?? parent.standardizedFileURL.deletingLastPathComponent()
                .appendingPathComponent("\(parent.standardizedFileURL.lastPathComponent)-branch-c\(conversation)-t\(fromTurn)")
            var session = start.session(output: output, threads: threads ?? LlamaThreads.default, verbose: verbose, command: CommandLine.arguments)
            if threads == nil { session.threadsReason = "default: " + LlamaThreads.defaultReason }
            let ready = session
            let outcome = try await cancellingOnSignals { try await ready.run() }
            StandardError.line("converge: \(outcome.turnsWritten) turns written to \(session.transcriptURL.path)")
            try exitIfConversationsFailed(outcome.failedTurns)
        }
    }
}
