"""The chunker on tricky Markdown, HTML and plain text."""

from __future__ import annotations

from knowledge.chunking import MAX_WORDS, SECTION_SEPARATOR, parse_document, split_sentences
from tests.conftest import SEEDS

LONG_SENTENCE = "Retrieval keeps fast-changing facts out of the weights and in an index. "


def test_markdown_front_matter_and_heading_paths() -> None:
    raw = (
        "---\ntitle: Guardrails\nsources:\n  - 003_x.txt § 10. No Guardrails\n  - 002_y.txt\n---\n"
        "# Guardrails\n\n## Why\n\nA persuasive wrong answer in finance or health does more harm "
        "than a cautious weak one, so high-stakes outputs need refusal rules and escalation "
        "paths.\n\n"
        "### How to fix it\n\n- Add refusal policies and an escalation route for risky requests.\n"
        "- Verify with tools where you can.\n- Route risky requests to deterministic workflows.\n"
    )
    doc = parse_document(name="guardrails.md", raw=raw)
    assert doc.title == "Guardrails"
    assert doc.cites == ["003_x.txt § 10. No Guardrails", "002_y.txt"]
    sections = [c.section for c in doc.chunks]
    assert f"Guardrails{SECTION_SEPARATOR}Why" in sections
    fix = next(c for c in doc.chunks if c.section.endswith("How to fix it"))
    assert fix.section == SECTION_SEPARATOR.join(["Guardrails", "Why", "How to fix it"])
    assert fix.text.count("\n- ") == 2


def test_fenced_code_is_not_parsed_as_headings() -> None:
    raw = (
        "# Plan\n\nWrite the plan before training so the verdict has a number to compare.\n\n"
        "```\n# not a heading\nplan = {}\n```\n"
    )
    doc = parse_document(name="plan.md", raw=raw)
    assert all("not a heading" not in c.section for c in doc.chunks)
    assert any("# not a heading" in c.text for c in doc.chunks)


def test_long_paragraph_splits_only_between_sentences() -> None:
    raw = "# Big\n\n" + LONG_SENTENCE * 60
    doc = parse_document(name="big.md", raw=raw)
    assert len(doc.chunks) > 1
    for chunk in doc.chunks:
        assert chunk.text.rstrip().endswith(".")
        assert len(chunk.text.split()) <= MAX_WORDS + 15
        assert chunk.section == "Big"


def test_tiny_fragments_merge_into_neighbours() -> None:
    raw = (
        "# Topic\n\n## Intro\n\nShort.\n\n## Body\n\n"
        + "Clean, consistent and current examples beat a large noisy export every time. " * 3
    )
    doc = parse_document(name="t.md", raw=raw)
    assert len(doc.chunks) == 1
    assert "Short." in doc.chunks[0].text and "Clean" in doc.chunks[0].text


def test_html_headings_lists_and_noise() -> None:
    raw = (
        "<html><head><title>Eval layers</title><style>p{}</style>"
        "<script>var x='<h1>no</h1>'</script></head>"
        "<body><nav>Home | Docs</nav><h1>Evaluation</h1><h2>Shadow mode</h2>"
        "<p>Shadow mode runs the candidate model on real traffic without showing its answers, "
        "which reduces rollout risk before an A/B test &amp; a full launch.</p>"
        "<ul><li>Offline benchmarks for iteration speed</li>"
        "<li>Human review for tone and trust</li><li>A/B tests for business impact</li>"
        "</ul></body></html>"
    )
    doc = parse_document(name="eval.html", raw=raw)
    assert doc.title == "Eval layers"
    text = "\n".join(c.text for c in doc.chunks)
    assert "A/B test & a full launch" in text
    assert "var x" not in text and "Home | Docs" not in text
    assert any(c.section == f"Evaluation{SECTION_SEPARATOR}Shadow mode" for c in doc.chunks)
    assert "- Human review for tone and trust" in text


