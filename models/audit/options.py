"""Limits and thresholds of the dataset audit, each with the reason for its value.

Similarity is the Jaccard similarity of word unigram+bigram sets (text.py), estimated from
MinHash signatures (128 permutations for inputs, 64 for outputs; standard error at most 0.044
and 0.063).
- Inputs "nearly equal" at an estimated Jaccard of NEAR_INPUT_JACCARD or more.
- A later example whose input nearly equals an earlier one's is a near duplicate when the two
  outputs reach SAME_OUTPUT_JACCARD, else a conflict (the output differs materially).
  Structured (JSON) outputs are the same only when they hold the same values.
- Candidates come from datasketch's MinHashLSH over the input signatures, LSH_BANDS bands of
  LSH_ROWS rows: a pair becomes a candidate with probability 0.92 at Jaccard 0.7, 0.98 at 0.75
  and 0.996 at 0.8, but only 0.03 at 0.3 (unrelated inputs on the same topic), which keeps the
  index fast. Each candidate is then checked against the full 128-value signature.
- Only examples that are not already flagged enter the index (one representative per group),
  and an example that already has CROWDED_CANDIDATES candidates is not added either: template
  text shared by thousands of inputs cannot make the index quadratic.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

MAX_LINE_BYTES = 1 << 20  # 1 MiB: ~250k tokens, beyond any fine-tuning context; F-MALFORMED
NUM_PERM_INPUT = 128
NUM_PERM_OUTPUT = 64
NEAR_INPUT_JACCARD = 0.7
SAME_OUTPUT_JACCARD = 0.5
LSH_BANDS, LSH_ROWS = 14, 5
CROWDED_CANDIDATES = 256
PHRASE_WORDS = 8  # a "long phrase": eight consecutive words
REPETITIVE_SHARE = 0.03  # a phrase in 3% of free-text outputs is a house style, not chance
REPETITIVE_MIN_OUTPUTS = 10
PHRASE_FLOOR_SHARE = 0.01  # per chunk, rarer phrases are not tracked (bounded memory)
JSON_MAJORITY = 0.5  # the JSON share is reported when most outputs parse as JSON
CONTEXT_LIMIT = 4096
MAX_TRAFFIC_LINES = 200_000


class AuditOptions(BaseModel):
    """What a caller may change per audit; everything else is fixed and stated in the report."""

    model_config = ConfigDict(extra="forbid")

    context_limit: int = Field(default=CONTEXT_LIMIT, ge=16, le=10_000_000,
                               description="tokens; examples above it are counted and listed")
    max_line_bytes: int = Field(default=MAX_LINE_BYTES, ge=1024, le=64 << 20,
                                description="longer lines are F-MALFORMED and never parsed")
    workers: int = Field(default=2, ge=1, le=16,
                         description="processes for parsing, tokens and MinHash")
    chunk_lines: int = Field(default=1000, ge=10, le=100_000,
                             description="lines handed to a worker at a time")
    near_input_jaccard: float = Field(default=NEAR_INPUT_JACCARD, gt=0.0, le=1.0)
    same_output_jaccard: float = Field(default=SAME_OUTPUT_JACCARD, gt=0.0, le=1.0)
    repetitive_share: float = Field(default=REPETITIVE_SHARE, gt=0.0, le=1.0)

    def thresholds(self) -> dict[str, float | int | str]:
        """Every number the findings depend on, for the report."""
        return {
            "max_line_bytes": self.max_line_bytes,
            "shingles": "word unigrams + bigrams (lower-cased)",
            "near_input_jaccard": self.near_input_jaccard,
            "same_output_jaccard": self.same_output_jaccard,
            "minhash_permutations_input": NUM_PERM_INPUT,
            "minhash_permutations_output": NUM_PERM_OUTPUT,
            "lsh_bands": LSH_BANDS, "lsh_rows": LSH_ROWS,
            "repetitive_phrase_words": PHRASE_WORDS,
            "repetitive_share": self.repetitive_share,
            "repetitive_min_outputs": REPETITIVE_MIN_OUTPUTS,
            "context_limit": self.context_limit,
        }
