import ConvergeCore
import Foundation

/// Reads a finished response body: server-sent events (OpenAI style), NDJSON (Ollama), or one plain
/// JSON object from a server that ignored `stream`. An `error` object anywhere in the body, even
/// under status 200, makes the reply a failure.
struct ReplyParser {
    /// Why a body could not be read as a generation.
    struct Problem: Error {
        var message: String
        /// Garbage, a truncated stream, or a server-side error object: worth another try.
        var retryable: Bool
    }

    var stopRequested: Bool

    func parse(_ body: Data) throws(Problem) -> Generation {
        let text = String(decoding: body, as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            return try finish(Accumulator(), with: [object])
        }
        var events: [[String: Any]] = []
        var sawDone = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix(":") || line.hasPrefix("event:") || line.hasPrefix("id:") { continue }
            if line.hasPrefix("data:") { line = line.dropFirst(5).trimmingCharacters(in: .whitespaces) }
            if line == "[DONE]" { sawDone = true; continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw Problem(message: "unreadable response: \(Self.excerpt(line))", retryable: true)
            }
            events.append(object)
        }
        guard !events.isEmpty else { throw Problem(message: "empty response", retryable: true) }
        var accumulator = Accumulator()
        accumulator.sawDone = sawDone
        return try finish(accumulator, with: events)
    }

    private struct Accumulator {
        var text = ""
        var chunks = 0
        var finish: String?
        var promptTokens: Int?
        var tokens: Int?
        var sawDone = false
    }

    private func finish(_ start: Accumulator, with events: [[String: Any]]) throws(Problem) -> Generation {
        var a = start
        for event in events {
            if let error = event["error"] { throw Self.problem(fromErrorObject: error) }
            if let choice = (event["choices"] as? [[String: Any]])?.first {
                let piece =
                    choice["text"] as? String
                    ?? (choice["delta"] as? [String: Any])?["content"] as? String
                    ?? (choice["message"] as? [String: Any])?["content"] as? String
                if let piece { a.text += piece; a.chunks += 1 }
                if let reason = choice["finish_reason"] as? String { a.finish = reason }
            }
            if let usage = event["usage"] as? [String: Any] {
                a.promptTokens = usage["prompt_tokens"] as? Int ?? a.promptTokens
                a.tokens = usage["completion_tokens"] as? Int ?? a.tokens
            }
            // Ollama: `response` (generate) or `message.content` (chat), then a final `done` object.
            if let piece = event["response"] as? String ?? (event["message"] as? [String: Any])?["content"] as? String {
                a.text += piece
                a.chunks += 1
            }
            if event["done"] as? Bool == true {
                a.finish = event["done_reason"] as? String ?? "stop"
                a.promptTokens = event["prompt_eval_count"] as? Int ?? a.promptTokens
                a.tokens = event["eval_count"] as? Int ?? a.tokens
            }
        }
        guard let finish = a.finish else {
            throw Problem(message: a.sawDone ? "stream ended without a finish reason" : "stream cut off before the end", retryable: true)
        }
        return Generation(text: a.text, promptTokens: a.promptTokens ?? 0, tokens: a.tokens ?? a.chunks, finishReason: reason(finish))
    }

    /// OpenAI's "stop" covers both an end-of-sequence token and a stop string; with stop strings
    /// requested it is recorded as `.stop`, otherwise as `.eos`.
    private func reason(_ text: String) -> FinishReason {
        switch text {
        case "length", "max_tokens": .length
        case "eos": .eos
        case "content_filter": .contentFilter
        default: stopRequested ? .stop : .eos
        }
    }

    /// An error object: `{"message", "code"}` or a bare string. Codes 429 and 5xx, and errors without
    /// a code, are the server's trouble and are retried; other 4xx codes are the request's and are not.
    static func problem(fromErrorObject error: Any) -> Problem {
        let object = error as? [String: Any]
        let message = object?["message"] as? String ?? error as? String ?? "error object without a message"
        let code = object?["code"] as? Int ?? (object?["code"] as? String).flatMap(Int.init)
        let retryable = code.map { $0 == 429 || $0 >= 500 || $0 < 400 } ?? true
        return Problem(message: "server error\(code.map { " \($0)" } ?? ""): \(excerpt(message))", retryable: retryable)
    }

    static func excerpt(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }
}
