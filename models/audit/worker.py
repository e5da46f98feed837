"""The per-line work, done for a chunk of lines in a worker process: parse, check roles, empty
turns and personal data, count tokens, and reduce each example to fixed-size fingerprints. What
comes back is small and independent of how long the lines were."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

import numpy as np

import models.audit.pii as pii
import models.audit.sketch as sketch
import models.audit.text as text
import models.audit.tokens as tokens
import models.audit.traffic as traffic
import models.audit.variety as variety
from models.audit.formats import FORMAT_NAMES, ROLE_ISSUES, Parsed, parse_line

Chunk = list[tuple[int, bytes | None]]


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs to know; eval chunks skip everything but the input fingerprint."""

    num_perm_input: int
    num_perm_output: int
    phrase_words: int
    phrase_floor_share: float
    max_line_bytes: int
    eval_only: bool = False
    traffic_features: bool = False


@dataclass
class ChunkResult:
    """Per valid example arrays (same order as `lines`), plus the chunk's malformed lines."""

    malformed: list[tuple[int, str]]
    lines: np.ndarray
    fmt: np.ndarray
    role: np.ndarray
    empty: np.ndarray
    pii: np.ndarray
    key: np.ndarray
    has_input: np.ndarray
    sig_in: np.ndarray
    sig_out: np.ndarray
    tokens_total: np.ndarray
    tokens_out: np.ndarray
    out_json: np.ndarray
    out_free: np.ndarray
    bigrams: int = 0
    hll: np.ndarray | None = None
    phrases: dict[int, tuple[str, np.ndarray]] = field(default_factory=dict)
    traffic: np.ndarray | None = None


_HASHER = text.WordHasher()


def _digest(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def init_worker() -> None:
    """Pool initialiser: one tokenizer thread per worker, since the workers already fill the
    cores (HF tokenizers would otherwise start a thread per core in every worker)."""
    os.environ["TOKENIZERS_PARALLELISM"] = "false"


def _parse(chunk: Chunk, *, config: WorkerConfig) -> tuple[list[tuple[int, Parsed]],
                                                           list[tuple[int, str]]]:
    """Valid examples and (line, reason) of the malformed ones, in line order."""
    valid, malformed = [], []
    limit = f"line longer than {config.max_line_bytes:,} bytes"
    for line_no, raw in chunk:
        parsed = limit if raw is None else parse_line(raw)
        if isinstance(parsed, str):
            malformed.append((line_no, parsed))
        else:
            valid.append((line_no, parsed))
    return valid, malformed


def _phrase_candidates(words_out: list[list[str]], hashes: np.ndarray, lengths: np.ndarray, *,
                       config: WorkerConfig) -> dict[int, tuple[str, np.ndarray]]:
    """Phrases repeated in at least `phrase_floor_share` of this chunk's free-text outputs (at
    least 2), with their words and the outputs that hold them."""
    n = config.phrase_words
    fp, who, start = text.phrases(hashes, lengths, n=n)
    if len(fp) == 0:
        return {}
    uniq, first, counts = np.unique(fp, return_index=True, return_counts=True)
    floor = max(2, int(np.ceil(config.phrase_floor_share * int((lengths > 0).sum()))))
    offsets = np.cumsum(lengths) - lengths
    found = {}
    for phrase, i, c in zip(uniq[counts >= floor], first[counts >= floor],
                            counts[counts >= floor], strict=True):
        owners = who[i:i + c]
        at = int(start[i] - offsets[owners[0]])
        found[int(phrase)] = (" ".join(words_out[owners[0]][at:at + n]), owners.astype(np.int32))
    return found


def _sets(words_list: list[list[str]], *, num_perm: int) -> tuple[np.ndarray, np.ndarray,
                                                                    np.ndarray, np.ndarray]:
    """MinHash rows of the unigram+bigram sets (min of the two signatures is the signature of
    the union), and the flat word hashes, lengths and bigram hashes behind them."""
    hashes, lengths = _HASHER.flat(words_list)
    pairs, pair_lengths = text.bigrams(hashes, lengths)
    rows = np.minimum(sketch.signatures(values=hashes, lengths=lengths, num_perm=num_perm),
                      sketch.signatures(values=pairs, lengths=pair_lengths, num_perm=num_perm))
    return rows, hashes, lengths, pairs


def _fingerprints(valid: list[tuple[int, Parsed]], *, config: WorkerConfig, result: ChunkResult,
                  ) -> tuple[list[list[str]], np.ndarray, np.ndarray]:
    """Input and output signatures; returns the free-text outputs' words and word hashes."""
    result.sig_in, _, lengths, pairs = _sets([text.words(p.input) for _, p in valid],
                                             num_perm=config.num_perm_input)
    result.has_input = lengths > 0
    if config.eval_only:
        return [], np.empty(0, np.uint32), np.empty(0, np.int64)
    values = [text.json_value(p.output) for _, p in valid]
    result.out_json = np.array([v is not None for v in values], dtype=bool)
    words_out = [[] if v is not None else text.words(p.output)
                 for v, (_, p) in zip(values, valid, strict=True)]
    result.sig_out, hashes, lengths_out, _ = _sets(words_out, num_perm=config.num_perm_output)
    if result.out_json.any():
        structured = np.array([text.json_hash(v) for v in values if v is not None], np.uint32)
        result.sig_out[result.out_json] = sketch.signatures(
            values=structured, lengths=np.ones(len(structured), np.int64),
            num_perm=config.num_perm_output)
    result.bigrams, result.hll = len(pairs), variety.registers(pairs)
    return words_out, hashes, lengths_out


def process(payload: tuple[Chunk, WorkerConfig]) -> ChunkResult:
    """Everything per line that does not need the rest of the file."""
    chunk, config = payload
    valid, malformed = _parse(chunk, config=config)
    n = len(valid)
    result = ChunkResult(
        malformed=malformed, lines=np.array([ln for ln, _ in valid], dtype=np.int64),
        fmt=np.array([FORMAT_NAMES.index(p.fmt) for _, p in valid], dtype=np.uint8),
        role=np.zeros(n, np.uint8), empty=np.zeros(n, bool), pii=np.zeros(n, np.uint8),
        key=np.zeros(n, np.uint64), has_input=np.zeros(n, bool),
        sig_in=np.empty((0, config.num_perm_input), np.uint32),
        sig_out=np.empty((0, config.num_perm_output), np.uint32),
        tokens_total=np.zeros(n, np.int64), tokens_out=np.zeros(n, np.int64),
        out_json=np.zeros(n, bool), out_free=np.zeros(n, bool))
    words_out, hashes, lengths = _fingerprints(valid, config=config, result=result)
    if config.eval_only:
        return result
    for i, (_, p) in enumerate(valid):
        result.role[i] = sum(1 << ROLE_ISSUES.index(r) for r in p.role_issues)
        result.empty[i] = p.empty
        result.pii[i] = pii.pii_kinds(p.body)
        result.key[i] = _digest(f"{p.fmt}\x1d{p.key}")
    result.out_free = lengths > 0
    result.phrases = _phrase_candidates(words_out, hashes, lengths, config=config)
    # Text is split on whitespace before WordPiece, so counts of the parts add up exactly.
    shared = tokens.count_shared([p.shared for _, p in valid])
    prompt = tokens.count([p.prompt_side for _, p in valid])
    result.tokens_out = tokens.count([p.output for _, p in valid])
    result.tokens_total = shared + prompt + result.tokens_out
    if config.traffic_features:
        result.traffic = np.array([traffic.features(p.user_text) for _, p in valid],
                                  dtype=np.int64).reshape(-1, 4)
    return result
