"""In-process model speed: how long Advisor.assess takes per questionnaire (no HTTP, no DB).

Usage: .venv/bin/python bench/inference.py [--calls 200] [--rounds 5]
Prints the best round's mean per call; the figure used to be a unit-test assert (< 1 ms).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workload import fresh_questionnaire

from models.advisor import Advisor
from models.questionnaire import Questionnaire


def assess_ms(*, calls: int, rounds: int) -> float:
    """Best-of-rounds mean milliseconds per Advisor.assess call on varied questionnaires."""
    advisor = Advisor.load()
    rng = random.Random(7)
    questionnaires = [
        Questionnaire.model_validate(fresh_questionnaire(rng=rng, i=i)) for i in range(calls)
    ]
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for questionnaire in questionnaires:
            advisor.assess(questionnaire=questionnaire)
        best = min(best, (time.perf_counter() - start) / calls)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    figure = assess_ms(calls=args.calls, rounds=args.rounds)
    print("| figure | measured | target |\n|---|---|---|")
    print(f"| Advisor.assess per questionnaire (in-process) | {figure:.3f} ms | < 1 ms |")


if __name__ == "__main__":
    main()
