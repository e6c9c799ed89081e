import CLlama

/// Owns a `llama_context` and frees it. The context reads its model's weights for as long as it
/// lives, so the handle holds the model: the model can never be freed first, whatever the order
/// in which an owner's fields are released.
///
/// Not Sendable: each one lives inside a single actor, which is the only thing that may touch it.
final class ContextHandle {
    let pointer: OpaquePointer
    let model: LlamaModel

    /// - Returns: nil when llama.cpp cannot create the context.
    init?(model: LlamaModel, parameters: llama_context_params) {
        guard let pointer = llama_init_from_model(model.handle, parameters) else { return nil }
        self.pointer = pointer
        self.model = model
    }

    deinit { llama_free(pointer) }
}
