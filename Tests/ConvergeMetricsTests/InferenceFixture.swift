import Foundation
import Testing

/// inference.json, written by scripts/fixtures/make_inference_fixtures.py with scipy 1.17.1,
/// statsmodels 0.15.0, scikit-learn 1.9.1 and lifelines 0.30.3.
struct InferenceFixture: Decodable {
    struct McNemarCase: Decodable, CustomTestStringConvertible {
        var table: [[Int]]
        var statistic: Double
        var pValue: Double
        var testDescription: String { "\(table)" }
    }

    struct WilcoxonCase: Decodable, CustomTestStringConvertible {
        var x: [Double]
        var y: [Double]
        var statistic: Double
        var pValue: Double
        var method: String
        var testDescription: String { "n=\(x.count) (\(method))" }
    }

    struct KaplanMeierCase: Decodable, CustomTestStringConvertible {
        var durations: [Double]
        var events: [Bool]
        var timeline: [Double]
        var survival: [Double]
        var lower: [Double]
        var upper: [Double]
        var median: Double?
        var testDescription: String { "n=\(durations.count), \(events.count(where: { $0 })) events" }
    }

    struct LogRankCase: Decodable, CustomTestStringConvertible {
        var durations: [Double]
        var events: [Bool]
        var groups: [Int]
        var statistic: Double
        var pValue: Double
        var testDescription: String { "\(Set(groups).count) groups, n=\(durations.count)" }
    }

    struct LogitCase: Decodable, CustomTestStringConvertible {
        var x: [[Double]]
        var y: [Int]
        var separation: Bool
        var coefficients: [Double]?
        var standardErrors: [Double]?
        var z: [Double]?
        var pValues: [Double]?
        var logLikelihood: Double?
        var nullLogLikelihood: Double?
        var lrPValue: Double?
        var testDescription: String { "\(x.count)×\(x.first?.count ?? 0)\(separation ? " separated" : "")" }
    }

    struct KappaCase: Decodable, CustomTestStringConvertible {
        var a: [Bool]
        var b: [Bool]
        var kappa: Double
        var agreement: Double
        var pabak: Double
        var testDescription: String { "n=\(a.count)" }
    }

    struct TQuantile: Decodable, CustomTestStringConvertible {
        var df: Double
        var p: Double
        var quantile: Double
        var testDescription: String { "t(\(df)) at \(p)" }
    }

    struct ChiSquaredCase: Decodable, CustomTestStringConvertible {
        var x: Double
        var df: Int
        var sf: Double
        var testDescription: String { "χ²(\(df)) > \(x)" }
    }

    var mcnemar: [McNemarCase]
    var wilcoxon: [WilcoxonCase]
    var kaplanMeier: [KaplanMeierCase]
    var logrank: [LogRankCase]
    var logit: [LogitCase]
    var kappa: [KappaCase]
    var tQuantiles: [TQuantile]
    var chi2Sf: [ChiSquaredCase]

    static let shared: InferenceFixture = try! Fixtures.load("inference")
}
