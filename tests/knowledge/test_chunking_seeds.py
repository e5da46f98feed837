"""One idea per passage on the seed files: code, prompts, short lists and tables stand alone."""

from __future__ import annotations

import re

import pytest

from knowledge.chunking import SECTION_SEPARATOR, Chunk, parse_document
from knowledge.code_lines import code_label, code_units
from knowledge.plain_text import plain_blocks
from tests.conftest import SEEDS


def seed(name: str) -> list[Chunk]:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return parse_document(name=path.name, raw=path.read_text(encoding="utf-8")).chunks


def section(chunks: list[Chunk], name: str) -> Chunk:
    found = [c for c in chunks if c.section == name]
    assert len(found) == 1, (name, [c.section for c in chunks])
    return found[0]


def test_seed_002_prompts_plan_and_verdict_are_separate_passages() -> None:
    chunks = seed("002")
    assert [c.section for c in chunks] == ["", "prompts", "plan", "verdict"]
    intro, prompts, plan, verdict = (c.text for c in chunks)
    assert "10-15% improvement" in intro and "plan" not in intro.split()
    assert prompts.startswith("Use these three in order.")
    assert prompts.count("\n- ") == 3 and "no-regression guardrail" in prompts
    assert plan.startswith("# Write this BEFORE you train.") and plan.rstrip().endswith("}")
    assert '"success_threshold": 0.95' in plan and "def verdict" not in plan
    assert verdict.startswith("def verdict(measured_after):")
    assert "Improved but short of bar" in verdict and "print(verdict(0.96))" in verdict


SHORT_LISTS = {
    "7. Skipping Prompt Engineering Too Early": (
        ("What teams should test first", "Few-shot prompting"),
        ("When prompt-first works", "Low request volume"),
        ("When it stops being enough", "Strict formatting requirements"),
    ),
    "9. Forgetting Cost, Latency, and Retraining Overhead": (
        ("What founders often miss", "Retraining pipelines need ownership"),
        ("Who should be careful", "Teams without MLOps capability"),
    ),
    "10. No Guardrails for Sensitive Outputs": (
        ("Web3-specific risk areas", "Wallet recovery guidance"),
        ("How to fix it", "escalation routes"),
    ),
}


@pytest.mark.parametrize(("parent", "lists"), list(SHORT_LISTS.items()))
def test_seed_003_short_lists_stand_alone_under_their_heading_path(
    parent: str, lists: tuple[tuple[str, str], ...]
) -> None:
    chunks = seed("003")
    intro = section(chunks, parent)
    for heading, phrase in lists:
        passage = section(chunks, f"{parent}{SECTION_SEPARATOR}{heading}")
        assert passage.text.startswith("- ") and phrase in passage.text
        assert phrase not in intro.text and heading not in intro.text
        assert passage.embed_text.startswith(f"Common Fine-Tuning Mistakes{SECTION_SEPARATOR}")


def test_seed_003_tables_keep_one_row_per_line_with_their_header() -> None:
    chunks = seed("003")
    checklist = section(chunks, "A Practical Fine-Tuning Readiness Checklist").text.splitlines()
    assert checklist[0] == "Question If Yes If No"
    assert len(checklist) == 6
    assert checklist[3].startswith("Does the task depend on fresh knowledge?")
    layers = section(chunks, f"8. Weak Evaluation Design{SECTION_SEPARATOR}"
                             "What strong evaluation includes").text
    assert "\nEvaluation Layer What It Measures Why It Matters\nOffline benchmark" in layers
    assert "- Production A/B testing" in layers


def test_seed_000_sections_are_unchanged_and_lists_stay_with_their_prose() -> None:
    chunks = seed("000")
    assert len(chunks) == 7 and all(SECTION_SEPARATOR not in c.section for c in chunks)
    causes = section(chunks, "Bad Data Creates Unstable Behavior").text
    assert "Common causes include:\n- contradictory examples" in causes
    assert causes.count("\n- ") == 8  # bullets split by blank lines are still one list


def test_a_two_item_list_is_too_small_to_stand_alone() -> None:
    raw = (
        "# Guide\n\n## Risks\n\nTraining on stale policy documents teaches the model answers that "
        "are no longer true, and nobody notices until customers complain.\n\n"
        "### Also watch\n\n- Duplicates\n- Old prices\n"
    )
    chunks = parse_document(name="g.md", raw=raw).chunks
    assert len(chunks) == 1 and "Also watch:\n- Duplicates" in chunks[0].text


def test_unfenced_code_without_indentation_splits_by_definition() -> None:
    lines = [
        "# settings first",
        "limits = {",
        '"max": 3,',
        "}",
        "def check(value):",
        "if value > limits['max']:",
        "return False",
        "total = value * 2",
        "return total",
        "print(check(2))",
    ]
    units = code_units(lines=lines)
    assert [code_label(text="\n".join(u)) for u in units] == ["limits", "check"]
    assert units[0][0] == "# settings first" and units[1][-1] == "print(check(2))"


def test_plain_text_code_and_announced_prompts_get_labels() -> None:
    text = (
        "Paste these two into your assistant.\nWhat should I measure first?\n"
        "Show me a baseline I can trust.\nx = compute()\nprint(x)\n"
    )
    blocks = plain_blocks(text=text)
    assert [(b.kind, b.label) for b in blocks] == [
        ("paragraph", "prompts"), ("list", "prompts"), ("code", "x"),
    ]
    prose = plain_blocks(text="Here are these two points.\nCost matters a lot.\nSo does speed.\n")
    assert [(b.kind, b.label) for b in prose] == [("paragraph", ""), ("list", "")]


def test_hard_wrapped_prose_is_not_mistaken_for_a_table() -> None:
    text = (
        "Retrieval keeps facts fresh because the index\nchanges when the documents do, while "
        "trained\nweights stay as they were on the day of training.\n"
    )
    blocks = plain_blocks(text=text)
    assert [b.kind for b in blocks] == ["paragraph"]
    assert re.search(r"index changes", blocks[0].text)


def test_sub_sections_are_embedded_with_the_first_sentence_of_the_section_above() -> None:
    chunks = seed("003")
    parent = "7. Skipping Prompt Engineering Too Early"
    lead = "Fine-tuning is often treated as the “serious” move, while prompt engineering is seen as"
    child = section(chunks, f"{parent}{SECTION_SEPARATOR}When prompt-first works")
    assert child.context.startswith(lead) and child.context.endswith("temporary.")
    assert child.embed_text.splitlines()[1] == child.context and lead not in child.text
    assert section(chunks, parent).context == ""  # a top-level section has nothing above it
    faq = section(chunks, f"FAQ{SECTION_SEPARATOR}Is fine-tuning better than RAG?")
    assert faq.context == ""  # "FAQ" holds no text of its own
    prompts = section(seed("002"), "prompts")
    assert prompts.context == "Open this lesson in your favourite AI."
