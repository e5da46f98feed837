"""Properties of every per-example verdict, for any scores (hypothesis): finite, ordered, stated."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.verdict import VerdictRequest, decide

binary = st.sampled_from([0, 1])
fraction = st.one_of(binary, st.floats(0.0, 1.0, allow_nan=False), st.sampled_from([0.5, 0.25]))
pairs = st.one_of(
    st.lists(st.fixed_dictionaries({"baseline": binary, "candidate": binary}), min_size=1,
             max_size=60),
    st.lists(st.fixed_dictionaries({"baseline": fraction, "candidate": fraction}), min_size=1,
             max_size=60),
)
plans = st.tuples(st.floats(0.0, 0.9), st.floats(0.01, 0.1), st.booleans()).map(
    lambda t: {"baseline": t[0] if t[2] else None, "success_threshold": min(1.0, t[0] + t[1])}
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(results=pairs, plan=plans)
def test_every_verdict_is_finite_ordered_and_explained(
    results: list[dict[str, Any]], plan: dict[str, Any]
) -> None:
    response = decide(request=VerdictRequest.model_validate({"plan": plan, "results": results}))
    json.dumps(response.model_dump(), allow_nan=False)  # no NaN or infinity anywhere
    score, gain = response.candidate_score, response.gain
    assert score is not None and gain is not None and response.p_value is not None
    assert 0.0 <= score.ci_low <= score.estimate + 1e-12 <= score.ci_high + 2e-12 <= 1.0 + 2e-12
    assert -1.0 <= gain.ci_low <= gain.estimate + 1e-12 <= gain.ci_high + 2e-12 <= 1.0 + 2e-12
    assert 0.0 <= response.p_value <= 1.0
    assert response.n_examples == len(results)
    assert response.verdict != "baseline_unmeasured"
    if response.verdict == "success":
        assert gain.ci_low > 0 and score.ci_low >= plan["success_threshold"] - 1e-9
    if response.verdict == "no_gain_over_prompting":
        assert gain.estimate <= 1e-9
    if response.verdict == "inconclusive":
        assert gain.estimate > 0
        assert "more" in response.reason
        assert response.more_examples_needed is None or response.more_examples_needed >= 1
        if response.more_examples_needed is not None:
            assert f"about {response.more_examples_needed} more" in response.reason
    if response.verdict == "improved_short_of_bar":
        assert gain.ci_low > 0 and score.ci_high < plan["success_threshold"]
    again = decide(request=VerdictRequest.model_validate({"plan": plan, "results": results}))
    assert again == response
    assert all(math.isfinite(v) for v in (score.ci_low, gain.ci_high, response.p_value))
