/// Applies a batch operation to each distinct text once and expands the results back to one per
/// text, in order. Embedding is the slow step of every command, and a run repeats texts: the
/// replicates of a seed share it, and a loop repeats its outputs.
/// - Parameters:
///   - texts: the texts, repeats allowed.
///   - body: the batch operation; it must return one result per text it is given, in order.
/// - Returns: one result per element of `texts`.
/// - Throws: what `body` throws.
func forDistinct<Result>(_ texts: [String], _ body: ([String]) async throws -> [Result]) async throws -> [Result] {
    var position: [String: Int] = [:]
    var distinct: [String] = []
    for text in texts where position[text] == nil {
        position[text] = distinct.count
        distinct.append(text)
    }
    let results = try await body(distinct)
    return texts.map { results[position[$0]!] }
}
