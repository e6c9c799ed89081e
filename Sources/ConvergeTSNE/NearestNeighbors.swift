/// The `k` nearest neighbours of every point (self excluded), by brute force.
///
/// Candidates are ranked with single-precision squared distances (eight SIMD lanes), then the `k`
/// kept distances are recomputed in double precision and sorted, ties broken by index. O(N²·D):
/// about 4·10¹⁰ flops for 10 000 points of 384-D, split over the threads.
struct NearestNeighbors {
    let count: Int
    let k: Int
    /// `count × k` neighbour indices, nearest first.
    var indices: [Int32]
    /// `count × k` squared Euclidean distances matching ``indices``.
    var squaredDistances: [Double]

    init(points: PointMatrix, k: Int, threads: Int) {
        let n = points.count
        let d = points.dimension
        count = n
        self.k = k
        var indices = [Int32](repeating: 0, count: n * k)
        var distances = [Double](repeating: 0, count: n * k)
        points.values.withUnsafeBufferPointer { x in
            indices.withUnsafeMutableBufferPointer { outIndex in
                distances.withUnsafeMutableBufferPointer { outDistance in
                    parallelChunks(count: n, threads: threads, minimumChunk: 8) { rows in
                        var heapD = [Float](repeating: 0, count: k)
                        var heapI = [Int32](repeating: 0, count: k)
                        var pairs = [(Double, Int32)]()
                        pairs.reserveCapacity(k)
                        for i in rows {
                            let xi = x.baseAddress! + i * d
                            var size = 0
                            for j in 0..<n where j != i {
                                let dist = squaredDistance(xi, x.baseAddress! + j * d, dimension: d)
                                if size < k {
                                    heapD[size] = dist
                                    heapI[size] = Int32(j)
                                    size += 1
                                    siftUp(&heapD, &heapI, size - 1)
                                } else if dist < heapD[0] {
                                    heapD[0] = dist
                                    heapI[0] = Int32(j)
                                    siftDown(&heapD, &heapI, size)
                                }
                            }
                            pairs.removeAll(keepingCapacity: true)
                            for s in 0..<size {
                                let j = Int(heapI[s])
                                pairs.append((squaredDistanceDouble(xi, x.baseAddress! + j * d, dimension: d), heapI[s]))
                            }
                            pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                            for (s, pair) in pairs.enumerated() {
                                outDistance[i * k + s] = pair.0
                                outIndex[i * k + s] = pair.1
                            }
                        }
                    }
                }
            }
        }
        self.indices = indices
        self.squaredDistances = distances
    }
}

/// Max-heap on distance, keyed ties broken toward evicting the larger index.
@inline(__always)
private func heapAbove(_ d: [Float], _ idx: [Int32], _ a: Int, _ b: Int) -> Bool {
    d[a] > d[b] || (d[a] == d[b] && idx[a] > idx[b])
}

private func siftUp(_ d: inout [Float], _ idx: inout [Int32], _ start: Int) {
    var c = start
    while c > 0 {
        let p = (c - 1) / 2
        guard heapAbove(d, idx, c, p) else { return }
        d.swapAt(c, p)
        idx.swapAt(c, p)
        c = p
    }
}

private func siftDown(_ d: inout [Float], _ idx: inout [Int32], _ size: Int) {
    var p = 0
    while true {
        let l = 2 * p + 1
        guard l < size else { return }
        var c = l
        if l + 1 < size, heapAbove(d, idx, l + 1, l) { c = l + 1 }
        guard heapAbove(d, idx, c, p) else { return }
        d.swapAt(c, p)
        idx.swapAt(c, p)
        p = c
    }
}
