import Testing

/// Tests that need more than the package: `scripts/test.sh --fast` skips them.
extension Tag {
    /// Needs headless Chromium or rsvg-convert (scripts/test.sh installs both).
    @Tag static var browser: Self
}
