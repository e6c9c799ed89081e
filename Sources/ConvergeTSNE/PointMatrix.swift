/// Points stored row-major in one flat array, validated once.
struct PointMatrix: Sendable {
    let count: Int
    let dimension: Int
    /// `count × dimension` values, row by row.
    let values: [Float]

    /// Flattens `rows`, checking that there are at least `minimumCount` rows, that all have the same
    /// non-zero length and that every value is finite.
    init<T: BinaryFloatingPoint>(rows: [[T]], minimumCount: Int = 2, what: String = "points") throws(TSNEError) {
        guard rows.count >= minimumCount else {
            throw TSNEError(.tooFewPoints, "need at least \(minimumCount) \(what), got \(rows.count)")
        }
        let dimension = rows.first?.count ?? 0
        guard dimension > 0 else { throw TSNEError(.raggedInput, "\(what) row 0 is empty") }
        var values = [Float]()
        values.reserveCapacity(rows.count * dimension)
        for (i, row) in rows.enumerated() {
            guard row.count == dimension else {
                throw TSNEError(.raggedInput, "\(what) row \(i) has \(row.count) values, row 0 has \(dimension)")
            }
            for (j, v) in row.enumerated() {
                guard v.isFinite else { throw TSNEError(.nonFiniteValue, "\(what) row \(i) value \(j) is \(v)") }
                values.append(Float(v))
            }
        }
        self.count = rows.count
        self.dimension = dimension
        self.values = values
    }
}

/// Squared Euclidean distance between two rows of `dimension` floats, accumulated in eight lanes.
@inline(__always)
func squaredDistance(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, dimension: Int) -> Float {
    var acc = SIMD8<Float>()
    var k = 0
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    while k + 8 <= dimension {
        let t = ra.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            - rb.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
        acc += t * t
        k += 8
    }
    var sum = acc.sum()
    while k < dimension {
        let t = a[k] - b[k]
        sum += t * t
        k += 1
    }
    return sum
}

/// Squared Euclidean distance in double precision, for the distances that enter P.
@inline(__always)
func squaredDistanceDouble(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, dimension: Int) -> Double {
    var sum = 0.0
    for k in 0..<dimension {
        let t = Double(a[k]) - Double(b[k])
        sum += t * t
    }
    return sum
}
