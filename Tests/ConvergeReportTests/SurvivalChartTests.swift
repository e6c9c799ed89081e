import Foundation
import Testing

@testable import ConvergeReport

/// The Kaplan–Meier chart of `comparison.html`.
@Suite struct SurvivalChartTests {
    static let curve = SurvivalCurve(
        label: "control <b>", times: [0, 5, 20], survival: [1, 0.5, 0.25], lower: [1, 0.2, 0.05], upper: [1, 0.8, 0.6])

    @Test func isWellFormedAndEscaped() {
        let svg = SurvivalChart(title: "Time to loop", curves: [Self.curve, Self.curve], lastTurn: 25).svg()
        #expect(xmlProblem(svg) == nil)
        #expect(svg.components(separatedBy: "<polygon").count == 3)
        #expect(svg.contains("control &lt;b&gt;") && !svg.contains("control <b>"))
    }

    @Test func stepsHoldEachValueUntilTheNextTime() {
        let axes = CartesianAxes(
            area: PlotArea(x: 0, y: 0, width: 250, height: 100), xTicks: Ticks(covering: 0, 25, count: 8, integer: true),
            yTicks: Ticks(covering: 0, 1), xTitle: "", yTitle: "")
        let chart = SurvivalChart(title: "t", curves: [Self.curve], lastTurn: 25)
        let points = chart.steps(Self.curve.times, Self.curve.survival, axes).map { [$0.x, $0.y] }
        // Right-continuous: flat at 1 until turn 5, a vertical drop to ½, flat to 20, drop to ¼, then
        // held to the last turn.
        #expect(points == [[0, 0], [50, 0], [50, 50], [200, 50], [200, 75], [250, 75]])
    }
}
