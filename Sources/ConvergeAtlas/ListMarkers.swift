/// The item markers of a list or a count: `1.`, `2)`, `3:`, `-`, `*` or `•` at the start of a line
/// or after a space, followed by a space.
enum ListMarkers {
    /// - Parameter text: any text.
    /// - Returns: how many item markers it holds.
    static func count(in text: String) -> Int {
        let characters = Array(text)
        var count = 0
        var index = 0
        while index < characters.count {
            let atBoundary = index == 0 || characters[index - 1].isWhitespace
            guard atBoundary else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, end - index < 3, characters[end].isASCII, characters[end].isNumber { end += 1 }
            let numbered = end > index && end < characters.count && ".):".contains(characters[end])
            let bulleted = end == index && "-*•".contains(characters[index])
            let markerEnd = numbered ? end + 1 : index + 1
            if numbered || bulleted, markerEnd < characters.count, characters[markerEnd].isWhitespace {
                count += 1
                index = markerEnd
            } else {
                index += 1
            }
        }
        return count
    }
}
