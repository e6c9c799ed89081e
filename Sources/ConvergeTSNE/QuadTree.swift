/// A point-region quadtree over 2-D positions, rebuilt every iteration for Barnes-Hut.
///
/// Nodes live in one flat array that keeps its capacity between rebuilds; the four children of a
/// node are adjacent. A leaf holds one position (identical points share a leaf, as in
/// scikit-learn); at ``maximumDepth`` leaves stop splitting and accumulate.
struct QuadTree {
    static let maximumDepth = 64

    struct Node {
        var centerX: Double
        var centerY: Double
        var halfWidth: Double
        /// Sum of member positions while building, centre of mass after ``QuadTree/rebuild(positions:count:)``.
        var massX = 0.0
        var massY = 0.0
        var size = 0.0
        /// Position held by a leaf (exact, for the self-interaction test).
        var leafX = 0.0
        var leafY = 0.0
        /// Index of the first of four children, or −1 for a leaf.
        var firstChild: Int32 = -1

        init(centerX: Double, centerY: Double, halfWidth: Double) {
            self.centerX = centerX
            self.centerY = centerY
            self.halfWidth = halfWidth
        }

        @inline(__always)
        func child(x: Double, y: Double) -> Int {
            Int(firstChild) + (x >= centerX ? 1 : 0) + (y >= centerY ? 2 : 0)
        }
    }

    private(set) var nodes: [Node] = []

    mutating func rebuild(positions y: UnsafeBufferPointer<Double>, count n: Int) {
        nodes.removeAll(keepingCapacity: true)
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            minX = min(minX, y[2 * i]); maxX = max(maxX, y[2 * i])
            minY = min(minY, y[2 * i + 1]); maxY = max(maxY, y[2 * i + 1])
        }
        let half = max(maxX - minX, maxY - minY) / 2 * (1 + 1e-9) + 1e-300
        nodes.append(Node(centerX: (minX + maxX) / 2, centerY: (minY + maxY) / 2, halfWidth: half))
        for i in 0..<n { insert(x: y[2 * i], y: y[2 * i + 1]) }
        nodes.withUnsafeMutableBufferPointer { nodes in
            for node in nodes.indices where nodes[node].size > 0 {
                nodes[node].massX /= nodes[node].size
                nodes[node].massY /= nodes[node].size
            }
        }
    }

    private mutating func insert(x: Double, y: Double) {
        var node = 0
        var depth = 0
        while true {
            if nodes[node].firstChild >= 0 {
                nodes[node].massX += x; nodes[node].massY += y; nodes[node].size += 1
                node = nodes[node].child(x: x, y: y)
                depth += 1
                continue
            }
            if nodes[node].size == 0 {
                nodes[node].leafX = x; nodes[node].leafY = y
                nodes[node].massX = x; nodes[node].massY = y; nodes[node].size = 1
                return
            }
            if (nodes[node].leafX == x && nodes[node].leafY == y) || depth >= Self.maximumDepth {
                nodes[node].massX += x; nodes[node].massY += y; nodes[node].size += 1
                return
            }
            // Split: four children, the old contents move into one of them, then retry here.
            let parent = nodes[node]
            let h = parent.halfWidth / 2
            nodes[node].firstChild = Int32(nodes.count)
            for q in 0..<4 {
                nodes.append(
                    Node(
                        centerX: parent.centerX + (q & 1 == 0 ? -h : h),
                        centerY: parent.centerY + (q & 2 == 0 ? -h : h),
                        halfWidth: h))
            }
            let moved = nodes[node].child(x: parent.leafX, y: parent.leafY)
            nodes[moved].leafX = parent.leafX; nodes[moved].leafY = parent.leafY
            nodes[moved].massX = parent.massX; nodes[moved].massY = parent.massY; nodes[moved].size = parent.size
        }
    }

    /// Repulsion on a point at (x, y): returns Σ_cells n_c q_c and writes Σ_cells n_c q_c² (p − c),
    /// with q_c = (1 + ‖p − c‖²)⁻¹ and c a cell's centre of mass. A cell is used whole when it is a
    /// leaf or when width² / ‖p − c‖² < θ² (scikit-learn's criterion, width = cell side). The leaf
    /// at exactly (x, y) is skipped: no self-interaction.
    static func repulsion(
        nodes: UnsafePointer<Node>, x: Double, y: Double, thetaSquared: Double,
        stack: UnsafeMutablePointer<Int32>, force: inout (Double, Double)
    ) -> Double {
        var top = 1
        stack[0] = 0
        var sumQ = 0.0, fx = 0.0, fy = 0.0
        while top > 0 {
            top -= 1
            let node = nodes[Int(stack[top])]
            if node.size == 0 { continue }
            let dx = x - node.massX, dy = y - node.massY
            if node.firstChild < 0 {
                if node.leafX == x && node.leafY == y { continue }
            } else {
                let width = 2 * node.halfWidth
                if width * width >= thetaSquared * (dx * dx + dy * dy) {
                    let f = node.firstChild
                    stack[top] = f; stack[top + 1] = f + 1; stack[top + 2] = f + 2; stack[top + 3] = f + 3
                    top += 4
                    continue
                }
            }
            let q = 1 / (1 + dx * dx + dy * dy)
            sumQ += node.size * q
            let m = node.size * q * q
            fx += m * dx
            fy += m * dy
        }
        force = (fx, fy)
        return sumQ
    }
}
