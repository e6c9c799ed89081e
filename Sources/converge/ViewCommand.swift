import ArgumentParser
import ConvergeView
import Foundation

struct ViewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Serve a local web viewer over every run and experiment under DIR, live while runs write.",
        discussion: """
            Reads only the files runs write (transcript.jsonl, run.json, summary.json, metrics.csv, …). \
            Binds 127.0.0.1 unless --host is given. Stop with Ctrl-C.
            """
    )

    @Argument(help: "The directory of runs (or one run).")
    var directory: String = "runs"
    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: Int = 8420
    @Option(help: "Address to bind. Other machines can read every transcript if this is not a loopback address.")
    var host: String = "127.0.0.1"

    func run() async throws {
        try await runReportingErrors {
            let server = ViewServer(root: URL(fileURLWithPath: directory).standardizedFileURL, host: host, port: port)
            try await cancellingOnSignals {
                try await server.run(handleSignals: false) { url in
                    FileHandle.standardOutput.write(Data("converge view: serving \(server.root.path) at \(url.absoluteString)\n".utf8))
                }
            }
        }
    }
}
