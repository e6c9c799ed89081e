/// The structure of a GGUF file's header, checked against the file's size before llama.cpp reads it.
///
/// The checks follow llama.cpp's own `gguf_init_from_file_impl` (0c1e570) and its model loader, so
/// a file that passes here is one whose header llama.cpp reads without trusting any count, length or
/// offset: llama.cpp's GGUF parser has had overflow bugs (CVE-2026-27940), and the tool should not
/// depend on the vendored copy having none. Pure Swift; it never calls into llama.cpp.
public struct GGUFHeader: Sendable, Equatable {
    public var version: UInt32
    public var tensorCount: Int
    public var keyValueCount: Int
    /// `general.alignment`, or 32.
    public var alignment: UInt64
    /// Where the tensor data starts.
    public var dataOffset: UInt64
    /// The bytes the tensor data needs, padding included.
    public var dataSize: UInt64

    /// ggml's `GGML_MAX_DIMS`.
    static let maxDimensions: UInt32 = 4
    /// ggml's `GGML_MAX_NAME`: a tensor name must be shorter.
    static let maxNameLength = 64

    /// Parses and checks a header.
    /// - Parameters:
    ///   - bytes: the file, or a prefix of it that holds the whole header.
    ///   - fileSize: the file's size, which the tensor data must fit in.
    /// - Throws: `GGUFFormatError` naming the first problem and its offset.
    public init(bytes: UnsafeRawBufferPointer, fileSize: UInt64) throws(GGUFFormatError) {
        var reader = ByteReader(bytes)
        let magic = try reader.integer(UInt32.self, "the magic number")
        guard magic == 0x4655_4747 else { throw GGUFFormatError("the file does not start with 'GGUF'", offset: 0) }
        version = try reader.integer(UInt32.self, "the version")
        guard version == 2 || version == 3 else {
            throw GGUFFormatError("GGUF version \(version) is not supported (only 2 and 3)", offset: 4)
        }
        let tensors = try reader.integer(UInt64.self, "the tensor count")
        let keyValues = try reader.integer(UInt64.self, "the key/value count")
        // Each entry takes at least this many bytes, so a count beyond remaining / size is a lie
        // that would otherwise drive a huge allocation or loop.
        try Self.checkCount(tensors, "tensors", minimumBytes: 24, reader: reader)
        try Self.checkCount(keyValues, "key/value pairs", minimumBytes: 12, reader: reader)
        tensorCount = Int(tensors)
        keyValueCount = Int(keyValues)
        alignment = try Self.readKeyValues(keyValueCount, &reader)
        dataSize = try Self.readTensorInfos(tensorCount, alignment: alignment, &reader)
        let headerEnd = UInt64(reader.offset)
        dataOffset = tensorCount > 0 ? (headerEnd + alignment - 1) / alignment * alignment : headerEnd
        guard dataOffset <= fileSize, dataSize <= fileSize - dataOffset else {
            throw GGUFFormatError(
                "the tensors need \(dataSize) bytes from byte \(dataOffset), past the file's end at \(fileSize)", offset: reader.offset)
        }
    }

    private static func checkCount(_ count: UInt64, _ what: String, minimumBytes: UInt64, reader: ByteReader) throws(GGUFFormatError) {
        guard count <= UInt64(reader.remaining) / minimumBytes else {
            throw GGUFFormatError("the header claims \(count) \(what), more than the file could hold", offset: reader.offset)
        }
    }
}
