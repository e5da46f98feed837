"""Plain text to structural blocks: headings guessed from line shape, lists, page furniture."""

from __future__ import annotations

import re

from knowledge.blocks import LIST_ITEM, Block, drop_boilerplate
from knowledge.code_lines import code_label, code_units, is_code, is_comment, starts_code

_NUMBERED_HEADING = re.compile(r"^\d{1,2}\.\s+\S")
_NAVIGATION = re.compile(r"(previous|next) (article|post|page)\b", re.IGNORECASE)
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to vs via with".split()
)
# "Use these three in order." announces the next three lines as one list.
_ANNOUNCES = re.compile(
    r"\b(?:these|the following|following|next)\s+"
    r"(two|three|four|five|six|seven|eight|nine|ten|\d)\b",
    re.IGNORECASE,
)
_NUMBERS = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), 2)}
# A line addressed to an assistant: a question, or a request in the first person.
_REQUEST = re.compile(r"\?$|\b(?:me|my|I)\b")
PROMPTS = "prompts"


def _is_title_case(*, words: list[str]) -> bool:
    """Every significant word capitalised: how top-level headings look in plain text."""
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in significant)


def _plain_heading_level(*, line: str) -> int:
    """0 for body text; 1 or 2 for a line that reads as a heading."""
    if line[:1].isspace() or LIST_ITEM.match(line):
        if not _NUMBERED_HEADING.match(line) or line[:1].isspace():
            return 0
    text = line.strip()
    words = text.split()
    if not words or not (text[0].isupper() or text[0].isdigit()):
        return 0
    if _NUMBERED_HEADING.match(text):
        return 1 if len(words) <= 11 and text[-1] not in ".,;:!" else 0
    if text.endswith("?"):
        return 2 if len(words) <= 16 else 0
    if len(words) > 7 or text[-1] in ".,;:!" or "," in text or text.isdigit():
        return 0
    if text.isupper() or _is_title_case(words=words):
        return 1
    return 2


def plain_blocks(*, text: str) -> list[Block]:
    """Plain text: blank-line separated blocks; short capitalised lines read as headings."""
    blocks: list[Block] = []
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    previous_heading_l1 = False
    for raw in chunks:
        lines = [ln.rstrip() for ln in raw.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) == 1 and (level := _plain_heading_level(line=lines[0])):
            # A title-case line right under another one is its subtitle, not a sibling.
            if level == 1 and previous_heading_l1:
                level = 2
            blocks.append(Block("heading", lines[0].strip(), level=level))
            previous_heading_l1 = level == 1
            continue
        previous_heading_l1 = False
        found = _chunk_blocks(lines=lines)
        if not found and _is_banner(blocks=blocks):
            blocks.pop()
        for block in found:
            if _continues_list(blocks=blocks, block=block):
                blocks[-1].items.extend(block.items)
                blocks[-1].text = "\n".join(blocks[-1].items)
            else:
                blocks.append(block)
    return drop_boilerplate(blocks=[b for b in blocks if b.text])


def _continues_list(*, blocks: list[Block], block: Block) -> bool:
    """Bullets split by blank lines are still one list."""
    return (block.kind == "list" and not block.label and bool(blocks)
            and blocks[-1].kind == "list" and not blocks[-1].label)


def _chunk_blocks(*, lines: list[str]) -> list[Block]:
    """One blank-line separated chunk: bullet items, and runs of other lines between them."""
    out: list[Block] = []
    run: list[str] = []
    for line in lines:
        if LIST_ITEM.match(line):
            out.extend(_run_blocks(lines=run))
            run = []
            item = LIST_ITEM.sub("", line, count=1).strip()
            out.append(Block("list", item, items=[item]))
            if _continues_list(blocks=out[:-1], block=out[-1]):
                out[-2].items.append(item)
                out[-2].text = "\n".join(out[-2].items)
                out.pop()
        else:
            run.append(line)
    out.extend(_run_blocks(lines=run))
    return out


def _is_table(*, lines: list[str]) -> bool:
    """Three or more capitalised, unpunctuated lines of a few words each: table rows."""
    return len(lines) >= 3 and all(
        3 <= len(line.split()) <= 30
        and (line.lstrip()[:1].isupper() or line.lstrip()[:1].isdigit())
        and line[-1] not in ".!:;,"
        and not is_code(line=line)
        for line in lines
    )


def _code_starts(*, lines: list[str], at: int) -> bool:
    """Code begins here: a definition or assignment, maybe after comment lines."""
    while at < len(lines) and is_comment(line=lines[at]):
        at += 1
    return at < len(lines) and starts_code(line=lines[at])


def _run_blocks(*, lines: list[str]) -> list[Block]:
    """Lines between bullets: a table, or prose and announced lists around pasted code."""
    if _is_table(lines=lines):
        rows = [line.strip() for line in lines]
        return [Block("table", "\n".join(rows), items=rows)]
    out: list[Block] = []
    prose: list[str] = []
    i = 0
    while i < len(lines):
        if not _code_starts(lines=lines, at=i):
            prose.append(lines[i].strip())
            i += 1
            continue
        out.extend(_prose_blocks(lines=prose))
        prose = []
        end = i
        while end < len(lines) and is_code(line=lines[end]):
            end += 1
        for unit in code_units(lines=lines[i:end]):
            code = "\n".join(unit)
            out.append(Block("code", code, label=code_label(text=code)))
        i = end
    out.extend(_prose_blocks(lines=prose))
    return out


def _announced(*, lines: list[str], at: int) -> int:
    """How many of the following lines line `at` announces as a list ("these three"), or 0."""
    match = _ANNOUNCES.search(lines[at])
    if not match or len(lines[at].split()) > 25:
        return 0
    word = match.group(1).lower()
    count = int(word) if word.isdigit() else _NUMBERS[word]
    following = lines[at + 1 : at + 1 + count]
    if count < 2 or len(following) < count:
        return 0
    return count if all(3 <= len(line.split()) <= 60 for line in following) else 0


def _prose_blocks(*, lines: list[str]) -> list[Block]:
    """Paragraphs (a line ending a sentence ends one) and announced lists, page noise dropped."""
    out: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(Block("paragraph", " ".join(para)))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if count := _announced(lines=lines, at=i):
            flush()
            items = lines[i + 1 : i + 1 + count]
            label = PROMPTS if all(_REQUEST.search(item) for item in items) else ""
            out.append(Block("paragraph", line, label=label))
            out.append(Block("list", "\n".join(items), items=items, label=label))
            i += 1 + count
            continue
        if not _is_scrape_noise(line=line):
            para.append(line)
            if line[-1] in ".!?:":
                flush()
        i += 1
    flush()
    return out


def _is_banner(*, blocks: list[Block]) -> bool:
    """A heading right under another one and over nothing but furniture: a site banner."""
    return len(blocks) >= 2 and blocks[-1].kind == "heading" and blocks[-2].kind == "heading"


def _is_scrape_noise(*, line: str) -> bool:
    """Page furniture in scraped text: status tickers, bare labels, ids, counters."""
    if line.count("::") >= 2 or not re.search(r"\b[a-z]{3,}\b", line) or _NAVIGATION.match(line):
        return True
    words = line.split()
    capitalised = any(w[:1].isupper() for w in words[1:])
    return len(words) <= 3 and line[-1] not in ".!?:" and not capitalised
