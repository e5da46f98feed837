"""Retrieval figures by kind of question and by split, so a weak kind is not averaged away."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.evaluate import LabelledQuery, is_relevant
from knowledge.search import Passage

ALL = "all"
SPLITS = ("tune", "holdout")
METRICS = ("hit@3", "hit@5", "mrr@10")


@dataclass(frozen=True)
class Tags:
    """What kind of question a labelled query is, and which split it belongs to."""

    kind: str
    split: str


def load_tags(*, path: Path) -> list[Tags]:
    """Kind and split of each line of a labelled set, in file order (untagged: kind "any")."""
    tags = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        split = item.get("split", "tune")
        if split not in SPLITS:
            raise ValueError(f"{path}:{number}: split must be one of {SPLITS}, not {split!r}")
        tags.append(Tags(kind=str(item.get("kind", "any")), split=split))
    return tags


def first_relevant_rank(*, passages: Sequence[Passage], query: LabelledQuery) -> int | None:
    """1-based rank of the first relevant passage within the top 10, or None."""
    for rank, passage in enumerate(passages[:10], 1):
        if is_relevant(passage=passage, query=query):
            return rank
    return None


def metrics(*, ranks: Sequence[int | None]) -> dict[str, float]:
    """hit@3, hit@5 and MRR@10 from first-relevant ranks."""
    n = max(1, len(ranks))
    return {
        "hit@3": sum(r is not None and r <= 3 for r in ranks) / n,
        "hit@5": sum(r is not None and r <= 5 for r in ranks) / n,
        "mrr@10": sum(1.0 / r for r in ranks if r is not None and r <= 10) / n,
    }


def by_kind(
    *, ranks: Sequence[int | None], tags: Sequence[Tags], split: str | None = None
) -> dict[str, tuple[int, dict[str, float]]]:
    """(count, metrics) per kind and for all kinds together, optionally within one split."""
    if len(ranks) != len(tags):
        raise ValueError(f"{len(ranks)} ranks for {len(tags)} tagged queries")
    chosen = [(r, t) for r, t in zip(ranks, tags, strict=True) if split in (None, t.split)]
    kinds = list(dict.fromkeys(t.kind for _, t in chosen))  # in file order
    out = {
        kind: (
            sum(t.kind == kind for _, t in chosen),
            metrics(ranks=[r for r, t in chosen if t.kind == kind]),
        )
        for kind in kinds
    }
    out[ALL] = (len(chosen), metrics(ranks=[r for r, _ in chosen]))
    return out


def format_kind_table(*, results: dict[str, dict[str, tuple[int, dict[str, float]]]]) -> str:
    """Markdown: one row per kind, hit@3 / hit@5 / MRR@10 for each retrieval mode."""
    modes = list(results)
    kinds = list(next(iter(results.values()))) if results else []
    if len(kinds) == 2:  # one kind only: its row would repeat the total
        kinds = [ALL]
    header = "| kind | n | " + " | ".join(f"{m} {x}" for m in modes for x in METRICS) + " |"
    lines = [header, "|---|---|" + "---|" * (len(modes) * len(METRICS))]
    for kind in kinds:
        count = results[modes[0]][kind][0]
        cells = [f"{results[m][kind][1][x]:.3f}" for m in modes for x in METRICS]
        name = f"**{kind}**" if kind == ALL else kind
        lines.append(f"| {name} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
