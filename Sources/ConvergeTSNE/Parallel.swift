import Dispatch
import Foundation

/// Splits `0..<count` into contiguous chunks and runs `body` on each, on several threads when
/// `threads > 1`.
///
/// The chunking only decides who computes what: every caller writes each index's result to its own
/// slot and reduces afterwards in index order, so the output is bit-identical for any thread count.
func parallelChunks(count: Int, threads: Int, minimumChunk: Int = 32, _ body: (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let chunkCount = threads <= 1 ? 1 : max(1, min(threads * 8, count / max(minimumChunk, 1)))
    if chunkCount == 1 {
        body(0..<count)
        return
    }
    withoutActuallyEscaping(body) { body in
        // `concurrentPerform` wants a `@Sendable` closure, but `body` captures buffer pointers.
        // That is safe here: callers write disjoint index ranges only, and `concurrentPerform`
        // returns after every chunk has finished, before `body` or its buffers go away.
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            work((count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount))
        }
    }
}

/// The number of threads to use for `requested` (nil: every active core).
func resolvedThreadCount(_ requested: Int?) -> Int {
    requested ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
}

/// Sums `values` in index order (deterministic, unlike a parallel reduction).
func orderedSum(_ values: UnsafeBufferPointer<Double>) -> Double {
    var sum = 0.0
    for v in values { sum += v }
    return sum
}

/// Computes `row(i)` for every `i` in `0..<count`, in parallel, and returns the sum in index order.
func orderedRowSum(count: Int, threads: Int, minimumChunk: Int = 16, _ row: (Int) -> Double) -> Double {
    var values = [Double](repeating: 0, count: count)
    values.withUnsafeMutableBufferPointer { out in
        parallelChunks(count: count, threads: threads, minimumChunk: minimumChunk) { rows in
            for i in rows { out[i] = row(i) }
        }
    }
    return values.withUnsafeBufferPointer(orderedSum)
}

/// Fills a `count × width` row-major matrix, row by row in parallel: `fill(i, row)` writes row `i`.
func parallelRows(count: Int, width: Int, threads: Int, minimumChunk: Int = 16, _ fill: (Int, UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
    var matrix = [Double](repeating: 0, count: count * width)
    matrix.withUnsafeMutableBufferPointer { m in
        parallelChunks(count: count, threads: threads, minimumChunk: minimumChunk) { rows in
            for i in rows { fill(i, UnsafeMutableBufferPointer(rebasing: m[(i * width)..<(i * width + width)])) }
        }
    }
    return matrix
}
