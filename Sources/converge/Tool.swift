import ArgumentParser

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
        subcommands: [RunCommand.self, EmbedCommand.self, BenchCommand.self, ScoreCommand.self, TSNECommand.self, AnalyzeCommand.self, ReportCommand.self, LabelCommand.self, AgreementCommand.self, CalibrateCommand.self, MergeCommand.self, ExperimentCommand.self, CompareCommand.self, ViewCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
