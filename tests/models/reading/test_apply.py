"""Applying readings: fill, agree, conflict (with its W-CONFLICT message), and what is ignored."""

from __future__ import annotations

from typing import Any

from models.advisor import Advisor
from models.assessing import assess_document
from models.estimates import load_assumptions
from models.questionnaire import Questionnaire
from models.reading.apply import understand
from models.reading.reader import Reader, Reading
from tests.support import FULL_ANSWERS

TEXT = "It's just me maintaining this next to my day job. We get 200k tickets a month."


def reading(field: str, value: Any, evidence: str, **flags: Any) -> Reading:
    start = TEXT.find(evidence)
    return Reading(field=field, value=value, evidence=evidence, start=start,
                   end=start + len(evidence), confidence=flags.get("confidence", 0.9),
                   specific=flags.get("specific", True), hedged=flags.get("hedged", False))


def questionnaire(**answers: Any) -> Questionnaire:
    base = {**FULL_ANSWERS, "description": TEXT, **answers}
    return Questionnaire.model_validate({k: v for k, v in base.items() if v is not None})


def test_an_absent_answer_is_filled_and_scored(advisor: Advisor) -> None:
    q = questionnaire(labeled_examples=None)
    told = understand(questionnaire=q, readings=[reading(
        "labeled_examples", 0, "me")], decider=advisor)
    assert told.effective.labeled_examples == 0
    assert [(i.field, i.status) for i in told.inferred] == [("labeled_examples", "filled")]
    assert told.warnings == []


def test_numbers_within_a_factor_of_two_agree(advisor: Advisor) -> None:
    q = questionnaire(requests_per_day=4000)
    told = understand(questionnaire=q, readings=[reading(
        "requests_per_day", 6667, "200k tickets a month")], decider=advisor)
    assert told.inferred[0].status == "agrees"
    assert told.effective.requests_per_day == 4000


def test_a_specific_contradiction_conflicts_and_wins(advisor: Advisor) -> None:
    q = questionnaire(mlops_capacity="dedicated")
    evidence = "It's just me maintaining this next to my day job"
    told = understand(questionnaire=q, readings=[reading("mlops_capacity", "limited", evidence)],
                      decider=advisor)
    assert told.effective.mlops_capacity == "limited"
    assert told.inferred[0].status == "conflicts"
    [warning] = told.warnings
    assert (warning.id, warning.field) == ("W-CONFLICT", "mlops_capacity")
    assert '"Dedicated"' in warning.message and f'"{evidence}"' in warning.message
    assert "uses your description" in warning.message
    assert "with dedicated MLOps capacity" in warning.message
    other = advisor.decide(questionnaire=questionnaire(mlops_capacity="dedicated"))
    assert "recommend" in warning.message
    assert other.recommendation.value in {"prompt_engineering", "rag", "fine_tuning",
                                          "rag_and_fine_tuning"}


def test_vague_or_hedged_contradictions_change_nothing(advisor: Advisor) -> None:
    q = questionnaire(mlops_capacity="dedicated", requests_per_day=500_000)
    told = understand(questionnaire=q, readings=[
        reading("mlops_capacity", "limited", "me", specific=False),
        reading("requests_per_day", 6667, "200k tickets a month", hedged=True),
    ], decider=advisor)
    assert told.inferred == [] and told.warnings == []
    assert told.effective == q


def test_a_vague_number_conflicts_only_when_far_beyond_its_vagueness(advisor: Advisor) -> None:
    vague = reading("requests_per_day", 6667, "200k tickets a month", specific=False)
    near = understand(questionnaire=questionnaire(requests_per_day=30_000), readings=[vague],
                      decider=advisor)
    assert near.inferred == [] and near.warnings == []
    far = understand(questionnaire=questionnaire(requests_per_day=500_000), readings=[vague],
                     decider=advisor)
    assert [i.status for i in far.inferred] == ["conflicts"]
    assert far.effective.requests_per_day == 6667
    assert [w.id for w in far.warnings] == ["W-CONFLICT"]


