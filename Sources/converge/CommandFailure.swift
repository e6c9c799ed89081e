import ArgumentParser
import ConvergeCore
import ConvergeReport
import ConvergeTSNE
import Foundation

/// Turns any error into one line on stderr and the exit status its code documents (README, "Exit
/// status"), never a stack trace.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch is CancellationError {
        StandardError.line("converge: interrupted; finished turns are saved (continue with --resume)")
        throw ExitCode(ExitStatus.interrupted)
    } catch {
        StandardError.line("converge: \(oneLine(error))")
        throw ExitCode(exitStatus(for: error))
    }
}

/// The status for an error: its code's for the tool's own errors, bad input for a t-SNE input that
/// cannot be embedded, an I/O failure for a report that cannot be written.
func exitStatus(for error: any Error) -> Int32 {
    switch error {
    case let error as ConvergeError: error.code.exitStatus
    case let error as TSNEError: error.code == .io ? ExitStatus.ioError : ExitStatus.badInput
    case is ReportError: ExitStatus.ioError
    default: ExitStatus.failure
    }
}

/// The error's message with any line breaks folded, so the report stays one line.
private func oneLine(_ error: any Error) -> String {
    let text = (error as? ConvergeError)?.message ?? error.localizedDescription
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
}

/// Ends a command whose run finished with conversations that failed for good, so that a scheduler
/// sees a non-zero status and can retry with `--resume`.
func exitIfConversationsFailed(_ failedTurns: Int) throws {
    if failedTurns > 0 { throw ExitCode(ExitStatus.failedConversations) }
}

/// Runs `body` so that SIGINT or SIGTERM cancels it; the work then saves what is finished and stops.
func cancellingOnSignals<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let task = Task { try await body() }
    let sources = [SIGINT, SIGTERM].map { signalNumber in
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler { task.cancel() }
        source.resume()
        return source
    }
    defer { sources.forEach { $0.cancel() } }
    return try await task.value
}
