extension GGUFHeader {
    /// GGUF value types (`gguf_type`) and the size of the fixed-size ones.
    private static let valueSizes: [UInt32: UInt64] = [0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8]
    private static let stringType: UInt32 = 8
    private static let arrayType: UInt32 = 9
    private static let uint32Type: UInt32 = 4

    /// Reads every key/value pair.
    /// - Returns: the alignment of the tensor data: `general.alignment` if present, else 32.
    static func readKeyValues(_ count: Int, _ reader: inout ByteReader) throws(GGUFFormatError) -> UInt64 {
        var seen = Set<[UInt8]>()
        var alignment: UInt64 = 32
        for index in 0..<count {
            let start = reader.offset
            let key = try reader.string("key \(index)")
            guard !key.isEmpty else { throw GGUFFormatError("key \(index) is empty", offset: start) }
            let name = key.printable
            guard seen.insert(Array(key)).inserted else { throw GGUFFormatError("key '\(name)' appears twice", offset: start) }
            var type = try reader.integer(UInt32.self, "the type of '\(name)'")
            var elements: UInt64 = 1
            if type == arrayType {
                type = try reader.integer(UInt32.self, "the element type of '\(name)'")
                elements = try reader.integer(UInt64.self, "the length of '\(name)'")
            }
            if name == "general.alignment" {
                guard type == uint32Type, elements == 1 else {
                    throw GGUFFormatError("general.alignment must be one uint32", offset: start)
                }
                alignment = UInt64(try reader.integer(UInt32.self, "general.alignment"))
                guard alignment != 0, alignment & (alignment - 1) == 0 else {
                    throw GGUFFormatError("general.alignment \(alignment) is not a power of 2", offset: start)
                }
                continue
            }
            if type == stringType {
                try readStrings(elements, of: name, distinct: name == "tokenizer.ggml.tokens", &reader)
            } else if let size = valueSizes[type] {
                try reader.skip(elements, of: size, "'\(name)'")
            } else {
                throw GGUFFormatError("'\(name)' has unknown value type \(type)", offset: start)
            }
        }
        return alignment
    }

    /// Reads a string value or array; the vocabulary's texts must also be distinct.
    private static func readStrings(_ count: UInt64, of name: String, distinct: Bool, _ reader: inout ByteReader) throws(GGUFFormatError) {
        guard count <= UInt64(reader.remaining) / 8 else {
            throw GGUFFormatError("'\(name)' claims \(count) strings, more than the file could hold", offset: reader.offset)
        }
        var texts = TokenTexts()
        for element in 0..<count {
            let start = reader.offset
            let text = try reader.string("string \(element) of '\(name)'")
            if distinct, !texts.insert(text, index: element) {
                throw GGUFFormatError("token \(element) of '\(name)', '\(text.printable)', appears twice", offset: start)
            }
        }
    }
}
