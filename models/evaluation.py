"""The held-out evaluation report: the model beside a rules-only baseline, and its calibration.

Held out: the `holdout` split of both case files (never fitted, never used to choose C, the cap
or the calibration). A recommendation is right with accept semantics when it is one of the case's
defensible answers. Probabilities are judged per approach: three binary targets per case from its
best answer (a `rag_and_fine_tuning` label is positive for both rag and fine_tuning), pooled into
ten equal-width bins; the expected calibration error (ECE) is the count-weighted mean gap between
predicted and observed rates. The reliability diagram is written as an SVG beside the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from models.advisor import Advisor
from models.case_files import accepted, load_cases
from models.case_scores import Scored, score_cases, summary
from models.metrics import confusion, reliability
from models.reliability_svg import reliability_svg
from models.vocabulary import LABELS, SHORT_NAMES, parts_of

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIAGRAM = REPO / "docs" / "reliability.svg"
FEW = 10
TOLERANCE = 0.1
ROWS = (("accuracy (best answer)", "accuracy", 3), ("accuracy (accept)", "accuracy_accept", 3),
        ("macro-F1", "macro_f1", 3), ("Brier, per approach", "brier", 4),
        ("log-loss, per approach", "log_loss", 4), ("ECE, per approach", "ece", 4),
        ("share of top scores >= 0.99", "top_score_ge_0.99", 3))


def _header(*, advisor: Advisor) -> list[str]:
    art = advisor.artifact
    est, cal = art["estimator"], art["calibration"]
    slopes = ", ".join(f"{SHORT_NAMES[a]} x{cal['slope'][a]:.3f}{cal['shift'][a]:+.3f}"
                       for a in art["approaches"])
    return [
        "Advisor evaluation on the held-out splits",
        f"model {advisor.model_version}, rules {advisor.rules_version}",
        f"C {est['C']:g}; cap: no learned answer term moves a logit by more than "
        f"{est['cap']:g} log-odds, no ruled-out indicator by more than {est['ruled_out_cap']:g}",
        f"calibration (Platt, folded into the coefficients): {slopes}",
    ]


def _confidence(*, scored: Sequence[Scored]) -> list[str]:
    """Harmful confidence and coherence: sure-and-wrong answers, recommendations not on top."""
    own = [(min(s.scores[a] for a in parts_of(recommendation=s.recommendation)), s)
           for s in scored]
    sure = [s for score, s in own if score >= 0.95]
    wrong = [s for s in sure if s.recommendation not in accepted(case=s.case)]
    not_top = sum(
        max((a for a in s.scores if a not in s.result.ruled_out), key=s.scores.__getitem__)
        not in parts_of(recommendation=s.recommendation) for s in scored)
    return [f"recommendations scored >= 0.95: {len(sure)}, wrong: {len(wrong)}",
            f"recommended approach not the top score among those not ruled out: {not_top}"]


def _confusion_lines(*, scored: Sequence[Scored]) -> list[str]:
    matrix = confusion(truth=[s.case["label"] for s in scored],
                       predicted=[s.recommendation for s in scored])
    return ["Confusion matrix, model (rows: best answer, columns: recommended)",
            f"{'':<20}" + "".join(f"{SHORT_NAMES[p]:>7}" for p in LABELS),
            *(f"{label:<20}" + "".join(f"{n:>7}" for n in row)
              for label, row in zip(LABELS, matrix, strict=True))]


def _reliability_lines(*, table: Sequence[dict[str, float]]) -> list[str]:
    lines = [f"{'bin':<10}{'n':>6}{'pred':>8}{'obs':>8}{'gap':>8}"]
    for row in table:
        if not row["n"]:
            lines.append(f"{row['lo']:.1f}-{row['hi']:.1f}{0:>8}{'-':>8}{'-':>8}{'-':>8}")
            continue
        gap = row["observed"] - row["predicted"]
        flag = "  outside +/-0.1" if row["n"] >= FEW and abs(gap) > TOLERANCE else ""
        lines.append(f"{row['lo']:.1f}-{row['hi']:.1f}{row['n']:>8}{row['predicted']:>8.3f}"
                     f"{row['observed']:>8.3f}{gap:>+8.3f}{flag}")
    return lines


def render_report(
    *, artifact_path: Path | None = None, diagram_path: Path | None = DEFAULT_DIAGRAM
) -> str:
    """Evaluate the artifact on the held-out cases, write the diagram, return the report text."""
    advisor = Advisor.load(path=artifact_path)
    cases = load_cases()
    held = [c for c in cases if c.get("split") == "holdout"]
    model = score_cases(advisor=advisor, cases=held)
    base = score_cases(advisor=advisor, cases=held, learned=False)
    ours, theirs = summary(scored=model), summary(scored=base)
    files = sorted({c["file"] for c in held})
    lines = [*_header(advisor=advisor),
             f"{len(held)} held-out cases of {len(cases)} ("
             + ", ".join(f"{f} {sum(c['file'] == f for c in held)}" for f in files)
             + "), never used for fitting or selection", "",
             f"{'metric':<30}{'model':>10}{'rules-only':>12}"]
    lines += [f"{name:<30}{ours[key]:>10.{d}f}{theirs[key]:>12.{d}f}" for name, key, d in ROWS]
    for name in files:
        part = summary(scored=[s for s in model if s.case["file"] == name])
        lines.append(f"{name} holdout: accuracy (accept) {part['accuracy_accept']:.3f}, "
                     f"ECE {part['ece']:.4f}, n {part['n']}")
    lines += ["", *_confidence(scored=model), "", *_confusion_lines(scored=model)]
    ece, table = reliability(truth=[s.case["label"] for s in model],
                             scores=[s.scores for s in model])
    lines += ["", f"Reliability, per-approach scores pooled (ECE {ece:.4f}; bins with n >= {FEW} "
              f"should observe within +/-{TOLERANCE} of their mean prediction)",
              *_reliability_lines(table=table)]
    if diagram_path is not None:
        note = f"{advisor.model_version}: {len(held)} cases x 3 approaches, ECE {ece:.3f}"
        diagram_path.parent.mkdir(parents=True, exist_ok=True)
        diagram_path.write_text(reliability_svg(
            table=table, title="Reliability on the held-out cases", note=note), encoding="utf-8")
        inside = diagram_path.is_relative_to(REPO)
        shown = diagram_path.relative_to(REPO) if inside else diagram_path
        lines.append(f"reliability diagram written to {shown}")
    return "\n".join(lines) + "\n"
