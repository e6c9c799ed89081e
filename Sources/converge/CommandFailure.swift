import ArgumentParser
import ConvergeCore
import Foundation

/// Turns any error into one line on stderr and a non-zero exit, never a stack trace.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ConvergeError {
        FileHandle.standardError.write(Data("converge: \(error.message)\n".utf8))
        throw ExitCode(error.code == .invalidParameter ? 64 : 1)
    } catch is CancellationError {
        FileHandle.standardError.write(Data("converge: interrupted; finished turns are saved (continue with --resume)\n".utf8))
        throw ExitCode(130)
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("converge: \(error.localizedDescription)\n".utf8))
        throw ExitCode.failure
    }
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
