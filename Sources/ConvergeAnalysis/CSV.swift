import Foundation

/// RFC 4180 CSV, the format of `metrics.csv` and `tsne.csv`: a field holding a comma, a quote or a
/// line break is quoted, with quotes doubled. Model names come from users, so they may hold any of
/// these.
enum CSV {
    /// One line of fields, ending with a line break.
    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses CSV text into rows of fields. Blank lines are skipped.
    /// - Returns: the rows, or nil when a quoted field is not closed.
    static func parse(_ text: String) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        func endRow() {
            row.append(field)
            if row != [""] { rows.append(row) }
            row = []
            field = ""
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",":
                row.append(field)
                field = ""
            case "\r" where pending == "\n": continue
            case "\n", "\r": endRow()
            default: field.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes else { return nil }
        if !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }
}
