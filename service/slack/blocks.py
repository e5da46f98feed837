"""An assessment document as a Block Kit message that always stays inside Slack's limits."""

from __future__ import annotations

import re
from typing import Any

from models.document import AssessmentDocument
from models.features import FEATURE_SOURCE
from models.questionnaire import BY_NAME
from models.result import Contribution
from models.vocabulary import APPROACH_NAMES, Approach, parts_of

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
CONTEXT_LIMIT = 2000
FALLBACK_LIMIT = 3000
BAR_WIDTH = 20
LINE_LIMIT = 600
PASSAGE_LIMIT = 450
TOP_RULES = 4
TOP_CONTRIBUTIONS = 3
TOP_WARNINGS = 3
TOP_PASSAGES = 3
REPORT_ACTION = "open_report"
TAIL_BLOCKS = 3

SEVERITY_ORDER = {"high": 0, "caution": 1, "info": 2}
SEVERITY_ICON = {"high": ":red_circle:", "caution": ":large_orange_circle:",
                 "info": ":large_blue_circle:"}


def slack_len(text: str) -> int:
    """Length as Slack may count it (UTF-16 units), never less than Python's count."""
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """Slack's three control characters, so no text can mention @channel or forge a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(*, text: str, limit: int) -> str:
    """Escaped mrkdwn of at most `limit` units, cut between characters, never inside an entity."""
    flat = re.sub(r"\s+", " ", text).strip()
    out: list[str] = []
    used = 0
    budget = limit - 1
    for char in flat:
        piece = escape(char)
        size = slack_len(piece)
        if used + size > budget:
            cut = "".join(out)
            space = cut.rfind(" ")
            if space >= len(cut) - 40 and space > 0:
                cut = cut[:space]
            return cut.rstrip() + "…"
        out.append(piece)
        used += size
    return "".join(out)


def plain_clip(*, text: str, limit: int) -> str:
    """Plain text (headers, fallbacks) cut to `limit` units."""
    flat = re.sub(r"\s+", " ", text).strip()
    if slack_len(flat) <= limit:
        return flat
    while slack_len(flat) > limit - 1:
        flat = flat[: len(flat) - (slack_len(flat) - (limit - 1))]
    return flat + "…"


def cut_escaped(*, text: str, limit: int) -> str:
    """Already-escaped mrkdwn cut to `limit` units without splitting an `&...;` entity."""
    if slack_len(text) <= limit:
        return text
    cut = text
    while slack_len(cut) > limit - 1:
        cut = cut[: len(cut) - (slack_len(cut) - (limit - 1))]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + "…"


def join_lines(*, lines: list[str], limit: int = SECTION_LIMIT) -> str:
    """Whole lines up to the limit, then a note of how many were left out."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        tail = f"…and {len(lines) - index} more in the full report"
        reserve = 0 if last else slack_len(tail) + 1
        if slack_len("\n".join([*kept, line])) > limit - reserve:
            kept.append(tail)
            break
        kept.append(line)
    return cut_escaped(text="\n".join(kept), limit=limit)


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def score_lines(*, doc: AssessmentDocument) -> list[str]:
    """One text bar per approach, the recommended ones marked, a ruled-out one named as such."""
    chosen = parts_of(recommendation=doc.recommendation.value)
    lines = []
    for approach in Approach:
        ruled = doc.ruled_out.get(approach)
        if ruled:
            rules = clip(text=", ".join(ruled), limit=200)
            lines.append(f"`{'░' * BAR_WIDTH}` {APPROACH_NAMES[approach]}: ruled out by {rules}")
            continue
        value = min(1.0, max(0.0, doc.scores.get(approach, 0.0)))
        filled = round(value * BAR_WIDTH)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        mark = "  :white_check_mark:" if approach in chosen else ""
        lines.append(f"`{bar}` {round(value * 100):>3}%  {APPROACH_NAMES[approach]}{mark}")
    return lines


def _term(*, item: Contribution) -> str:
    """A model term in words: which answer, and what it was."""
    field = FEATURE_SOURCE.get(item.feature)
    if field is None:
        return item.feature.replace("_", " ")
    spec = BY_NAME[field]
    said = f": {spec.say(value=item.answer)}" if item.answer is not None else ""
    return f"{spec.ask.topic}{said}"


def reason_lines(*, doc: AssessmentDocument) -> list[str]:
    """Hard constraints and the strongest rule nudges, then the model's biggest pushes."""
    rules = sorted(doc.rules, key=lambda r: (r.effect != "constraint", -abs(r.log_odds or 0.0)))
    lines = [
        "• " + clip(text=r.message, limit=LINE_LIMIT) + f" _({clip(text=r.id, limit=80)})_"
        for r in rules[:TOP_RULES]
    ]
    chosen = parts_of(recommendation=doc.recommendation.value)
    pushes = sorted((c for c in doc.contributions if c.approach in chosen and c.value > 0),
                    key=lambda c: -c.value)
    for item in pushes[:TOP_CONTRIBUTIONS]:
        toward = f" pushes toward {APPROACH_NAMES[item.approach]} ({item.value:+.2f} log-odds)"
        lines.append("• " + clip(text=_term(item=item), limit=LINE_LIMIT) + toward)
    if len(rules) > TOP_RULES:
        lines.append(f"…and {len(rules) - TOP_RULES} more rules in the full report")
    return lines


