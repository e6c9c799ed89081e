import Foundation

/// Checks that a vocabulary's token texts are distinct as llama.cpp will index them, without
/// copying them: a real vocabulary has up to a few hundred thousand.
///
/// The views point into the file's bytes, so a `TokenTexts` must not outlive the parse.
struct TokenTexts {
    private var seen: [Int: [UnsafeRawBufferPointer]] = [:]
    /// llama.cpp renames an empty token "[EMPTY_i]" before indexing it.
    private var standIns: Set<[UInt8]> = []

    /// Adds token `index`; false when an earlier token has the same text.
    mutating func insert(_ text: UnsafeRawBufferPointer, index: UInt64) -> Bool {
        if text.isEmpty {
            let name = Array("[EMPTY_\(index)]".utf8)
            let clash = name.withUnsafeBytes { contains($0) }
            return !clash && standIns.insert(name).inserted
        }
        if !standIns.isEmpty, standIns.contains(Array(text)) { return false }
        if contains(text) { return false }
        seen[Self.hash(text), default: []].append(text)
        return true
    }

    private func contains(_ text: UnsafeRawBufferPointer) -> Bool {
        (seen[Self.hash(text)] ?? []).contains { $0.count == text.count && memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }
    }

    private static func hash(_ text: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: text)
        return hasher.finalize()
    }
}
