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

    /// A GGUF string: a 64-bit length, then that many bytes.
    mutating func string(_ what: @autoclosure () -> String) throws(GGUFFormatError) -> ArraySlice<UInt8> {
        let length = try integer(UInt64.self, what())
        guard length <= UInt64(remaining) else {
            throw GGUFFormatError("\(what()) claims \(length) bytes, more than the \(remaining) left in the file", offset: offset)
        }
        let start = offset
        offset += Int(length)
        return ArraySlice(bytes[start..<offset])
    }
}
