"""In-process model speed (no HTTP, no DB): Advisor.assess alone, and the whole model-side
document build (Assessor.evaluate: assess + advice + what-ifs + open questions), per questionnaire.

Usage: .venv/bin/python bench/inference.py [--calls 200] [--rounds 5] [--callgrind 100]
Prints the best round's mean per call, wall-clock and (for evaluate) CPU time: read them as
indicative on a shared machine.
`--callgrind N` also counts the CPU instructions of N evaluate calls under valgrind (a figure the
machine's load does not move): the run with N calls minus the run with none, both warmed up alike.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workload import fresh_questionnaire

from models.advisor import Advisor
from models.estimates import load_assumptions
from models.questionnaire import Questionnaire
from service.assessment import Assessor


def _questionnaires(*, calls: int, seed: int = 7) -> list[Questionnaire]:
    """Varied, valid questionnaires; the same ones for the same seed."""
    rng = random.Random(seed)
    return [Questionnaire.model_validate(fresh_questionnaire(rng=rng, i=i)) for i in range(calls)]


def assess_ms(*, calls: int, rounds: int) -> float:
    """Best-of-rounds mean milliseconds per Advisor.assess call on varied questionnaires."""
    advisor = Advisor.load()
    questionnaires = _questionnaires(calls=calls)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for questionnaire in questionnaires:
            advisor.assess(questionnaire=questionnaire)
        best = min(best, (time.perf_counter() - start) / calls)
    return best * 1000


def _assessor() -> Assessor:
    return Assessor(advisor=Advisor.load(), reader=None, finder=None,
                    assumptions=load_assumptions())


def evaluate_ms(*, calls: int, rounds: int) -> tuple[float, float]:
    """Best-of-rounds mean milliseconds per Assessor.evaluate (the document without guidance),
    wall-clock and this process's CPU time. Every round scores new questionnaires, so memoised
    rule degrees help no more than they would with fresh traffic."""
    assessor = _assessor()
    for questionnaire in _questionnaires(calls=20, seed=3):
        assessor.evaluate(questionnaire=questionnaire)
    wall = cpu = float("inf")
    for round_ in range(rounds):
        questionnaires = _questionnaires(calls=calls, seed=100 + round_)
        start, start_cpu = time.perf_counter(), time.process_time()
        for questionnaire in questionnaires:
            assessor.evaluate(questionnaire=questionnaire)
        wall = min(wall, (time.perf_counter() - start) / calls)
        cpu = min(cpu, (time.process_time() - start_cpu) / calls)
    return wall * 1000, cpu * 1000


def _evaluate_only(*, calls: int) -> None:
    """The body run under valgrind: load, warm up on other questionnaires, then `calls` builds."""
    assessor = _assessor()
    for questionnaire in _questionnaires(calls=20, seed=3):
        assessor.evaluate(questionnaire=questionnaire)
    for questionnaire in _questionnaires(calls=calls):
        assessor.evaluate(questionnaire=questionnaire)


def _instructions(*, calls: int) -> int:
    """Instructions valgrind counts for one whole `--evaluate-only` run."""
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, "--evaluate-only", str(calls)],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same hashing, so the same work, each run
    )
    found = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def instructions_per_evaluate(*, calls: int) -> float:
    """Load-independent cost of one evaluate: (run with `calls` builds - run with none) / calls."""
    return (_instructions(calls=calls) - _instructions(calls=0)) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--callgrind", type=int, default=0, metavar="N",
                        help="also count instructions of N evaluate calls (needs valgrind)")
    parser.add_argument("--evaluate-only", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.evaluate_only is not None:
        _evaluate_only(calls=args.evaluate_only)
        return
    print("| figure | measured | target |\n|---|---|---|")
    figure = assess_ms(calls=args.calls, rounds=args.rounds)
    print(f"| Advisor.assess per questionnaire (in-process) | {figure:.3f} ms | < 1 ms |")
    wall, cpu = evaluate_ms(calls=args.calls, rounds=args.rounds)
    print(f"| Assessor.evaluate per questionnaire (document, no guidance) | {wall:.3f} ms | |")
    print(f"| the same, CPU time of this process | {cpu:.3f} ms | |")
    if args.callgrind:
        if shutil.which("valgrind") is None:
            print("| instructions per evaluate | valgrind not installed | |")
            return
        count = instructions_per_evaluate(calls=args.callgrind)
        print(f"| instructions per evaluate (callgrind, {args.callgrind} calls) "
              f"| {count / 1e6:.1f} M | |")


if __name__ == "__main__":
    main()
