import ConvergeCore

/// The message of the `ConvergeError` that `body` throws, or nil when it throws none.
func thrownMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as ConvergeError {
        return error.message
    } catch {
        return "not a ConvergeError: \(error)"
    }
}
