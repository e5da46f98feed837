"""The advisor at inference time: loading, no sklearn, and guidance-shaped answers.

Its speed is a figure printed by bench/inference.py, not an assert here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from models.advisor import DEFAULT_ARTIFACT, Advisor, recommend
from models.features import FEATURE_SOURCE
from models.questionnaire import REQUIRED_FIELDS, Questionnaire
from models.vocabulary import Approach
from tests.support import answers, questionnaire

REPO = Path(__file__).resolve().parents[2]
# Every readiness signal for a narrow, strict, high-volume job: fine-tuning territory.
READY = answers(full=True, knowledge_freshness="static", requests_per_day=50_000,
                labeled_examples=5_000, prompt_baseline_score=0.75)


def _assess(advisor: Advisor, **changes: Any) -> Any:
    return advisor.assess(questionnaire=Questionnaire.model_validate({**READY, **changes}))


def test_load_exposes_versions_and_the_parsed_artifact(advisor: Advisor) -> None:
    parsed = json.loads(DEFAULT_ARTIFACT.read_text(encoding="utf-8"))
    assert advisor.artifact == parsed
    assert advisor.model_version == parsed["version"]
    assert advisor.rules_version == parsed["rules_version"]
    assert Advisor.load(path=DEFAULT_ARTIFACT).artifact == parsed


def test_stale_feature_lists_are_refused(advisor: Advisor) -> None:
    broken = {**advisor.artifact, "features": ["something_else"]}
    with pytest.raises(ValueError, match="retrain"):
        Advisor(artifact=broken)


def test_inference_does_not_import_sklearn() -> None:
    code = "import sys, models.advisor as a; a.Advisor.load(); print('sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_a_ready_narrow_high_volume_job_gets_fine_tuning(advisor: Advisor) -> None:
    result = _assess(advisor)
    assert result.recommendation.value == "fine_tuning"
    assert "R-HIGH-VOLUME-NARROW-STRICT" in {r.id for r in result.rules}


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"success_metric_defined": False}, "R-NO-SUCCESS-METRIC"),
        ({"mlops_capacity": "none"}, "R-NO-MLOPS"),
        ({"workflow_stability": "changes_weekly"}, "R-WORKFLOW-WEEKLY"),
        ({"labeled_examples": 40}, "R-FEW-EXAMPLES"),
        ({"data_quality": "noisy"}, "R-UNCLEAN-DATA"),
        ({"task_narrowness": "broad"}, "R-BROAD-TASK"),
        ({"primary_gap": "reasoning"}, "R-REASONING-GAP"),
        ({"prompt_baseline_score": 0.95}, "R-NO-HEADROOM"),
        ({"requests_per_day": 300}, "R-LOW-VOLUME"),
    ],
)
def test_each_blocker_turns_fine_tuning_into_prompting(
    advisor: Advisor, changes: dict[str, Any], rule: str
) -> None:
    result = _assess(advisor, **changes)
    assert result.recommendation.value == "prompt_engineering"
    fired = {r.id: r for r in result.rules}
    assert fired[rule].effect == "constraint"
    assert fired[rule].constraint == "forbid_fine_tuning"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"knowledge_freshness": "realtime"}, "rag_and_fine_tuning"),
        ({"needs_private_context": True}, "rag_and_fine_tuning"),
        ({"primary_gap": "knowledge"}, "rag"),
        ({"needs_private_context": True, "mlops_capacity": "none"}, "rag"),
        ({"knowledge_freshness": "daily", "success_metric_defined": False}, "rag"),
    ],
)
def test_fresh_or_private_knowledge_brings_in_retrieval(
    advisor: Advisor, changes: dict[str, Any], expected: str
) -> None:
    assert _assess(advisor, **changes).recommendation.value == expected


def test_high_stakes_domains_warn_about_guardrails(advisor: Advisor) -> None:
    result = _assess(advisor, risk_domain="web3")
    assert "R-HIGH-STAKES-GUARDRAILS" in {r.id for r in result.rules}
    warning = next(w for w in result.warnings if w.id == "W-NO-GUARDRAILS")
    assert warning.severity == "high" and warning.mistake == 10


def test_unknown_answers_scale_rule_weights(advisor: Advisor) -> None:
    bare = {k: READY[k] for k in REQUIRED_FIELDS}
    result = advisor.assess(questionnaire=Questionnaire.model_validate(bare))
    partial = [r for r in result.rules if r.effect == "log_odds" and r.weight is not None]
    assert any(0 < r.weight < 1 for r in partial)
    assert all(r.effect == "log_odds" or r.weight == 1.0 for r in result.rules)


def test_rules_only_baseline_uses_rules_and_base_rates_only(advisor: Advisor) -> None:
    result = advisor.assess_rules_only(questionnaire=Questionnaire.model_validate(READY))
    assert all(c.feature.startswith("rule:") for c in result.contributions)
    priors = advisor.artifact["rules_only"]["intercepts"]
    assert {a.value: v for a, v in result.intercepts.items()} == priors
    assert result.model_version.endswith("+rules-only")


@pytest.mark.parametrize(
    ("scores", "ruled_out", "expected"),
    [
        ({"prompt_engineering": 0.2, "rag": 0.7, "fine_tuning": 0.6}, set(), "rag_and_fine_tuning"),
        ({"prompt_engineering": 0.2, "rag": 0.1, "fine_tuning": 0.6}, {"prompt_engineering"},
         "rag_and_fine_tuning"),
        ({"prompt_engineering": 0.2, "rag": 0.7, "fine_tuning": 0.6}, {"fine_tuning"}, "rag"),
        ({"prompt_engineering": 0.9, "rag": 0.1, "fine_tuning": 0.8}, {"fine_tuning"},
         "prompt_engineering"),
        # fine-tuning outscores the required retrieval, so it joins it: the best allowed
        # approach is always part of the recommendation
        ({"prompt_engineering": 0.9, "rag": 0.1, "fine_tuning": 0.4}, {"prompt_engineering"},
         "rag_and_fine_tuning"),
        ({"prompt_engineering": 0.9, "rag": 0.6, "fine_tuning": 0.4}, {"prompt_engineering"},
         "rag"),
        ({"prompt_engineering": 0.3, "rag": 0.3, "fine_tuning": 0.3}, set(), "prompt_engineering"),
        # a ruled-out approach never wins, however well it scores
        ({"prompt_engineering": 0.2, "rag": 0.99, "fine_tuning": 0.3}, {"rag"}, "fine_tuning"),
        ({"prompt_engineering": 0.4, "rag": 0.99, "fine_tuning": 0.3}, {"rag"},
         "prompt_engineering"),
    ],
)
def test_four_way_recommendation(
    scores: dict[str, float], ruled_out: set[str], expected: str
) -> None:
    assert recommend(scores=scores, ruled_out=ruled_out, both_threshold=0.5) == expected


def test_ruled_out_approaches_name_their_rules(advisor: Advisor) -> None:
    result = _assess(advisor, success_metric_defined=False, mlops_capacity="none")
    assert result.ruled_out[Approach.fine_tuning] == ["R-NO-SUCCESS-METRIC", "R-NO-MLOPS"]
    assert result.ruled_out[Approach.rag] == ["R-NOTHING-TO-RETRIEVE"]
    assert result.recommendation.value == "prompt_engineering"
    fresh = _assess(advisor, knowledge_freshness="daily")
    assert fresh.ruled_out[Approach.prompt_engineering] == ["R-FRESH-RETRIEVAL"]
    assert Approach.rag not in fresh.ruled_out


def test_an_unknown_answer_adds_no_learned_term(advisor: Advisor) -> None:
    bare = advisor.assess(questionnaire=questionnaire())
    for c in bare.contributions:
        if c.feature in FEATURE_SOURCE and FEATURE_SOURCE[c.feature] not in REQUIRED_FIELDS:
            assert c.value == 0.0, c.feature


def test_with_nothing_to_retrieve_fine_tuning_ruled_out_means_prompting(advisor: Advisor) -> None:
    # the old failure: an unanswered private-context question pushed retrieval past prompting
    result = advisor.assess(questionnaire=questionnaire(task_narrowness="broad"))
    assert result.recommendation.value == "prompt_engineering"
    assert set(result.ruled_out) == {Approach.fine_tuning, Approach.rag}
