import CLlama

/// Owns a `llama_context` and frees it. Not Sendable: each one lives inside a single actor, which
/// is the only thing that may touch the context.
final class ContextHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { llama_free(pointer) }
}
