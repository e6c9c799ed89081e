import Foundation
import Testing

@testable import ConvergeReport

@Suite("Axis ticks")
struct TicksTests {
    @Test(arguments: [(0.0, 1.0), (0.13, 0.87), (-3.2, 41.0), (1.0, 25.0), (0.5, 0.5), (1e-4, 3e-4), (-1.0, -0.2)])
    func ticksCoverTheDataWithANiceStep(low: Double, high: Double) {
        let ticks = Ticks(covering: low, high)
        #expect(ticks.domain.low <= low && ticks.domain.high >= high)
        #expect((3...12).contains(ticks.values.count))
        let mantissa = ticks.step / pow10(floorLog10(ticks.step))
        #expect([1.0, 2.0, 5.0, 10.0].contains { abs($0 - mantissa) < 1e-9 })
    }

    @Test func labelsHaveExactlyTheDecimalsTheStepNeeds() {
        let ticks = Ticks(covering: 0, 0.3, count: 3)
        #expect(ticks.values.map(ticks.label) == ["0.0", "0.1", "0.2", "0.3"])
        let turns = Ticks(covering: 1, 25, count: 8, integer: true)
        #expect(turns.values.allSatisfy { $0 == $0.rounded() })
        #expect(turns.label(25) == "25")
    }

    @Test(arguments: [(12.0, "12"), (3.5, "3.5"), (-0.25, "-0.25"), (0.004, "0"), (1.05, "1.05"), (-0.001, "0"), (2.999, "3")])
    func coordinatesAreShortAndStable(value: Double, text: String) {
        #expect(svgNumber(value) == text)
    }

    private func floorLog10(_ x: Double) -> Double { (log10(x) + 1e-9).rounded(.down) }
    private func pow10(_ x: Double) -> Double { pow(10, x) }
}
