import Foundation

/// Reads little-endian values from a file's bytes, failing instead of reading past them.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type, _ what: @autoclosure () -> String) throws(GGUFFormatError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw GGUFFormatError("\(what()) runs past the end of the file", offset: offset) }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: value)
    }

    /// Skips `count` items of `size` bytes, with the product checked for overflow.
    mutating func skip(_ count: UInt64, of size: UInt64, _ what: @autoclosure () -> String) throws(GGUFFormatError) {
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, total <= UInt64(remaining) else {
            throw GGUFFormatError("\(what()) claims \(count) × \(size) bytes, more than the \(remaining) left in the file", offset: offset)
        }
        offset += Int(total)
    }

    /// A GGUF string (a 64-bit length, then that many bytes), as a view into the file.
    ///
    /// A NUL byte is refused: llama.cpp reads keys, tensor names and token texts as C strings, so a
    /// NUL would silently cut one short, and two tokens cut to the same text abort its vocabulary
    /// loader (`GGML_ASSERT(id_to_token.size() == token_to_id.size())`).
    mutating func string(_ what: @autoclosure () -> String) throws(GGUFFormatError) -> UnsafeRawBufferPointer {
        let length = try integer(UInt64.self, what())
        guard length <= UInt64(remaining) else {
            throw GGUFFormatError("\(what()) claims \(length) bytes, more than the \(remaining) left in the file", offset: offset)
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)])
        if let base = text.baseAddress, memchr(base, 0, text.count) != nil {
            throw GGUFFormatError("\(what()) holds a NUL byte", offset: offset)
        }
        offset += Int(length)
        return text
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes as text fit for a one-line message: control characters escaped, at most 64 of them.
    var printable: String {
        let text = String(decoding: prefix(64), as: UTF8.self)
        let escaped = text.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }.joined()
        return count > 64 ? escaped + "…" : escaped
    }
}
