import Foundation
import Testing

@testable import ConvergeMetrics

/// Checks every code point against Python's own tables (Unicode 14.0 for Python 3.11), skipping
/// code points that Swift's newer Unicode data assigns later, where the two cannot agree.
@Suite struct PythonUnicodeTests {
    static let tables: Fixtures.PythonUnicode = try! Fixtures.load("python_unicode")

    static func comparable(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    static var scalars: some Sequence<Unicode.Scalar> {
        (0...UInt32(0x10FFFF)).lazy.compactMap(Unicode.Scalar.init).filter(comparable)
    }

    @Test func alphanumericSetMatchesPython() {
        var python = Set<UInt32>()
        for range in Self.tables.alnumRanges { python.formUnion(range[0]...range[1]) }
        let mismatches = Self.scalars.filter { PythonText.isAlnum($0) != python.contains($0.value) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0.value, radix: 16) })")
    }

    @Test func lowercaseMappingMatchesPython() {
        let mismatches = Self.scalars.filter { scalar in
            guard scalar.value != 0x03A3 else { return false }
            let expected = Self.tables.lower[String(scalar.value)] ?? [scalar.value]
            return PythonText.lower([scalar]).map(\.value) != expected
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0.value, radix: 16) })")
    }
}
