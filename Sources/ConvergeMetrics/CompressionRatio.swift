internal import CZlib

/// How well a text compresses, a repetition measure that needs no tokenizer
/// (docs/METRICS.md, "Compression ratio").
public enum CompressionRatio {
    /// The zlib level used, Python's `zlib.compress(data, 9)`: a stable, best-effort setting, so
    /// the ratio depends on the text and not on a speed trade-off.
    public static let level: Int32 = 9

    /// `len(b) / len(zlib.compress(b, 9))` where `b` is the UTF-8 encoding of the text.
    ///
    /// The zlib stream includes its 2-byte header and 4-byte checksum, as Python's does, so short
    /// texts score below 1 and an empty text scores 0.
    /// - Parameter text: the text.
    /// - Returns: the ratio; higher means more repetitive.
    public static func value(_ text: String) -> Double {
        let bytes = Array(text.utf8)
        return Double(bytes.count) / Double(compressedSize(bytes))
    }

    static func compressedSize(_ bytes: [UInt8]) -> Int {
        var size = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &size, input.baseAddress, uLong(bytes.count), level)
            }
        }
        // compress2 fails only for lack of memory or a too-small buffer; compressBound rules out
        // the second.
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        return Int(size)
    }
}
