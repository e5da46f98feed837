"""Refit the description reader on the train sentences and write models/reading/artifact.json.

Usage: python scripts/train_reader.py   (wires the static embedder, which models/ cannot import)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.static_embeddings import StaticEmbedder
from models.reading.data.check import load
from models.reading.model import DEFAULT_ARTIFACT
from models.reading.training import write
from models.reading.tuning import train_reader


def main() -> None:
    """Fit, write, and print each field's threshold and cross-validated figures."""
    static = StaticEmbedder.load()
    artifact = train_reader(sentences=load(name="sentences.jsonl"),
                            embed=lambda texts: static.encode(texts=texts),
                            embedder_id=static.model_id)
    write(artifact=artifact, path=DEFAULT_ARTIFACT)
    for field, spec in artifact["fields"].items():
        print(f"{field:24s} thresholds {spec['threshold_specific']:.3f} (specific) "
              f"{spec['threshold']:.3f} (other); cv {spec['cv']}")


if __name__ == "__main__":
    main()
