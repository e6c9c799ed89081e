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
            DIR/run.json. --inject TEXT makes turn T+1 continue TEXT instead of turn T's output. \
            --replicates R (default 1) makes R branches of each conversation; repeat --conversation \
            to branch several. Replicate 0 keeps the parent conversation's identity and so its \
            random stream: with no setting changed it reproduces the parent text for text \
            (generation is batch-invariant, docs/INVARIANCE.md); replicate r draws the stream of \
            replicate number parent + r. Writes a normal run directory whose run.json records \
            `branch` (parent, from_turn, and each origin's conversation, seed_index and replicate), \
            so analyze, compare, report and view work on it unchanged, and `converge run --out OUT \
            --resume` continues it. Docs: docs/ATLAS.md.
            """
    )

    @Argument(help: "The parent run directory.")
    var directory: String
    @Option(help: "The parent transcript's `conversation` value (repeat the option for several).")
    var conversation: [String]
    @Option(help: "Replay turns 1…T of the parent, then generate from T+1.")
    var fromTurn: Int
    @Option(help: "A text that turn T+1 continues instead of turn T's output (recorded as an inject_seed intervention).")
    var inject: String?
    @OptionGroup var settings: RunSettingOptions
    @OptionGroup var compute: ComputeOptions
    @Option(help: "Output directory. Default: DIR-branch-cN-tT beside DIR.")
    var out: String?
    @Flag(help: "Show llama.cpp's own log.")
    var verbose = false

    func run() async throws {
        try await runReportingErrors {
            let parent = URL(fileURLWithPath: directory)
            let start = try BranchStart(
                parent: parent, conversations: conversation, fromTurn: fromTurn, settings: try settings.settings(),
                replicates: settings.replicates, inject: inject)
            let output =
                out.map { URL(fileURLWithPath: $0) }
                ?? parent.standardizedFileURL.deletingLastPathComponent()
                .appendingPathComponent("\(parent.standardizedFileURL.lastPathComponent)-branch-c\(conversation.joined(separator: "-"))-t\(fromTurn)")
            var session = start.session(output: output, threads: compute.threadCount, verbose: verbose, command: CommandLine.arguments)
            session.threadsReason = compute.threadsReason
            session.schedule = compute.schedule
            let ready = session
            let outcome = try await cancellingOnSignals { try await ready.run() }
            StandardError.line("converge: \(outcome.turnsWritten) turns written to \(session.transcriptURL.path)")
            try exitIfConversationsFailed(outcome.failedTurns)
        }
    }
}