def reading_lines(*, doc: AssessmentDocument) -> list[str]:
    """Conflicts with the form first (each one's full warning), then what filled a gap."""
    lines = [":warning: " + clip(text=w.message, limit=LINE_LIMIT)
             for w in doc.warnings if w.id == "W-CONFLICT"]
    for item in [*doc.measured, *doc.inferred]:
        if item.status == "filled":
            spec = BY_NAME[item.field]
            said = f"{spec.ask.topic}: {spec.say(value=item.value)} (“{item.evidence}”)"
            lines.append("• " + clip(text=said, limit=LINE_LIMIT))
    return lines


def warning_lines(*, doc: AssessmentDocument) -> list[str]:
    """The most severe warnings first."""
    warnings = sorted(doc.warnings, key=lambda w: SEVERITY_ORDER[w.severity])
    lines = [f"{SEVERITY_ICON[item.severity]} " + clip(text=item.message, limit=LINE_LIMIT)
             for item in warnings[:TOP_WARNINGS]]
    if len(warnings) > TOP_WARNINGS:
        lines.append(f"…and {len(warnings) - TOP_WARNINGS} more in the full report")
    return lines


def passage_blocks(*, doc: AssessmentDocument) -> list[dict[str, Any]]:
    """The best cited passages, each quoted with its source."""
    return [
        _section(f"> {clip(text=item.text, limit=PASSAGE_LIMIT)}\n— "
                 f"{clip(text=item.source, limit=300)}")
        for item in doc.guidance[:TOP_PASSAGES]
    ]


def report_url(*, public_url: str, assessment_id: str) -> str:
    """Where people read the whole assessment."""
    return f"{public_url.rstrip('/')}/assessments/{assessment_id}/report"


def fallback_text(*, doc: AssessmentDocument, url: str) -> str:
    """The notification text shown where blocks cannot be."""
    label = APPROACH_NAMES[doc.recommendation]
    tail = f"Recommendation: {label}. Full report: {url}"
    if not doc.project_name:
        return tail
    # The project name is the user's text: escaped, so it cannot ping @channel or forge a link.
    name = clip(text=doc.project_name, limit=FALLBACK_LIMIT - slack_len(tail) - 3)
    return f"{name}: {tail}"


def fit(*, blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Slack's limits as a last line of defence: text lengths, then the block count."""
    for block in blocks:
        text = block.get("text")
        if block.get("type") == "header" and isinstance(text, dict):
            text["text"] = plain_clip(text=str(text.get("text", "")), limit=HEADER_LIMIT)
        elif isinstance(text, dict):
            text["text"] = cut_escaped(text=str(text.get("text", "")), limit=SECTION_LIMIT)
        for element in block.get("elements", []) if block.get("type") == "context" else []:
            element["text"] = cut_escaped(text=str(element.get("text", "")), limit=CONTEXT_LIMIT)
    if len(blocks) <= MAX_BLOCKS:
        return blocks
    # The closing blocks carry the report link; keep them and drop from the middle.
    return blocks[: MAX_BLOCKS - TAIL_BLOCKS] + blocks[-TAIL_BLOCKS:]


def result_blocks(*, doc: AssessmentDocument, public_url: str) -> list[dict[str, Any]]:
    """Headline, score bars, reasons, warnings, cited passages and the report link."""
    label = APPROACH_NAMES[doc.recommendation]
    url = report_url(public_url=public_url, assessment_id=doc.id)
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"Recommendation: {label}",
                                    "emoji": True}},
    ]
    if doc.project_name:
        blocks.append(_context("Project: *" + clip(text=doc.project_name, limit=300) + "*"))
    read = reading_lines(doc=doc)
    if read:
        blocks.append(_section(join_lines(lines=["*Read from your words*", *read])))
    blocks.append(_section(join_lines(lines=["*Scores*", *score_lines(doc=doc)])))
    if doc.open_questions:
        said = " ".join(item.message for item in doc.open_questions)
        blocks.append(_context("*Could change it:* " + clip(text=said, limit=LINE_LIMIT)))
    reasons = reason_lines(doc=doc)
    if reasons:
        blocks.append(_section(join_lines(lines=["*Why*", *reasons])))
    warnings = warning_lines(doc=doc)
    if warnings:
        blocks.append(_section(join_lines(lines=["*Watch out for*", *warnings])))
    if doc.cost_projection is not None:  # one sentence; the chart is in the report
        blocks.append(_context(":chart_with_upwards_trend: "
                               + clip(text=doc.cost_projection.summary, limit=LINE_LIMIT)))
    passages = passage_blocks(doc=doc)
    blocks.append({"type": "divider"})
    if passages:
        blocks.append(_section("*What the sources say*"))
        blocks.extend(passages)
    else:
        note = doc.guidance_note or "No supporting passages were retrieved this time."
        blocks.append(_context(clip(text=note, limit=CONTEXT_LIMIT)))
    blocks.append(_section(f"<{url}|Open the full report> for the plan, readiness checklist, "
                           "next steps and cost estimates."))
    blocks.append({"type": "actions", "elements": [{
        "type": "button", "action_id": REPORT_ACTION, "url": url, "style": "primary",
        "text": {"type": "plain_text", "text": "Open the full report"},
    }]})
    blocks.append(_context(
        "Assessment `" + clip(text=doc.id, limit=100) + "` · model "
        + clip(text=doc.model_version, limit=100)
    ))
    return fit(blocks=blocks)
