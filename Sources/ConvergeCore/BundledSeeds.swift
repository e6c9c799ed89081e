public import Foundation

extension SeedFile {
    /// The 50 seed sentences shipped with converge (`Sources/ConvergeCore/Resources/seeds.txt`).
    public static var bundledURL: URL? { Bundle.module.url(forResource: "seeds", withExtension: "txt") }

    /// Loads the shipped seeds.
    /// - Throws: `ConvergeError` when the resource is missing from the installation.
    public static func bundled() throws -> [String] {
        guard let url = bundledURL else {
            throw ConvergeError(.seeds, "the bundled seed file is missing from this installation; pass --seeds FILE")
        }
        return try load(url)
    }
}
