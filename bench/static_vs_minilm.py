"""Would a static embedder do for ingestion? Retrieval and chunks/s beside the ONNX MiniLM.

Usage: PYTHONPATH=. .venv/bin/python bench/static_vs_minilm.py [--chunks 2000]
For each embedder (the ONNX MiniLM the index uses; the static table distilled from the same
weights that the description reader uses, its 256 dimensions zero-padded to the column's 384,
which keeps every cosine as it is), ingests the seeds and the built-in corpus into their own
collections of a fresh embedded database, scores both hard query sets (hybrid and dense,
hit@3 and MRR@10, every split and the holdout split), and times ingestion of a generated
corpus. Prints Markdown. The static embedder is worth offering only if hybrid loses at most
0.01 of hit@3 and MRR@10 on both sets (issue 19). Figures on a shared machine are indicative.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from retrieval_by_kind import SETS, ranked  # noqa: E402
from workload import generate_corpus  # noqa: E402

from knowledge.embeddings import DIMENSIONS, Embedder  # noqa: E402
from knowledge.eval_kinds import by_kind, load_tags  # noqa: E402
from knowledge.static_embeddings import StaticEmbedder  # noqa: E402
from service.config import Settings  # noqa: E402
from service.db.database import Database  # noqa: E402
from service.indexing import ingest  # noqa: E402


class PaddedStatic:
    """The reader's static table as an ingest embedder: zero-padded to the index's width."""

    def __init__(self, *, static: StaticEmbedder) -> None:
        self.static = static
        self.backend_id = f"{static.model_id}-pad{DIMENSIONS}"

    def encode(self, *, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        vectors = self.static.encode(texts=texts)
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        out[:, : vectors.shape[1]] = vectors
        return out

    def encode_one(self, *, text: str) -> np.ndarray:
        return self.encode(texts=[text])[0]


def scores(*, conninfo: str, embedder: Any, name: str, seeds: Path) -> dict[str, float]:
    """hybrid/dense hit@3 and MRR@10 per query set, over all questions and the holdout."""
    sources = {"seeds": seeds, "corpus": REPO / "knowledge" / "corpus"}
    out: dict[str, float] = {}
    for kind, path in SETS.items():
        collection = f"{name}-{kind}"
        ingest(conninfo=conninfo, paths=[sources[kind]], collection=collection,
               embedder=embedder)
        ranks = asyncio.run(ranked(conninfo=conninfo, collection=collection, path=path,
                                   embedder=embedder))
        tags = load_tags(path=path)
        for split in ("all", "holdout"):
            for mode in ("hybrid", "dense"):
                got = by_kind(ranks=ranks[mode], tags=tags,
                              split=None if split == "all" else split)["all"][1]
                out[f"{kind} {split} {mode} hit@3"] = got["hit@3"]
                out[f"{kind} {split} {mode} mrr@10"] = got["mrr@10"]
    return out


def rate(*, conninfo: str, embedder: Any, corpus: Path, name: str) -> float:
    """Chunks per second through the real ingest path, model loaded."""
    embedder.encode(texts=["warm up"])
    started = time.perf_counter()
    report = ingest(conninfo=conninfo, paths=[corpus], collection=f"{name}-rate",
                    embedder=embedder)
    return report.chunks_written / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--chunks", type=int, default=2000)
    args = parser.parse_args()
    embedders = {"minilm": Embedder().load(),
                 "static": PaddedStatic(static=StaticEmbedder.load())}
    with tempfile.TemporaryDirectory(prefix="advisor-static-") as tmp:
        database = Database(settings=Settings(ADVISOR_DATA_DIR=Path(tmp) / "data",
                                              ADVISOR_DATABASE_URL=None))
        conninfo = database.start()
        try:
            got = {name: scores(conninfo=conninfo, embedder=e, name=name, seeds=args.seeds)
                   for name, e in embedders.items()}
            made = generate_corpus(folder=Path(tmp) / "corpus", chunks=args.chunks,
                                   rng=random.Random(7))
            speed = {name: rate(conninfo=conninfo, embedder=e, corpus=Path(tmp) / "corpus",
                                name=name) for name, e in embedders.items()}
        finally:
            database.stop()
    print("| figure | ONNX MiniLM | static (distilled) | static − MiniLM |\n|---|---|---|---|")
    for key in got["minilm"]:
        a, b = got["minilm"][key], got["static"][key]
        print(f"| {key} | {a:.3f} | {b:.3f} | {b - a:+.3f} |")
    print(f"| ingestion chunks/s ({made} generated chunks) | {speed['minilm']:.0f} | "
          f"{speed['static']:.0f} | |")


if __name__ == "__main__":
    main()
