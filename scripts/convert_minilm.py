#!/usr/bin/env python3
"""Convert all-MiniLM-L6-v2 (a Hugging Face BERT directory) to an f16 GGUF file.

Usage: convert_minilm.py MODEL_DIR OUT.gguf   (with llama.cpp's gguf-py on PYTHONPATH)

llama.cpp's convert_hf_to_gguf.py does the same job but imports torch and transformers
(gigabytes of wheels). This script reproduces, for this model, exactly what it writes
(BertModel in conversion/bert.py plus TextModel/ModelBase in conversion/base.py, llama.cpp
0c1e570) using only numpy and gguf-py; the output was byte-identical to the official one.
Every KV pair and tensor is written in the same order as there, which is what makes the
bytes match.
"""
import json
import struct
import sys
from pathlib import Path

import numpy as np
import gguf

SAFETENSORS_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Safetensors: u64 little-endian header length, JSON header, then raw little-endian data."""
    with open(path, "rb") as f:
        (header_len,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_len))
    raw = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + header_len)
    tensors = {}
    # Sorted by name, as gguf.utility.SafetensorsLocal (and so the official converter) does;
    # this fixes the tensor order in the output file.
    for name, meta in sorted(header.items()):
        if name == "__metadata__":
            continue
        begin, end = meta["data_offsets"]
        dtype = SAFETENSORS_DTYPES[meta["dtype"]]  # KeyError: a dtype this model does not use
        tensors[name] = raw[begin:end].view(dtype).reshape(meta["shape"])
    return tensors


def vocab(model_dir: Path) -> tuple[list[str], list[int]]:
    """WordPiece vocab as llama.cpp's BERT tokenizer wants it (BertModel.set_vocab)."""
    tokens = (model_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if tokens[-1] == "":
        tokens.pop()  # the trailing newline is not a token
    # The official converter marks tokenizer.json's special added tokens as CONTROL.
    added = json.loads((model_dir / "tokenizer.json").read_text(encoding="utf-8"))["added_tokens"]
    control = {t["id"] for t in added if t["special"]}
    types = [gguf.TokenType.CONTROL if i in control else gguf.TokenType.NORMAL for i in range(len(tokens))]

    # "Phantom space" form: a word-initial piece gets U+2581, a continuation loses its "##".
    def phantom(tok: str, typ: int) -> str:
        if typ == gguf.TokenType.CONTROL:
            return tok
        return tok[2:] if tok.startswith("##") else "\u2581" + tok

    return [phantom(t, k) for t, k in zip(tokens, types)], types


def pooling_type(model_dir: Path) -> gguf.PoolingType:
    """sentence-transformers' Pooling module config (TextModel._try_set_pooling_type)."""
    modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    path = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
    cfg = json.loads((model_dir / path / "config.json").read_text(encoding="utf-8"))
    if cfg.get("pooling_mode_mean_tokens"):
        return gguf.PoolingType.MEAN
    if cfg.get("pooling_mode_cls_token"):
        return gguf.PoolingType.CLS
    raise SystemExit(f"unsupported pooling config: {cfg}")


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit("usage: convert_minilm.py MODEL_DIR OUT.gguf")
    model_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    hp = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    n_layers = hp["num_hidden_layers"]
    ftype = gguf.LlamaFileType.MOSTLY_F16
    arch = gguf.MODEL_ARCH.BERT
    writer = gguf.GGUFWriter(path=None, arch=gguf.MODEL_ARCH_NAMES[arch])  # writes general.architecture

    # Tensors first: the parameter count (general.size_label) is taken from them.
    name_map = gguf.get_tensor_name_map(arch, n_layers)
    always_f32 = {gguf.TENSOR_NAMES[k] + ".weight" for k in (gguf.MODEL_TENSOR.POS_EMBD, gguf.MODEL_TENSOR.TOKEN_TYPES)}
    for name, data in read_safetensors(model_dir / "model.safetensors").items():
        # Embeddings only: drop the position-id buffer and the unused pooler head.
        if name == "embeddings.position_ids" or name.startswith("pooler."):
            continue
        new_name = name_map.get_name(name, try_suffixes=(".weight", ".bias"))
        if new_name is None:
            raise SystemExit(f"cannot map tensor {name!r}")
        # Same rule as the official converter: 1-D tensors, norms, position and token-type
        # embeddings stay F32 (llama.cpp expects them so); other weights become F16.
        if data.ndim <= 1 or new_name.endswith("_norm.weight") or new_name in always_f32:
            qtype = gguf.GGMLQuantizationType.F32
        else:
            qtype = gguf.GGMLQuantizationType.F16
        writer.add_tensor(new_name, gguf.quants.quantize(np.asarray(data), qtype), raw_dtype=qtype)

    # General metadata (name, license, datasets, tags...) comes from README.md and config.json,
    # through the same gguf-py helper the official converter uses.
    total, shared, expert, n_expert = writer.get_total_parameter_count()
    meta = gguf.Metadata.load(None, model_dir, None, total)
    if meta.name is None:
        meta.name = model_dir.name
    if meta.size_label is None and total > 0:
        meta.size_label = gguf.size_label(total, shared, expert, n_expert)
    writer.add_type(gguf.GGUFType.MODEL)
    meta.set_gguf_meta_model(writer)

    # Hyperparameters (TextModel.set_gguf_parameters, then BertModel's additions).
    writer.add_block_count(n_layers)
    writer.add_context_length(hp["max_position_embeddings"])
    writer.add_embedding_length(hp["hidden_size"])
    writer.add_feed_forward_length(hp["intermediate_size"])
    writer.add_head_count(hp["num_attention_heads"])
    writer.add_layer_norm_eps(hp["layer_norm_eps"])
    writer.add_file_type(ftype)
    writer.add_causal_attention(False)
    writer.add_pooling_type(pooling_type(model_dir))
    writer.add_quantization_version(gguf.GGML_QUANT_VERSION)

    # Tokenizer. The official converter derives "pre" from a hash of the tokenization of a
    # probe text; this uncased BERT tokenizer hashes to 0876d13b..., listed both as bert-bge
    # and jina-v2-en, and the later entry (jina-v2-en) wins. llama.cpp's WPM tokenizer
    # treats both the same.
    tokens, types = vocab(model_dir)
    if len(tokens) != hp["vocab_size"]:
        raise SystemExit(f"vocab.txt has {len(tokens)} tokens, config.json says {hp['vocab_size']}")
    writer.add_token_type_count(hp.get("type_vocab_size", 1))
    writer.add_tokenizer_model("bert")
    writer.add_tokenizer_pre("jina-v2-en")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    # Special token ids, add_bos/eos/sep and lowercasing, from tokenizer.json and tokenizer_config.json.
    gguf.SpecialVocab(model_dir, n_vocab=len(tokens)).add_to_gguf(writer)

    writer.write_header_to_file(path=out)
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


if __name__ == "__main__":
    main()
