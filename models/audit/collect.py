"""Fold chunk results, in file order, into per-finding line lists and running statistics. All
state is per example (a few numbers and two signatures) or fixed-size, never the text."""

from __future__ import annotations

from collections import Counter

import numpy as np

import models.audit.similarity as similarity
from models.audit.formats import FORMAT_NAMES, ROLE_ISSUES
from models.audit.options import AuditOptions
from models.audit.pii import KINDS
from models.audit.repetition import PhraseTally
from models.audit.variety import P
from models.audit.worker import ChunkResult

MALFORMED_KINDS = (("invalid UTF-8", "invalid UTF-8"), ("not JSON", "not JSON"),
                   ("a JSON", "not a JSON object"), ("line longer", "line too long"),
                   ("no accepted", "no accepted format"))


def malformed_kind(reason: str) -> str:
    """The category a malformed-line reason belongs to, for the breakdown."""
    return next((kind for prefix, kind in MALFORMED_KINDS if reason.startswith(prefix)),
                "fields of the wrong type")


class Collector:
    """Everything the report needs from the training file, built chunk by chunk."""

    def __init__(self, *, options: AuditOptions, traffic: bool) -> None:
        self.options = options
        self.examples = 0
        self.malformed: list[int] = []
        self.malformed_kinds: Counter[str] = Counter()
        self.first_malformed: tuple[int, str] | None = None
        self.lines: list[np.ndarray] = []
        self.formats = np.zeros(len(FORMAT_NAMES), dtype=np.int64)
        self.flags: dict[str, list[np.ndarray]] = {k: [] for k in (
            "F-ROLE", "F-EMPTY", "F-PII", "F-DUPLICATE", "F-NEAR-DUPLICATE", "F-CONFLICT")}
        self.role_kinds: Counter[str] = Counter()
        self.pii_kinds: Counter[str] = Counter()
        self.dedupe = similarity.Deduper(near_input=options.near_input_jaccard,
                                         same_output=options.same_output_jaccard)
        self.tokens_total: list[np.ndarray] = []
        self.tokens_out: list[np.ndarray] = []
        self.out_json: list[np.ndarray] = []
        self.out_blank: list[np.ndarray] = []
        self.hll = np.zeros(1 << P, dtype=np.int8)
        self.bigrams = 0
        self.phrases = PhraseTally()
        self.traffic_rows: list[np.ndarray] | None = [] if traffic else None
        self.valid = 0

    def _flag(self, fid: str, mask: np.ndarray, lines: np.ndarray) -> None:
        if mask.any():
            self.flags[fid].append(lines[mask])

    def _kinds(self, r: ChunkResult) -> None:
        for bits in r.role[r.role > 0].tolist():
            self.role_kinds.update(k for i, k in enumerate(ROLE_ISSUES) if bits & (1 << i))
        for bits in r.pii[r.pii > 0].tolist():
            self.pii_kinds.update(name for bit, name in KINDS.items() if bits & bit)

    def add(self, r: ChunkResult) -> None:
        """Fold one chunk in; chunks must arrive in file order."""
        self.examples += len(r.malformed) + len(r.lines)
        for line, reason in r.malformed:
            self.malformed.append(line)
            self.malformed_kinds[malformed_kind(reason)] += 1
            if self.first_malformed is None:
                self.first_malformed = (line, reason)
        self.lines.append(r.lines)
        self.formats += np.bincount(r.fmt, minlength=len(FORMAT_NAMES))
        self._flag("F-ROLE", r.role > 0, r.lines)
        self._flag("F-EMPTY", r.empty, r.lines)
        self._flag("F-PII", r.pii > 0, r.lines)
        self._kinds(r)
        codes = self.dedupe.classify(keys=r.key, sig_in=r.sig_in, sig_out=r.sig_out,
                                     has_input=r.has_input)
        for code, fid in ((similarity.DUPLICATE, "F-DUPLICATE"),
                          (similarity.NEAR_DUPLICATE, "F-NEAR-DUPLICATE"),
                          (similarity.CONFLICT, "F-CONFLICT")):
            self._flag(fid, codes == code, r.lines)
        self.tokens_total.append(r.tokens_total)
        self.tokens_out.append(r.tokens_out)
        self.out_json.append(r.out_json)
        self.out_blank.append(~r.out_json & ~r.out_free)
        if r.hll is not None:
            np.maximum(self.hll, r.hll, out=self.hll)
        self.bigrams += r.bigrams
        self.phrases.add(phrases=r.phrases, offset=self.valid, free_outputs=int(r.out_free.sum()))
        if self.traffic_rows is not None and r.traffic is not None:
            self.traffic_rows.append(r.traffic)
        self.valid += len(r.lines)

    def lines_of(self, fid: str) -> np.ndarray:
        """Every flagged line of one finding, sorted."""
        parts = self.flags[fid]
        return np.sort(np.concatenate(parts)) if parts else np.empty(0, dtype=np.int64)

    def valid_lines(self) -> np.ndarray:
        return np.concatenate(self.lines) if self.lines else np.empty(0, dtype=np.int64)

    def token_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        cat = lambda parts: np.concatenate(parts) if parts else np.empty(0, np.int64)  # noqa: E731
        return cat(self.tokens_total), cat(self.tokens_out)
