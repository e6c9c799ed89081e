import Testing

/// Tests that need more than the package: `scripts/test.sh --fast` skips them.
extension Tag {
    /// Loads the real default models: seconds to minutes each.
    @Tag static var realModels: Self
}
