"""Slack says one sentence about cost over time; the chart stays in the report."""

from __future__ import annotations

from service.slack.blocks import clip, result_blocks
from tests.service.slack_support import all_text, check_limits
from tests.support import answers, document

PUBLIC = "https://advisor.example.test"


def test_one_sentence_about_the_projection() -> None:
    doc = document(given=answers(full=True, requests_per_day=300, latency_budget_ms=None))
    assert doc.cost_projection is not None and doc.cost_projection.crossovers
    blocks = result_blocks(doc=doc, public_url=PUBLIC)
    check_limits(blocks)
    sentence = clip(text=doc.cost_projection.summary, limit=600)
    mentions = [b for b in blocks if sentence in str(b)]
    assert len(mentions) == 1 and mentions[0]["type"] == "context"
    assert sentence.count(". ") == 0 and sentence.endswith(".")  # one sentence
    assert f"month {doc.cost_projection.crossovers[0].month}" in all_text(blocks)


def test_documents_without_a_projection_say_nothing_about_it() -> None:
    doc = document(cost_projection=None)
    text = all_text(result_blocks(doc=doc, public_url=PUBLIC))
    assert ":chart_with_upwards_trend:" not in text and "Over 24 months" not in text