def test_plain_text_seed_structure() -> None:
    raw = (SEEDS / "003_12c0c7f61fca504c.txt").read_text(encoding="utf-8")
    doc = parse_document(name="003.txt", raw=raw)
    sections = {c.section for c in doc.chunks}
    assert "2. Using Fine-Tuning to Solve a Retrieval Problem" in sections
    assert f"10. No Guardrails for Sensitive Outputs{SECTION_SEPARATOR}How to fix it" in sections
    faq = [c for c in doc.chunks if c.section.startswith(f"FAQ{SECTION_SEPARATOR}")]
    assert len(faq) == 7  # each question with its answer, one chunk each
    assert all(c.section.endswith("?") for c in faq)
    for chunk in doc.chunks:
        assert chunk.text.strip()


def test_sentence_splitter_keeps_abbreviated_numbers() -> None:
    parts = split_sentences(text="Gains are 10-15%. Expect 0.72 to rise. Then stop!")
    assert parts == ["Gains are 10-15%.", "Expect 0.72 to rise.", "Then stop!"]


SCRAPED = (
    "Evaluation Basics\n\nAcme Docs\n\nv1.2\nsynced\n\n"
    "A held-out set drawn from live traffic shows whether a tuned model generalises, because a set "
    "that mirrors the training data only rewards memorised patterns.\n\n"
    "Shadow Testing\n\nRun the candidate beside the current model on real requests and compare the "
    "answers before any user sees them.\n\n"
    "Related Posts\n\nPrevious article\nNext article\nWhy the author loves long benchmark tables "
    "and other unrelated reading.\n\n"
    "LEAVE A REPLY\n\nPlease enter your comment! Please enter your name here\n"
)


def test_scraped_page_furniture_is_dropped() -> None:
    doc = parse_document(name="page.txt", raw=SCRAPED)
    sections = [c.section for c in doc.chunks]
    text = "\n".join(c.text for c in doc.chunks)
    assert doc.title == "Evaluation Basics"
    assert sections[0] == "Evaluation Basics"  # the "Acme Docs" banner is not a sub-section
    assert "Shadow Testing" in sections
    assert "unrelated reading" not in text and "enter your comment" not in text
    assert not any("Related" in s or "REPLY" in s for s in sections)


def test_html_boilerplate_section_ends_at_the_next_peer_heading() -> None:
    raw = (
        "<h1>Guide</h1><h2>Leave a Reply</h2><p>Your email address will not be published, "
        "so write freely and tell us what you think.</p><h2>Guardrails</h2><p>Route risky requests "
        "to deterministic workflows and track harmful confidence as well as accuracy.</p>"
    )
    doc = parse_document(name="guide.html", raw=raw)
    text = "\n".join(c.text for c in doc.chunks)
    assert "deterministic workflows" in text and "email address" not in text


def test_seed_trailer_and_banner_are_not_indexed() -> None:
    raw = (SEEDS / "003_12c0c7f61fca504c.txt").read_text(encoding="utf-8")
    doc = parse_document(name="003.txt", raw=raw)
    text = "\n".join(c.text for c in doc.chunks)
    assert "Please enter your comment" not in text and "Previous article" not in text
    assert doc.chunks[-1].section == "Final Summary"
    first = parse_document(name="000.txt", raw=(SEEDS / "000_01f057d6d52a9f9d.txt").read_text())
    assert first.chunks[0].section == first.title  # the site banner under the title is gone


def test_embed_text_names_the_title_once() -> None:
    raw = "# Gains\n\n## How much\n\n" + LONG_SENTENCE * 3
    chunk = parse_document(name="gains.md", raw=raw).chunks[0]
    assert chunk.embed_text.splitlines()[0] == f"Gains{SECTION_SEPARATOR}How much"
    untitled = parse_document(name="x_91778d.txt", raw="Intro text only. " * 10)
    assert untitled.title == "x_91778d"  # the file name stands in for display and citation
    assert untitled.chunks[0].embed_text.startswith("Intro text only.")  # but is not embedded
