import ArgumentParser
import ConvergeCore
import ConvergeExperiment
import ConvergeRun
import ConvergeStore
import Foundation

struct ExperimentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run every condition of an experiment file, each as a normal run.",
        discussion: """
            FILE is YAML: a base configuration plus a grid of conditions (docs/EXPERIMENTS.md; \
            examples in experiments/). Each condition runs into DIR/<condition>/ with its own \
            transcript.jsonl and run.json; DIR/experiment.yaml and DIR/experiment.json record the \
            file and its expanded conditions. An interrupted experiment continues with --resume. \
            Compare the conditions afterwards with `converge compare DIR`.
            """
    )

    @Argument(help: "The experiment file (YAML).")
    var file: String
    @Option(help: "Output directory. Default: runs/<experiment name>.")
    var out: String?
    @Flag(help: "Continue the interrupted experiment in --out.")
    var resume = false
    @Option(
        help:
            "Run only part of each condition's conversations, i/n (0-based), or `auto` (`auto/N`): the part a Slurm array or Kubernetes Indexed Job task was given, written to OUT/shard-i-of-n. Join with `converge merge`."
    )
    var shard: String?
    @Flag(help: "List the conditions and their settings without running anything.")
    var dryRun = false
    @OptionGroup var compute: ComputeOptions
    @Flag(help: "Show llama.cpp's own log.")
    var verbose = false

    func run() async throws {
        try await runReportingErrors {
            let experiment = try ExperimentFile.load(URL(fileURLWithPath: file))
            if dryRun {
                for condition in experiment.conditions { print(ExperimentSummaryLine.text(condition)) }
                return
            }
            if resume && out == nil { throw ConvergeError(.invalidParameter, "--resume needs --out DIR, the experiment to continue") }
            let placement = try ShardPlacement(
                shard, out: out.map { URL(fileURLWithPath: $0) }, fallback: URL(fileURLWithPath: "runs/\(experiment.name)"),
                environment: ProcessInfo.processInfo.environment)
            // A scheduler's re-run of a task: a finished shard has nothing to add, a started one continues.
            if placement.isAuto && ExperimentRunner.isComplete(placement.output) {
                StandardError.line("converge: shard \(placement.shard!) in \(placement.output.path) is already complete; nothing to do")
                return
            }
            var runner = ExperimentRunner(
                experiment: experiment, output: placement.output,
                resume: resume || (placement.isAuto && ExperimentRunner.isStarted(placement.output)),
                shard: placement.shard, threads: compute.threadCount, verbose: verbose,
                command: CommandLine.arguments)
            runner.threadsReason = compute.threadsReason
            runner.schedule = compute.schedule
            let count = experiment.conditions.count
            let outcomes = try await cancellingOnSignals { [runner] in
                try await runner.run { condition, index in
                    StandardError.line("converge: condition \(index + 1)/\(count): \(condition.name)")
                }
            }
            let turns = outcomes.reduce(0) { $0 + $1.turnsWritten }
            let failed = outcomes.reduce(0) { $0 + $1.failedTurns }
            var message = "converge: \(turns) turns written under \(runner.output.path); compare with `converge compare \(runner.output.path)`"
            if failed > 0 { message += " (\(failed) failed; --resume retries them)" }
            StandardError.line(message)
            try exitIfConversationsFailed(failed)
        }
    }
}
