/// sacrebleu's clipped n-gram matches (`BLEU._compute_segment_statistics`): for each order 1 to 4,
/// the sum over the hypothesis's distinct n-grams of min(count in the hypothesis, largest count in
/// any one reference).
///
/// One open-addressing table holds the hypothesis's n-grams, keyed by a hash of their token hashes
/// and confirmed byte by byte, so a hash collision costs a probe and never changes a count. This is
/// what makes BLEU fast (BENCHMARKS.md); a dictionary keyed by token arrays hashed every n-gram's
/// bytes with SipHash.
enum NGramMatches {
    static func clipped(_ hypothesis: BLEUSegment, references: [BLEUSegment]) -> [Int] {
        var table = Table(hypothesis: hypothesis)
        forEachNGram(of: hypothesis) { hash, start, order in table.addHypothesis(hash: hash, start: start, order: order) }
        for reference in references {
            forEachNGram(of: reference) { hash, start, order in
                table.countReference(hash: hash, start: start, order: order, in: reference)
            }
            table.closeReference()
        }
        var matches = [Int](repeating: 0, count: BLEU.maxOrder)
        for entry in table.slots where entry.order > 0 {
            matches[Int(entry.order) - 1] += Int(min(entry.hypothesisCount, entry.referenceCount))
        }
        return matches
    }

    @inline(__always)
    private static func forEachNGram(of segment: BLEUSegment, _ body: (UInt64, Int, Int) -> Void) {
        for start in 0..<segment.length {
            var hash: UInt64 = 0
            for order in 1...min(BLEU.maxOrder, segment.length - start) {
                hash = (hash ^ segment.hashes[start + order - 1]) &* 0x9E37_79B9_7F4A_7C15
                body(hash, start, order)
            }
        }
    }

    /// One slot of the table; order 0 marks it empty.
    private struct Entry {
        var hash: UInt64 = 0
        var start: Int32 = 0
        var order: Int32 = 0
        var hypothesisCount: Int32 = 0
        /// The largest count in any reference closed so far.
        var referenceCount: Int32 = 0
        /// The count in the reference being read.
        var pending: Int32 = 0
    }

    private struct Table {
        let hypothesis: BLEUSegment
        /// Open addressing with linear probing, at least twice as many slots as n-grams: one
        /// allocation per score.
        var slots: [Entry]
        let shift: UInt64

        init(hypothesis: BLEUSegment) {
            self.hypothesis = hypothesis
            var bits: UInt64 = 1
            while 1 << bits < 2 * BLEU.maxOrder * hypothesis.length { bits += 1 }
            slots = [Entry](repeating: Entry(), count: 1 << bits)
            shift = 64 - bits
        }

        /// The slot holding this n-gram, or the empty slot where it belongs.
        @inline(__always)
        private func slot(hash: UInt64, start: Int, order: Int, in segment: BLEUSegment) -> Int {
            let mask = slots.count - 1
            var index = Int(truncatingIfNeeded: hash >> shift)
            while true {
                let entry = slots[index]
                if entry.order == 0 { return index }
                if entry.hash == hash, Int(entry.order) == order,
                    hypothesis.sameNGram(at: Int(entry.start), as: segment, at: start, order: order)
                {
                    return index
                }
                index = (index + 1) & mask
            }
        }

        mutating func addHypothesis(hash: UInt64, start: Int, order: Int) {
            let index = slot(hash: hash, start: start, order: order, in: hypothesis)
            if slots[index].order == 0 {
                slots[index] = Entry(hash: hash, start: Int32(start), order: Int32(order))
            }
            slots[index].hypothesisCount += 1
        }

        mutating func countReference(hash: UInt64, start: Int, order: Int, in reference: BLEUSegment) {
            let index = slot(hash: hash, start: start, order: order, in: reference)
            if slots[index].order != 0 { slots[index].pending += 1 }
        }

        mutating func closeReference() {
            for index in slots.indices where slots[index].pending > 0 {
                slots[index].referenceCount = max(slots[index].referenceCount, slots[index].pending)
                slots[index].pending = 0
            }
        }
    }
}
