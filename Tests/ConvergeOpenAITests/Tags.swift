import Testing

/// Tests that need more than the package: `scripts/test.sh --fast` skips them.
extension Tag {
    /// Starts real `llama-server`s with the default models.
    @Tag static var server: Self
}
