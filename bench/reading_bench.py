"""How long reading a description takes, alone and inside the whole pure assessment.

Prints milliseconds per fresh 60-word description (p50/p95 over many), the static embedder's
load time, the time for 1,000 questionnaires through `assess_document` (what `advisor
assess --no-guidance` does per line), and `advisor assess FILE --no-guidance` on 1,000 of them
end to end (start-up, worker processes and output included). Run:
`python bench/reading_bench.py`. Figures depend on the machine's load; they are printed, never
asserted.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from knowledge.static_embeddings import StaticEmbedder
from models.advisor import Advisor
from models.assessing import assess_document
from models.estimates import load_assumptions
from models.questionnaire import Questionnaire
from models.reading.reader import Reader

FRAGMENTS = (
    "We run customer support for a subscription service", "the assistant answers chat questions",
    "about delivery slots, refunds and account changes", "prices change every Friday",
    "we get roughly 3,000 tickets a day", "it's just me maintaining this next to my day job",
    "answers depend on the customer's own orders", "our prompt gets 71% on a 400-ticket test set",
    "we have about 5k labelled replies reviewed by two senior agents", "p95 under 800ms",
    "the help centre is about 1,200 articles", "nothing regulated, worst case a wrong size tip",
    "output must be valid JSON for our CRM", "the tone is too stiff for our brand",
    "policies change every few months", "a nurse reviews every suggestion before it is sent",
)
BASE = {"task_narrowness": "moderate", "knowledge_freshness": "monthly",
        "requests_per_day": 1000, "mlops_capacity": "limited", "risk_domain": "general"}


def description(*, rng: random.Random, words: int = 60) -> str:
    """A fresh description of about `words` words (random order, random numbers)."""
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < words:
        fragment = rng.choice(FRAGMENTS).replace("3,000", f"{rng.randint(1, 99)},000")
        parts.append(fragment)
    return ". ".join(p[0].upper() + p[1:] for p in parts) + "."


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    """Print the figures."""
    start = time.perf_counter()
    static = StaticEmbedder.load()
    took = (time.perf_counter() - start) * 1000
    print(f"static embedder load: {took:.0f} ms ({static.model_id})")
    reader = Reader.load(embed=lambda texts: static.encode(texts=texts),
                         embedder_id=static.model_id)
    advisor, assumptions = Advisor.load(), load_assumptions()
    rng = random.Random(7)
    texts = [description(rng=rng) for _ in range(400)]
    reader.read(text=texts[0])
    read_ms, full_ms, cpu_ms = [], [], []
    for text in texts:
        t0, c0 = time.perf_counter(), time.process_time()
        reader.read(text=text)
        t1 = time.perf_counter()
        cpu_ms.append((time.process_time() - c0) * 1000)
        q = Questionnaire.model_validate({**BASE, "description": text})
        assess_document(questionnaire=q, advisor=advisor, reader=reader,
                        assumptions=assumptions, assessment_id="bench")
        t2 = time.perf_counter()
        read_ms.append((t1 - t0) * 1000)
        full_ms.append((t2 - t1) * 1000)
    print(f"read, CPU time: mean {statistics.mean(cpu_ms):.2f} ms (less sensitive to other load)")
    for name, values in (("read", read_ms), ("read + assess (no guidance)", full_ms)):
        print(f"{name}: p50 {statistics.median(values):.2f} ms, "
              f"p95 {percentile(values, 0.95):.2f} ms per 60-word description")
    for label, used in ((", reader off", None), (" through assess_document", reader)):
        t0 = time.perf_counter()
        for text in texts[:250] * 4:
            q = Questionnaire.model_validate({**BASE, "description": text})
            assess_document(questionnaire=q, advisor=advisor, reader=used,
                            assumptions=assumptions, assessment_id="bench")
        print(f"1,000 questionnaires{label}: {time.perf_counter() - t0:.2f} s")


def cli_seconds(*, texts: list[str]) -> float:
    """Wall time of `advisor assess FILE --no-guidance` over one questionnaire per text."""
    advisor = Path(sys.executable).with_name("advisor")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.jsonl"
        path.write_text("".join(json.dumps({**BASE, "description": t}) + "\n" for t in texts))
        t0 = time.perf_counter()
        subprocess.run([str(advisor), "assess", str(path), "--no-guidance"], check=True,
                       stdout=subprocess.DEVNULL, env={**os.environ, "ADVISOR_DATA_DIR": tmp})
        return time.perf_counter() - t0


if __name__ == "__main__":
    main()
    rng = random.Random(9)
    took = cli_seconds(texts=[description(rng=rng) for _ in range(1000)])
    print(f"advisor assess FILE --no-guidance, 1,000 questionnaires: {took:.2f} s")
