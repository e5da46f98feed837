"""The Block Kit result: its content, and Slack's limits under the worst documents we can make."""

from __future__ import annotations

import re
from typing import Any

import pytest

from models.document import AssessmentDocument
from service.slack.blocks import (
    MAX_BLOCKS,
    SECTION_LIMIT,
    clip,
    cut_escaped,
    fit,
    join_lines,
    result_blocks,
    slack_len,
)
from tests.service.slack_support import all_text, check_limits
from tests.support import answers
from tests.support import document as real_document

PUBLIC = "https://advisor.example.test"


def passage(i: int, *, text: str | None = None, source: str | None = None) -> dict[str, Any]:
    return {"text": text or f"Passage {i} says something useful.",
            "source": source or f"seed_{i}.txt § Part {i}",
            "score": max(0.0, round(0.9 - i / 10, 2)),
            "title": "T", "file": f"seed_{i}.txt", "section": f"Part {i}",
            "collection": "builtin", "supports": []}


def document(**overrides: Any) -> AssessmentDocument:
    """A real document whose shown sections are small and known."""
    sections: dict[str, Any] = {
        "id": "0190-abc", "recommendation": "fine_tuning", "project_name": "Ticket triage",
        "scores": {"prompt_engineering": 0.31, "rag": 0.12, "fine_tuning": 0.86},
        "ruled_out": {},
        "rules": [
            {"id": "R-SOFT", "message": "Soft nudge toward prompting", "effect": "log_odds",
             "log_odds": 0.2, "source": "s"},
            {"id": "R-HARD", "message": "Fresh facts need retrieval", "effect": "constraint",
             "source": "s"},
        ],
        "contributions": [
            {"approach": "fine_tuning", "feature": "log_requests_per_day", "answer": 40000,
             "value": 0.9},
            {"approach": "fine_tuning", "feature": "strictness", "answer": "strict_schema",
             "value": 0.4},
            {"approach": "rag", "feature": "freshness", "answer": "static", "value": 2.0},
            {"approach": "fine_tuning", "feature": "mlops", "answer": "none", "value": -1.0},
        ],
        "warnings": [
            {"id": "W-INFO", "message": "Minor note", "severity": "info", "source": "s"},
            {"id": "W-HIGH", "message": "No guardrail metric", "severity": "high", "source": "s"},
        ],
        "guidance": [passage(i) for i in range(5)],
        "model_version": "test-1",
    }
    return real_document(**{**sections, **overrides})


def test_content_of_a_typical_result() -> None:
    blocks = result_blocks(doc=document(), public_url=PUBLIC + "/")
    check_limits(blocks)
    assert blocks[0]["type"] == "header" and "Fine-tuning" in blocks[0]["text"]["text"]
    text = all_text(blocks)
    bars = re.findall(r"`([█░]{20})` +(\d+)%  (.+?)(  :white_check_mark:)?$", text, re.M)
    assert [(b[0].count("█"), int(b[1]), b[2], bool(b[3])) for b in bars] == [
        (6, 31, "Prompt engineering", False), (2, 12, "Retrieval (RAG)", False),
        (17, 86, "Fine-tuning", True)]
    # constraint rules first, then the biggest pushes toward the recommended approach only
    assert text.index("Fresh facts need retrieval") < text.index("Soft nudge")
    assert "the daily request volume: 40,000 pushes toward Fine-tuning (+0.90" in text
    assert "how strict the output format is: Strict schema pushes toward Fine-tuning" in text
    assert "facts change" not in text and "retraining" not in text and "more rules" not in text
    assert text.index("No guardrail metric") < text.index("Minor note")
    quoted = [b for b in blocks if b["type"] == "section" and b["text"]["text"].startswith("> ")]
    assert [q["text"]["text"].split("\n— ")[1] for q in quoted] == [
        "seed_0.txt § Part 0", "seed_1.txt § Part 1", "seed_2.txt § Part 2"]
    url = PUBLIC + "/assessments/0190-abc/report"
    assert f"<{url}|" in text
    assert any(e.get("url") == url for b in blocks if b["type"] == "actions" for e in b["elements"])


def test_a_ruled_out_approach_is_named_not_drawn_as_a_bar() -> None:
    doc = document(recommendation="prompt_engineering",
                   scores={"prompt_engineering": 0.4, "rag": 0.1, "fine_tuning": 0.99},
                   ruled_out={"fine_tuning": ["R-NO-MLOPS"], "rag": ["R-NOTHING-TO-RETRIEVE"]})
    text = all_text(result_blocks(doc=doc, public_url=PUBLIC))
    assert "Fine-tuning: ruled out by R-NO-MLOPS" in text
    assert "Retrieval (RAG): ruled out by R-NOTHING-TO-RETRIEVE" in text
    assert "99%" not in text and text.count("█") == 8


