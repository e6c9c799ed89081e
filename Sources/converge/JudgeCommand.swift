import ArgumentParser
import ConvergeAnalysis
import ConvergeCore
import ConvergeOpenAI
import ConvergeRun
import Foundation

struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Label conversations with an LLM judge served over HTTP.",
        discussion: """
            Asks the model behind an OpenAI-compatible or Ollama server whether each conversation of \
            DIR collapsed into a loop (the criterion of docs/LABELLING.md, greedy decoding), and \
            appends one label per answer to the output file in the format `converge label` writes. \
            Each label's labeller names the LLM judge, its model and server, and the prompt's SHA-256. \
            Run it again to continue; replies without yes or no are reported and left unlabelled. \
            Compare with readers' labels through `converge agreement`.
            """
    )

    @Argument(help: "The run directory.")
    var directory: String
    @Option(help: "The judge: openai:MODEL@URL or ollama:MODEL@URL (docs/BACKENDS.md); name the model as its file, it goes into every label.")
    var model: String
    @Option(help: "The label file to append to; default DIR/labels-judge.jsonl.")
    var out: String?

    func run() async throws {
        try await runReportingErrors {
            guard case .http(let backend) = try ModelSpec(parsing: model, defaultFor: .a) else {
                throw ConvergeError(.invalidParameter, "--model must be a server, openai:MODEL@URL or ollama:MODEL@URL, got '\(model)'")
            }
            let run = try RunDirectory.load(URL(fileURLWithPath: directory))
            let file = out.map { URL(fileURLWithPath: $0) } ?? run.url.appendingPathComponent("labels-judge.jsonl")
            let http = try await HTTPLanguageModel(backend) { StandardError.line("converge: \($0)") }
            let judge = LLMJudge(model: http, server: backend.endpoints.map(\.absoluteString).joined(separator: ","))
            let outcome = try await judge.judge(run, into: file)
            let converged = outcome.labels.count { $0.converged }
            print("\(outcome.labels.count) judged (\(converged) converged), \(outcome.alreadyLabelled) already labelled; labels in \(file.path)")
            if !outcome.unanswered.isEmpty {
                let ids = outcome.unanswered.map(String.init).joined(separator: ", ")
                print("\(outcome.unanswered.count) unanswered (no yes or no in the reply, or the request failed): conversations \(ids); run again to retry")
            }
        }
    }
}
