"""The staged path: which stages apply, and why, for given answers and recommendations."""

from __future__ import annotations

import pytest

from models.next_steps import NextStep, plan_next_steps
from models.questionnaire import Questionnaire
from models.result import FiredRule, ModelResult
from models.vocabulary import Approach, Recommendation
from tests.support import answers

BASE = answers()


def result_for(recommendation: str, *, rules: list[FiredRule] | None = None) -> ModelResult:
    """A hand-made model result: next_steps only reads recommendation, scores and rules."""
    scores = {Approach.prompt_engineering: 0.3, Approach.rag: 0.2, Approach.fine_tuning: 0.35}
    return ModelResult(
        recommendation=Recommendation(recommendation), scores=scores, logits=dict.fromkeys(scores,
        0.0), intercepts=dict.fromkeys(scores, 0.0), rules=rules or [], contributions=[],
        warnings=[], model_version="test",
    )


def steps(recommendation: str = "fine_tuning", **answers: object) -> dict[str, NextStep]:
    q = Questionnaire.model_validate({**BASE, **answers})
    return {s.id: s for s in plan_next_steps(questionnaire=q, result=result_for(recommendation))}


def test_stages_in_cheapest_first_order() -> None:
    q = Questionnaire.model_validate(BASE)
    out = plan_next_steps(questionnaire=q, result=result_for("prompt_engineering"))
    assert [s.stage for s in out] == list(range(1, 7))
    assert [s.id for s in out] == [
        "evals_and_baseline", "prompting", "retrieval", "data_cleanup", "fine_tuning", "guardrails"
    ]
    assert all(" § " in s.source for s in out)


def test_example_in_schema_validates() -> None:
    NextStep.model_validate(NextStep.model_config["json_schema_extra"]["examples"][0])  # type: ignore[index]


def test_evals_and_prompting_always_apply_and_mention_baseline() -> None:
    known = steps(prompt_baseline_score=0.64)
    assert known["evals_and_baseline"].applies and known["prompting"].applies
    assert "0.64" in known["evals_and_baseline"].why
    assert "0.64" in known["prompting"].why
    assert "No metric" in steps()["evals_and_baseline"].why


def test_prompting_is_the_destination_when_recommended() -> None:
    assert "recommended approach" in steps("prompt_engineering")["prompting"].why
    assert "recommended approach" not in steps("rag")["prompting"].why


def test_prompting_enforces_schema_for_structured_output() -> None:
    assert "schema" in steps(output_strictness="strict_schema")["prompting"].do
    assert "JSON-schema" not in steps(output_strictness="free_text")["prompting"].do


@pytest.mark.parametrize(
    ("recommendation", "answers", "applies"),
    [
        ("fine_tuning", {}, False),
        ("rag", {}, True),
        ("rag_and_fine_tuning", {}, True),
        ("fine_tuning", {"knowledge_freshness": "daily"}, True),
        ("prompt_engineering", {"needs_private_context": True}, True),
        ("prompt_engineering", {"primary_gap": "knowledge"}, True),
    ],
)
def test_retrieval_applies_when_facts_move_or_recommended(
    recommendation: str, answers: dict[str, object], applies: bool
) -> None:
    assert steps(recommendation, **answers)["retrieval"].applies is applies


@pytest.mark.parametrize(
    ("recommendation", "answers", "applies"),
    [
        ("fine_tuning", {"data_quality": "clean", "labeled_examples": 2000}, False),
        ("fine_tuning", {"data_quality": "noisy", "labeled_examples": 2000}, True),
        ("prompt_engineering", {"data_quality": "mixed"}, True),
        ("fine_tuning", {"data_quality": "clean", "labeled_examples": 50}, True),
        ("fine_tuning", {"labeled_examples": 2000}, True),
        ("prompt_engineering", {"labeled_examples": 2000}, False),
    ],
)
def test_data_cleanup_when_noisy_thin_or_unknown_before_training(
    recommendation: str, answers: dict[str, object], applies: bool
) -> None:
    assert steps(recommendation, **answers)["data_cleanup"].applies is applies


def test_data_cleanup_does_not_claim_clean_data_it_was_not_told_about() -> None:
    assert "unknown" in steps("prompt_engineering")["data_cleanup"].why
    told = steps("fine_tuning", data_quality="clean", labeled_examples=800)["data_cleanup"]
    assert "800" in told.why and "clean" in told.why


@pytest.mark.parametrize(
    ("recommendation", "applies"),
    [("fine_tuning", True), ("rag_and_fine_tuning", True), ("rag", False),
     ("prompt_engineering", False)],
)
def test_fine_tuning_stage_follows_recommendation(recommendation: str, applies: bool) -> None:
    assert steps(recommendation)["fine_tuning"].applies is applies


def test_fine_tuning_names_what_holds_it_back() -> None:
    blocker = FiredRule(id="R-X", message="Nobody owns retraining.", effect="log_odds",
                        approach=Approach.fine_tuning, log_odds=-1.5, source="003 § 9")
    helper = FiredRule(id="R-Y", message="Helps prompting.", effect="log_odds",
                       approach=Approach.prompt_engineering, log_odds=1.0, source="003 § 7")
    partial = FiredRule(id="R-Z", message="Maybe a knowledge gap.", effect="log_odds",
                        approach=Approach.fine_tuning, log_odds=-0.1, weight=0.2, source="003 § 2")
    veto = FiredRule(id="R-V", message="Volume too low.", effect="constraint",
                     constraint="forbid_fine_tuning", source="003 § 9")
    q = Questionnaire.model_validate(BASE)
    rules = [blocker, helper, partial, veto]
    why = plan_next_steps(questionnaire=q, result=result_for("rag", rules=rules))[4].why
    assert "0.35" in why
    assert "Held back by: Volume too low. Nobody owns retraining." in why
    assert "Helps prompting." not in why
    assert "Maybe a knowledge gap." not in why


@pytest.mark.parametrize(("domain", "applies"), [("general", False), ("web3", True),
                                                 ("legal", True)])
def test_guardrails_for_high_stakes(domain: str, applies: bool) -> None:
    step = steps(risk_domain=domain)["guardrails"]
    assert step.applies is applies
    assert ("high-stakes" in step.why) is applies
