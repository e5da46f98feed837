"""Build an ONNX Runtime copy of the bundled MiniLM once, offline, and reuse it from a cache."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import time
import warnings
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import onnxruntime

log = logging.getLogger(__name__)

# Bump when the export, smoothing or quantisation steps change (calibration texts included),
# so every cache entry is rebuilt once. The key deliberately ignores the corpus: editing a
# knowledge file must not invalidate (and silently rebuild) the model.
RECIPE = "minilm-onnx-1"
OPSET = 17
KEY_FIELD = "advisor.cache_key"
VARIANTS = ("fp32", "int8")
SOURCE_FILES = ("config.json", "model.safetensors")


def _version(*, package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_key(*, source: Path, variant: str) -> str:
    """Digest of the weights, the recipe, the variant and the exporter and quantiser versions."""
    digest = hashlib.sha256()
    parts = [
        RECIPE,
        variant,
        _version(package="torch"),
        _version(package="onnxruntime"),
    ]
    digest.update("\0".join(parts).encode())
    for name in SOURCE_FILES:
        with (source / name).open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def cached_path(*, cache_dir: Path, key: str, variant: str) -> Path:
    """Where the model built for this key lives; the key in the name keeps versions apart."""
    return cache_dir / f"all-minilm-l6-v2-{variant}-{key[:20]}.onnx"


def export_fp32(*, source: Path, target: Path, smoothed: bool = False) -> None:
    """Trace the transformer plus mean pooling into one float32 ONNX graph.

    smoothed rescales matrix inputs first (same float results) to prepare for int8.
    """
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    class MeanPooled(torch.nn.Module):
        """Token vectors averaged over real (unpadded) tokens, as sentence-transformers pools."""

        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    hf_logging.disable_progress_bar()
    bert = AutoModel.from_pretrained(
        str(source), attn_implementation="eager", local_files_only=True
    )
    if smoothed:
        from knowledge.onnx_smooth import calibration_texts, smooth
        from knowledge.tokenizer import load_tokenizer, token_ids

        tokenizer = load_tokenizer(source=source)
        smooth(bert=bert, token_ids=token_ids(tokenizer=tokenizer, texts=calibration_texts()))
    model = MeanPooled(bert).eval()
    ids = torch.ones((2, 8), dtype=torch.long)
    mask = torch.ones((2, 8), dtype=torch.long)
    mask[1, 5:] = 0
    axes = {0: "batch", 1: "tokens"}
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # The TorchScript exporter (dynamo=False) needs no onnxscript and handles BERT well.
        torch.onnx.export(
            model,
            (ids, mask),
            str(target),
            dynamo=False,
            opset_version=OPSET,
            input_names=["input_ids", "attention_mask"],
            output_names=["sentence_embedding"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "sentence_embedding": {0: "batch"},
            },
            do_constant_folding=True,
        )


class _DropHint(logging.Filter):
    """The quantiser's advice to pre-process does not apply to this graph; keep logs clean."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "pre-processing before quantization" not in record.getMessage()


def quantize_int8(*, source: Path, target: Path) -> None:
    """Dynamic int8 quantisation of the weight matrices, one scale per output channel."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    hint = _DropHint()
    logging.getLogger().addFilter(hint)
    try:
        # Per-channel scales keep cosine ≥ 0.99 to float32; one scale per tensor falls to ~0.95.
        quantize_dynamic(
            source,
            target,
            op_types_to_quantize=["MatMul"],
            per_channel=True,
            weight_type=QuantType.QInt8,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
    finally:
        logging.getLogger().removeFilter(hint)


def build(*, source: Path, target: Path, key: str, variant: str) -> None:
    """Export (and quantise) into a temporary file beside target, then rename it into place."""
    import onnx

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".build-") as tmp:
        work = Path(tmp)
        exported = work / "fp32.onnx"
        export_fp32(source=source, target=exported, smoothed=variant == "int8")
        if variant == "int8":
            quantize_int8(source=exported, target=work / "int8.onnx")
            exported = work / "int8.onnx"
        model = onnx.load(str(exported))
        entry = model.metadata_props.add()
        entry.key, entry.value = KEY_FIELD, key
        final = work / "final.onnx"
        onnx.save(model, str(final))
        # Same folder, so the rename is atomic: readers see the old file or the whole new one.
        os.replace(final, target)


def open_session(*, path: Path, threads: int) -> onnxruntime.InferenceSession:
    """A CPU session sized for this machine; idle threads sleep rather than spin."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _matches(*, session: Any, key: str) -> bool:
    return bool(session.get_modelmeta().custom_metadata_map.get(KEY_FIELD) == key)


def cached_session(
    *, source: Path, cache_dir: Path, variant: str, threads: int
) -> tuple[onnxruntime.InferenceSession, Path]:
    """Open the cached model, building it first when it is missing, unreadable or stale."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown ONNX variant {variant!r}; expected one of {VARIANTS}")
    key = cache_key(source=source, variant=variant)
    path = cached_path(cache_dir=cache_dir, key=key, variant=variant)
    if path.exists():
        try:
            session = open_session(path=path, threads=threads)
            if _matches(session=session, key=key):
                return session, path
            log.warning("cached model %s belongs to another build; rebuilding", path.name)
        except Exception as err:
            log.warning("cached model %s is unreadable (%s); rebuilding", path.name, err)
    log.info("building the %s ONNX export of the embedding model once (about 10 s) in %s",
             variant, cache_dir)
    started = time.perf_counter()
    build(source=source, target=path, key=key, variant=variant)
    log.info("embedding model exported in %.1f s", time.perf_counter() - started)
    session = open_session(path=path, threads=threads)
    if not _matches(session=session, key=key):
        raise RuntimeError(f"freshly built model {path} does not carry its cache key")
    return session, path
