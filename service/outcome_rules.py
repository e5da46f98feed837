"""Whether a recorded outcome agrees with its own numbers and with its assessment's plan.

Used when an outcome is recorded (a 422 names the fields) and again when `advisor train
--with-outcomes` reads them back (older or hand-written rows are rejected, counted and named).
"""

from __future__ import annotations

from typing import Any

EPS = 1e-9
IMPROVING = ("success", "improved_short_of_bar")


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def own_numbers(*, outcome: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, problem) pairs where the verdict contradicts the outcome's own measurements."""
    verdict = outcome.get("verdict")
    before, after = _num(outcome.get("metric_before")), _num(outcome.get("metric_after"))
    g_before, g_after = _num(outcome.get("guardrail_before")), _num(outcome.get("guardrail_after"))
    found: list[tuple[str, str]] = []
    if verdict in IMPROVING and before is not None and after is not None and after <= before:
        found.append(("metric_after", f"verdict {verdict!r} needs metric_after above "
                      f"metric_before ({after:g} <= {before:g})"))
    if (verdict == "guardrail_breached" and g_before is not None and g_after is not None
            and g_after >= g_before):
        found.append(("guardrail_after", "verdict 'guardrail_breached' needs guardrail_after "
                      f"below guardrail_before ({g_after:g} >= {g_before:g})"))
    return found


def against_plan(*, outcome: dict[str, Any], plan: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(field, problem) pairs where the verdict contradicts the assessment's success plan."""
    if not plan:
        return []
    verdict = outcome.get("verdict")
    after = _num(outcome.get("metric_after"))
    bar = _num(plan.get("success_threshold"))
    max_drop = _num(plan.get("guardrail_max_drop"))
    g_before, g_after = _num(outcome.get("guardrail_before")), _num(outcome.get("guardrail_after"))
    found: list[tuple[str, str]] = []
    if after is not None and bar is not None:
        if verdict == "success" and after < bar - EPS:
            found.append(("metric_after", f"verdict 'success' needs metric_after at or above "
                          f"the plan's success_threshold {bar:g} (got {after:g})"))
        if verdict in ("improved_short_of_bar", "no_gain_over_prompting") and after >= bar + EPS:
            found.append(("metric_after", f"verdict {verdict!r} contradicts metric_after {after:g}"
                          f", which clears the plan's success_threshold {bar:g}"))
    if g_before is not None and g_after is not None and max_drop is not None:
        dropped = g_before - g_after
        if verdict == "success" and dropped > max_drop + EPS:
            found.append(("guardrail_after", f"verdict 'success' but the guardrail dropped "
                          f"{dropped:.3g}, more than the plan's {max_drop:g}"))
        if verdict == "guardrail_breached" and dropped <= max_drop + EPS:
            found.append(("guardrail_after", f"verdict 'guardrail_breached' but the guardrail "
                          f"dropped only {dropped:.3g} (the plan allows {max_drop:g})"))
    return found


def problems(*, outcome: dict[str, Any], plan: dict[str, Any] | None) -> list[tuple[str, str]]:
    """Every contradiction, own numbers first."""
    return own_numbers(outcome=outcome) + against_plan(outcome=outcome, plan=plan)
