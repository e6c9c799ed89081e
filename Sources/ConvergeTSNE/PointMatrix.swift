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

/// Squared Euclidean distance between two rows of `dimension` floats, accumulated in four
/// independent eight-lane sums (so the additions pipeline instead of waiting on each other).
@inline(__always)
func squaredDistance(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, dimension: Int) -> Float {
    var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>(), acc2 = SIMD8<Float>(), acc3 = SIMD8<Float>()
    var k = 0
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    @inline(__always)
    func difference(_ offset: Int) -> SIMD8<Float> {
        ra.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self)
            - rb.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self)
    }
    while k + 32 <= dimension {
        let t0 = difference(k), t1 = difference(k + 8), t2 = difference(k + 16), t3 = difference(k + 24)
        acc0 += t0 * t0
        acc1 += t1 * t1
        acc2 += t2 * t2
        acc3 += t3 * t3
        k += 32
    }
    while k + 8 <= dimension {
        let t = difference(k)
        acc0 += t * t
        k += 8
    }
    var sum = ((acc0 + acc1) + (acc2 + acc3)).sum()
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
