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

    /// Rows compared against each candidate at once.
    static let block = 32

    init(points: PointMatrix, k: Int, threads: Int) {
        let block = Self.block
        let n = points.count
        let d = points.dimension
        count = n
        self.k = k
        var indices = [Int32](repeating: 0, count: n * k)
        var distances = [Double](repeating: 0, count: n * k)
        points.values.withUnsafeBufferPointer { x in
            indices.withUnsafeMutableBufferPointer { outIndex in
                distances.withUnsafeMutableBufferPointer { outDistance in
                    // Rows go in blocks of `block`, so each candidate row is loaded once per block.
                    let blocks = (n + block - 1) / block
                    parallelChunks(count: blocks, threads: threads, minimumChunk: 1) { blockRange in
                        var heaps = (0..<block).map { _ in Heap(capacity: k) }
                        var pairs = [(Double, Int32)]()
                        pairs.reserveCapacity(k)
                        for blockIndex in blockRange {
                            let rows = (blockIndex * block)..<min(n, blockIndex * block + block)
                            for b in 0..<rows.count { heaps[b].removeAll() }
                            for j in 0..<n {
                                let xj = x.baseAddress! + j * d
                                for (b, i) in rows.enumerated() where i != j {
                                    heaps[b].offer(squaredDistance(x.baseAddress! + i * d, xj, dimension: d), Int32(j))
                                }
                            }
                            for (b, i) in rows.enumerated() {
                                let xi = x.baseAddress! + i * d
                                pairs.removeAll(keepingCapacity: true)
                                for s in 0..<heaps[b].count {
                                    let j = heaps[b].index[s]
                                    pairs.append((squaredDistanceDouble(xi, x.baseAddress! + Int(j) * d, dimension: d), j))
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
        }
        self.indices = indices
        self.squaredDistances = distances
    }
}

/// The `capacity` smallest (distance, index) pairs seen so far, as a max-heap; on equal distances
/// the smaller index is kept.
private struct Heap {
    let capacity: Int
    private(set) var distance: [Float]
    private(set) var index: [Int32]
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        distance = [Float](repeating: 0, count: capacity)
        index = [Int32](repeating: 0, count: capacity)
    }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    private func above(_ a: Int, _ b: Int) -> Bool {
        distance[a] > distance[b] || (distance[a] == distance[b] && index[a] > index[b])
    }

    @inline(__always)
    mutating func offer(_ d: Float, _ j: Int32) {
        if count < capacity {
            distance[count] = d
            index[count] = j
            count += 1
            var c = count - 1
            while c > 0 {
                let p = (c - 1) / 2
                guard above(c, p) else { return }
                distance.swapAt(c, p)
                index.swapAt(c, p)
                c = p
            }
        } else if d < distance[0] {
            distance[0] = d
            index[0] = j
            var p = 0
            while true {
                let l = 2 * p + 1
                guard l < count else { return }
                var c = l
                if l + 1 < count, above(l + 1, l) { c = l + 1 }
                guard above(c, p) else { return }
                distance.swapAt(c, p)
                index.swapAt(c, p)
                p = c
            }
        }
    }
}
