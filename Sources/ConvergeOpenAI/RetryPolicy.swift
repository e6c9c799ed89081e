import Foundation

/// Exponential backoff with jitter, and the `Retry-After` header.
struct RetryPolicy: Sendable {
    /// The first delay; each further consecutive failure doubles it.
    var baseDelay: Double = 0.5
    var maxDelay: Double = 30
    /// The longest `Retry-After` honoured; a server asking for more gets this.
    var maxRetryAfter: Double = 300

    /// Seconds to wait after the `failures`-th consecutive failure (1-based): half the exponential
    /// step plus a random half, so clients that failed together do not come back together.
    func delay(afterFailures failures: Int) -> Double {
        let step = min(baseDelay * pow(2, Double(max(failures - 1, 0))), maxDelay)
        return step / 2 + Double.random(in: 0...(step / 2))
    }

    /// Seconds from a `Retry-After` value: delay-seconds or an HTTP date.
    func retryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        // `min`/`max` pass NaN through, and a NaN delay traps when it becomes a Duration.
        if let seconds = Double(value) { return seconds.isNaN ? nil : min(max(seconds, 0), maxRetryAfter) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return min(max(date.timeIntervalSince(now), 0), maxRetryAfter)
    }
}
