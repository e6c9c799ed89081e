/// A point-region quadtree over 2-D positions, rebuilt every iteration for Barnes-Hut.
///
/// Nodes live in parallel flat arrays that keep their capacity between rebuilds. A leaf holds one
/// position (several identical points share a leaf, as in scikit-learn); below ``maximumDepth``
/// leaves stop splitting and accumulate.
struct QuadTree {
    static let maximumDepth = 64

    private(set) var centerX: [Double] = []
    private(set) var centerY: [Double] = []
    private(set) var halfWidth: [Double] = []
    /// Sums of member positions while building, centres of mass after ``rebuild(positions:count:)``.
    private(set) var massX: [Double] = []
    private(set) var massY: [Double] = []
    private(set) var size: [Double] = []
    /// Index of the first of four children, or −1 for a leaf.
    private(set) var firstChild: [Int32] = []
    /// Position held by a leaf (exact, for the self-interaction test).
    private(set) var leafX: [Double] = []
    private(set) var leafY: [Double] = []

    var nodeCount: Int { firstChild.count }

    mutating func rebuild(positions y: UnsafeBufferPointer<Double>, count n: Int) {
        centerX.removeAll(keepingCapacity: true)
        centerY.removeAll(keepingCapacity: true)
        halfWidth.removeAll(keepingCapacity: true)
        massX.removeAll(keepingCapacity: true)
        massY.removeAll(keepingCapacity: true)
        size.removeAll(keepingCapacity: true)
        firstChild.removeAll(keepingCapacity: true)
        leafX.removeAll(keepingCapacity: true)
        leafY.removeAll(keepingCapacity: true)
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            minX = min(minX, y[2 * i]); maxX = max(maxX, y[2 * i])
            minY = min(minY, y[2 * i + 1]); maxY = max(maxY, y[2 * i + 1])
        }
        let half = max(maxX - minX, maxY - minY) / 2 * (1 + 1e-9) + 1e-300
        appendNode(x: (minX + maxX) / 2, y: (minY + maxY) / 2, half: half)
        for i in 0..<n { insert(x: y[2 * i], y: y[2 * i + 1]) }
        for node in 0..<nodeCount where size[node] > 0 {
            massX[node] /= size[node]
            massY[node] /= size[node]
        }
    }

    private mutating func appendNode(x: Double, y: Double, half: Double) {
        centerX.append(x); centerY.append(y); halfWidth.append(half)
        massX.append(0); massY.append(0); size.append(0)
        firstChild.append(-1); leafX.append(0); leafY.append(0)
    }

    @inline(__always)
    private func child(of node: Int, x: Double, y: Double) -> Int {
        Int(firstChild[node]) + (x >= centerX[node] ? 1 : 0) + (y >= centerY[node] ? 2 : 0)
    }

    private mutating func insert(x: Double, y: Double) {
        var node = 0
        var depth = 0
        while true {
            if firstChild[node] >= 0 {
                massX[node] += x; massY[node] += y; size[node] += 1
                node = child(of: node, x: x, y: y)
                depth += 1
                continue
            }
            if size[node] == 0 {
                leafX[node] = x; leafY[node] = y
                massX[node] = x; massY[node] = y; size[node] = 1
                return
            }
            if (leafX[node] == x && leafY[node] == y) || depth >= Self.maximumDepth {
                massX[node] += x; massY[node] += y; size[node] += 1
                return
            }
            // Split: four children, the old contents move into one of them, then retry here.
            let first = nodeCount
            let h = halfWidth[node] / 2
            for q in 0..<4 {
                appendNode(
                    x: centerX[node] + (q & 1 == 0 ? -h : h),
                    y: centerY[node] + (q & 2 == 0 ? -h : h),
                    half: h)
            }
            firstChild[node] = Int32(first)
            let moved = child(of: node, x: leafX[node], y: leafY[node])
            leafX[moved] = leafX[node]; leafY[moved] = leafY[node]
            massX[moved] = massX[node]; massY[moved] = massY[node]; size[moved] = size[node]
            massX[node] += x; massY[node] += y; size[node] += 1
            node = child(of: node, x: x, y: y)
            depth += 1
        }
    }

    /// Repulsion on a point at (x, y): returns Σ_cells n_c q_c and writes Σ_cells n_c q_c² (p − c),
    /// with q_c = (1 + ‖p − c‖²)⁻¹ and c a cell's centre of mass. A cell is used whole when it is a
    /// leaf or when width² / ‖p − c‖² < θ² (scikit-learn's criterion, width = cell side). The leaf
    /// at exactly (x, y) is skipped: no self-interaction.
    func repulsion(x: Double, y: Double, thetaSquared: Double, stack: UnsafeMutablePointer<Int32>, force: inout (Double, Double)) -> Double {
        var top = 1
        stack[0] = 0
        var sumQ = 0.0, fx = 0.0, fy = 0.0
        while top > 0 {
            top -= 1
            let node = Int(stack[top])
            let count = size[node]
            if count == 0 { continue }
            let dx: Double, dy: Double
            let first = firstChild[node]
            if first < 0 {
                if leafX[node] == x && leafY[node] == y { continue }
                dx = x - massX[node]; dy = y - massY[node]
            } else {
                dx = x - massX[node]; dy = y - massY[node]
                let width = 2 * halfWidth[node]
                if width * width >= thetaSquared * (dx * dx + dy * dy) {
                    let f = Int32(first)
                    stack[top] = f; stack[top + 1] = f + 1; stack[top + 2] = f + 2; stack[top + 3] = f + 3
                    top += 4
                    continue
                }
            }
            let q = 1 / (1 + dx * dx + dy * dy)
            sumQ += count * q
            let m = count * q * q
            fx += m * dx
            fy += m * dy
        }
        force = (fx, fy)
        return sumQ
    }
}
