import ConvergeCore
import Foundation
import Testing

@testable import ConvergeOpenAI

@Suite struct ReplyParserTests {
    let parser = ReplyParser(stopRequested: false)

    @Test func serverSentEvents() throws {
        let body = """
            data: {"choices":[{"text":" a","finish_reason":null}]}

            data: {"choices":[{"text":" b","finish_reason":"length"}]}

            data: {"choices":[],"usage":{"prompt_tokens":4,"completion_tokens":2}}

            data: [DONE]

            """
        #expect(try parser.parse(Data(body.utf8)) == Generation(text: " a b", promptTokens: 4, tokens: 2, finishReason: .length))
    }

    @Test func chatDeltasAndStopStrings() throws {
        let body = #"data: {"choices":[{"delta":{"content":"hi"},"finish_reason":"stop"}]}"# + "\n\ndata: [DONE]\n"
        #expect(try ReplyParser(stopRequested: true).parse(Data(body.utf8)).finishReason == .stop)
        #expect(try parser.parse(Data(body.utf8)) == Generation(text: "hi", promptTokens: 0, tokens: 1, finishReason: .eos))
    }

    @Test func contentFilterIsNotAnEndOfSequence() throws {
        let body = #"data: {"choices":[{"delta":{"content":"hi"},"finish_reason":"content_filter"}]}"# + "\n\ndata: [DONE]\n"
        #expect(try parser.parse(Data(body.utf8)).finishReason == .contentFilter)
    }

    @Test func ollamaLines() throws {
        let body = #"{"response":"x","done":false}"# + "\n" + #"{"response":"y","done":true,"done_reason":"length","prompt_eval_count":3,"eval_count":2}"#
        #expect(try parser.parse(Data(body.utf8)) == Generation(text: "xy", promptTokens: 3, tokens: 2, finishReason: .length))
    }

    @Test func plainJSONFromAServerThatDoesNotStream() throws {
        let body = #"{"choices":[{"message":{"content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#
        #expect(try parser.parse(Data(body.utf8)).text == "ok")
    }

    @Test(arguments: [
        (#"{"error":{"message":"overloaded","code":503}}"#, true),
        (#"data: {"error":{"message":"rate","code":"429"}}"#, true),
        (#"{"error":{"message":"no such model","code":404}}"#, false),
        (#"{"error":"something broke"}"#, true),
        ("data: {not json", true),
        (#"data: {"choices":[{"text":"cut","finish_reason":null}]}"#, true),
        ("", true),
    ])
    func failures(body: String, retryable: Bool) {
        do {
            _ = try parser.parse(Data(body.utf8))
            Issue.record("parsed a failure: \(body)")
        } catch {
            #expect(error.retryable == retryable, "\(error.message)")
        }
    }

    @Test func retryAfterSecondsAndDates() {
        let policy = RetryPolicy()
        #expect(policy.retryAfter("3") == 3)
        #expect(policy.retryAfter("100000") == policy.maxRetryAfter)
        #expect(policy.retryAfter(nil) == nil)
        #expect(policy.retryAfter("nan") == nil)
        #expect(policy.retryAfter("inf") == policy.maxRetryAfter)
        #expect(policy.retryAfter("-inf") == 0)
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(policy.retryAfter("Wed, 21 Oct 2015 07:28:10 GMT", now: now) == 10)
        for failures in 1...12 {
            let delay = policy.delay(afterFailures: failures)
            let step = min(policy.baseDelay * pow(2, Double(failures - 1)), policy.maxDelay)
            #expect(delay >= step / 2 && delay <= step)
        }
    }
}
