"""Print the reader's figures: holdout sentences, descriptions, conflicts, scenarios.

Usage: python scripts/evaluate_reader.py [--json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.static_embeddings import StaticEmbedder
from models.advisor import Advisor
from models.reading.evaluate import evaluate_reader, report
from models.reading.reader import Reader


def main() -> None:
    """Evaluate the committed reader with the committed advisor."""
    static = StaticEmbedder.load()
    reader = Reader.load(embed=lambda texts: static.encode(texts=texts),
                         embedder_id=static.model_id)
    figures = evaluate_reader(reader=reader, decider=Advisor.load())
    print(json.dumps(figures, indent=1) if "--json" in sys.argv else report(figures=figures))


if __name__ == "__main__":
    main()
