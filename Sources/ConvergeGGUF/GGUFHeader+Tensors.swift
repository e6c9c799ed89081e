extension GGUFHeader {
    /// Reads every tensor's name, shape, type and offset. Offsets must be what llama.cpp computes:
    /// each tensor directly after the previous one, padded to the alignment.
    /// - Returns: the size of the tensor data, padding included.
    static func readTensorInfos(_ count: Int, alignment: UInt64, _ reader: inout ByteReader) throws(GGUFFormatError) -> UInt64 {
        var seen = Set<[UInt8]>()
        var expectedOffset: UInt64 = 0
        for index in 0..<count {
            let start = reader.offset
            let rawName = try reader.string("the name of tensor \(index)")
            let name = rawName.printable
            guard rawName.count < maxNameLength else {
                throw GGUFFormatError("tensor \(index)'s name is \(rawName.count) bytes, longer than ggml's \(maxNameLength - 1)", offset: start)
            }
            guard seen.insert(Array(rawName)).inserted else { throw GGUFFormatError("tensor '\(name)' appears twice", offset: start) }
            let dimensions = try reader.integer(UInt32.self, "the dimensions of '\(name)'")
            guard dimensions <= maxDimensions else {
                throw GGUFFormatError("tensor '\(name)' has \(dimensions) dimensions, more than ggml's \(maxDimensions)", offset: start)
            }
            var shape: [UInt64] = []
            for _ in 0..<dimensions { shape.append(try reader.integer(UInt64.self, "the shape of '\(name)'")) }
            let typeCode = try reader.integer(UInt32.self, "the type of '\(name)'")
            guard let type = GGMLType.storage(typeCode) else {
                throw GGUFFormatError("tensor '\(name)' has unknown or retired type \(typeCode)", offset: start)
            }
            let bytes = try size(of: shape, type: type, name: name, at: start)
            let offset = try reader.integer(UInt64.self, "the offset of '\(name)'")
            guard offset == expectedOffset else {
                throw GGUFFormatError("tensor '\(name)' is at data offset \(offset), expected \(expectedOffset)", offset: start)
            }
            let (padded, overflow) = bytes.addingReportingOverflow(alignment - 1)
            let (end, past) = expectedOffset.addingReportingOverflow(padded / alignment * alignment)
            guard !overflow, !past else { throw GGUFFormatError("tensor '\(name)' ends beyond 2^64 bytes", offset: start) }
            expectedOffset = end
        }
        return expectedOffset
    }

    /// The bytes a tensor of this shape and type takes, with every product checked as llama.cpp
    /// checks it: dimensions are signed 64-bit, and the first must be a whole number of blocks.
    private static func size(of shape: [UInt64], type: GGMLType, name: String, at offset: Int) throws(GGUFFormatError) -> UInt64 {
        guard shape.allSatisfy({ $0 <= UInt64(Int64.max) }) else {
            throw GGUFFormatError("tensor '\(name)' has a negative dimension", offset: offset)
        }
        var elements: UInt64 = 1
        for dimension in shape {
            let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= UInt64(Int64.max) else {
                throw GGUFFormatError("tensor '\(name)' has more than 2^63 elements", offset: offset)
            }
            elements = product
        }
        let rowLength = shape.first ?? 1
        guard rowLength % type.blockSize == 0 else {
            throw GGUFFormatError("tensor '\(name)' has rows of \(rowLength) elements, not a multiple of its block size \(type.blockSize)", offset: offset)
        }
        let (bytes, overflow) = (elements / type.blockSize).multipliedReportingOverflow(by: type.typeSize)
        guard !overflow else { throw GGUFFormatError("tensor '\(name)' takes more than 2^64 bytes", offset: offset) }
        return bytes
    }
}