def test_high_stakes_text_brings_guardrails_and_form_high_stakes_is_kept(
        advisor: Advisor) -> None:
    told = understand(questionnaire=questionnaire(risk_domain="general"), readings=[
        reading("risk_domain", "health", "me", specific=False)], decider=advisor)
    assert told.effective.risk_domain == "health"
    assert told.inferred[0].status == "conflicts"
    warnings = {w.id for w in advisor.assess(questionnaire=told.effective).warnings}
    assert {"W-NO-GUARDRAILS", "W-WEAK-EVALUATION"} <= warnings
    kept = understand(questionnaire=questionnaire(risk_domain="health"), readings=[
        reading("risk_domain", "general", "me")], decider=advisor)
    assert kept.effective.risk_domain == "health"
    assert "uses your form answer" in kept.warnings[0].message


def test_the_document_carries_inferred_and_conflicts_first(advisor: Advisor,
                                                           reader: Reader) -> None:
    text = ("Customer chat for a meal-kit service. The menu is published every Thursday. "
            "It's just me maintaining this next to my day job as a support lead.")
    q = questionnaire(description=text, mlops_capacity="dedicated", knowledge_freshness="static")
    _, doc = assess_document(questionnaire=q, advisor=advisor, reader=reader,
                                  assumptions=load_assumptions(), assessment_id="x")
    assert doc.inferred and all(i.evidence in text for i in doc.inferred)
    conflicts = [i.field for i in doc.inferred if i.status == "conflicts"]
    assert [w.field for w in doc.warnings[:len(conflicts)]] == conflicts
    assert doc.questionnaire.mlops_capacity == "dedicated"  # the answers as given
    assert "inferred" in doc.model_dump(mode="json")


def test_a_guess_below_more_likely_than_not_fills_but_never_overrules(advisor: Advisor) -> None:
    evidence = "We get 200k tickets a month"
    guess = reading("needs_private_context", True, evidence, confidence=0.47)
    told = understand(questionnaire=questionnaire(needs_private_context=False), readings=[guess],
                      decider=advisor)
    assert told.effective.needs_private_context is False
    assert told.inferred == [] and told.warnings == []
    blank = understand(questionnaire=questionnaire(needs_private_context=None), readings=[guess],
                       decider=advisor)
    assert blank.effective.needs_private_context is True
    assert [i.status for i in blank.inferred] == ["filled"]


def test_one_frequency_placed_by_the_form_under_its_sibling_is_no_conflict(
        advisor: Advisor) -> None:
    evidence = "We get 200k tickets a month"
    read = [reading("knowledge_freshness", "monthly", evidence),
            reading("workflow_stability", "evolving", evidence)]
    told = understand(questionnaire=questionnaire(knowledge_freshness="static",
                                                  workflow_stability="evolving"),
                      readings=read, decider=advisor)
    assert told.effective.knowledge_freshness == "static"
    assert [(i.field, i.status) for i in told.inferred] == [("workflow_stability", "agrees")]
    assert told.warnings == []
    apart = understand(questionnaire=questionnaire(knowledge_freshness="static",
                                                   workflow_stability="stable"),
                       readings=read, decider=advisor)
    assert {w.field for w in apart.warnings} == {"knowledge_freshness", "workflow_stability"}


def test_words_read_for_both_frequencies_overrule_only_when_a_cue_placed_them(
        advisor: Advisor) -> None:
    evidence = "We get 200k tickets a month"
    guessed = [reading("knowledge_freshness", "monthly", evidence, confidence=0.75),
               reading("workflow_stability", "evolving", evidence, confidence=0.7)]
    told = understand(questionnaire=questionnaire(knowledge_freshness="static",
                                                  workflow_stability=None),
                      readings=guessed, decider=advisor)
    assert told.warnings == []
    assert told.effective.knowledge_freshness == "static"
    assert ("workflow_stability", "filled") in [(i.field, i.status) for i in told.inferred]
    placed = [reading("knowledge_freshness", "monthly", evidence, confidence=0.9), guessed[1]]
    told = understand(questionnaire=questionnaire(knowledge_freshness="static",
                                                  workflow_stability=None),
                      readings=placed, decider=advisor)
    assert [w.field for w in told.warnings] == ["knowledge_freshness"]
    alone = understand(questionnaire=questionnaire(knowledge_freshness="static"),
                       readings=guessed[:1], decider=advisor)
    assert [w.field for w in alone.warnings] == ["knowledge_freshness"]