def test_open_questions_take_one_line() -> None:
    question = {"field": "needs_private_context", "question": "Private context?",
                "would_change_to": {"true": "rag"}, "share": 0.4,
                "message": "Private context? yes → rag."}
    blocks = result_blocks(doc=document(open_questions=[question, {**question,
                           "field": "primary_gap", "message": "Gap? knowledge → rag."}]),
                           public_url=PUBLIC)
    lines = [line for line in all_text(blocks).splitlines() if "Could change it" in line]
    assert lines == ["*Could change it:* Private context? yes → rag. Gap? knowledge → rag."]
    assert "Could change it" not in all_text(result_blocks(doc=document(open_questions=[]),
                                                            public_url=PUBLIC))


def test_combined_recommendation_marks_both_and_no_guidance_is_said() -> None:
    blocks = result_blocks(doc=document(recommendation="rag_and_fine_tuning", guidance=[]),
                           public_url=PUBLIC)
    text = all_text(blocks)
    assert text.count(":white_check_mark:") == 2
    assert "pushes toward Retrieval (RAG) (+2.00" in text
    assert "No supporting passages" in text
    degraded = result_blocks(doc=document(guidance=[], guidance_note="database <down> & spooled"),
                             public_url=PUBLIC)
    assert "database &lt;down&gt; &amp; spooled" in all_text(degraded)


def test_huge_synthetic_document_stays_within_limits() -> None:
    big = "Ünïcödé & <!channel> 🚀 " * 2000
    doc = document(
        project_name=big,
        rules=[{"id": f"R-{i}-" + "x" * 300, "message": big, "effect": "log_odds",
                "log_odds": i, "source": big} for i in range(300)],
        contributions=[{"approach": "fine_tuning", "feature": big, "answer": big, "value": i + 1}
                       for i in range(300)],
        warnings=[{"id": f"W-{i}", "message": big, "severity": "high", "source": big}
                  for i in range(300)],
        guidance=[passage(i, text=big, source=big) for i in range(100)],
        model_version=big,
    )
    blocks = result_blocks(doc=doc, public_url=PUBLIC)
    check_limits(blocks)
    text = all_text(blocks)
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text
    assert "…and 297 more in the full report" in text  # warnings
    reasons = next(b["text"]["text"] for b in blocks
                   if b["type"] == "section" and b["text"]["text"].startswith("*Why*"))
    assert reasons.endswith("more in the full report")
    assert "/assessments/0190-abc/report" in text


def test_every_real_document_fits_slack() -> None:
    for given in (answers(), answers(full=True), answers(knowledge_freshness="daily",
                                                           risk_domain="web3")):
        check_limits(result_blocks(doc=real_document(given=given), public_url=PUBLIC))


def test_fit_keeps_the_report_link_when_dropping_blocks() -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": f"s{i} " + "y" * 5000}}
              for i in range(80)]
    blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": "<https://r|report>"}},
               {"type": "actions", "elements": []}, {"type": "context", "elements": []}]
    fitted = fit(blocks=blocks)
    assert len(fitted) == MAX_BLOCKS and fitted[-3]["text"]["text"] == "<https://r|report>"
    assert all(slack_len(b["text"]["text"]) <= SECTION_LIMIT for b in fitted if "text" in b)


@pytest.mark.parametrize("limit", [5, 50, 3000])
def test_clipping_never_splits_an_entity_or_overflows(limit: int) -> None:
    for raw in ("&" * 5000, "a<b>c " * 2000, "🚀" * 4000, "plain words " * 1000):
        out = clip(text=raw, limit=limit)
        assert slack_len(out) <= limit
        assert re.fullmatch(r"(?:[^&]|&amp;|&lt;|&gt;)*…?", out), out[-20:]
        assert slack_len(cut_escaped(text=out + out, limit=limit)) <= limit


def test_join_lines_drops_whole_lines_and_counts_them() -> None:
    lines = [f"line {i} " + "z" * 500 for i in range(20)]
    joined = join_lines(lines=lines, limit=3000)
    assert slack_len(joined) <= 3000
    kept = joined.split("\n")
    assert kept[-1] == f"…and {20 - (len(kept) - 1)} more in the full report"
    assert all(line in lines for line in kept[:-1])
    assert join_lines(lines=["a", "b"]) == "a\nb"
