import Testing

/// Every suite that runs a real model nests in this one, so they run one at a time and load each
/// model once.
@Suite(.serialized, .tags(.realModels)) enum RealModels {}
