"""Turn Markdown, HTML and plain text into a flat list of structural blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from knowledge.code_lines import code_label

BlockKind = Literal["heading", "paragraph", "list", "code", "table"]

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪◦‣]|\d{1,3}[.)])\s+")
# Page furniture that scraped articles end with: comment forms, link lists, share bars, bios.
_BOILERPLATE_HEADING = re.compile(
    r"leave a (reply|comment)|post a comment|\d*\s*(comments?|responses?|replies)"
    r"|((useful|related|recommended|popular|further|more) )?(resources|reading|posts|articles)"
    r"( (&|and) links)?|(useful |related )?links|share this( post| article| page)?"
    r"|about the author|subscribe( to .*)?|newsletter",
    re.IGNORECASE,
)


@dataclass
class Block:
    """One heading, paragraph, list, table or code block, in document order.

    label names a part the document gives no heading (a code block's function, a list of
    prompts), so the chunker can keep it apart under that name.
    """

    kind: BlockKind
    text: str
    level: int = 0
    items: list[str] = field(default_factory=list)
    label: str = ""


@dataclass
class FrontMatter:
    """Title and cited sources declared at the top of a corpus file."""

    title: str | None = None
    sources: list[str] = field(default_factory=list)


def split_front_matter(*, raw: str) -> tuple[FrontMatter, str]:
    """Peel a simple `---` front matter block (title, sources list) off a Markdown file."""
    meta = FrontMatter()
    if not raw.startswith("---"):
        return meta, raw
    end = raw.find("\n---", 3)
    if end == -1:
        return meta, raw
    header, body = raw[3:end], raw[end + 4 :]
    key = None
    for line in header.splitlines():
        stripped = line.strip()
        if stripped.startswith("- ") and key == "sources":
            meta.sources.append(stripped[2:].strip())
        elif ":" in stripped:
            key, _, value = stripped.partition(":")
            key = key.strip().lower()
            if key == "title" and value.strip():
                meta.title = value.strip().strip("\"'")
    return meta, body.lstrip("\n")


def markdown_blocks(*, text: str) -> list[Block]:
    """Headings, paragraphs, lists and fenced code from Markdown."""
    blocks: list[Block] = []
    para: list[str] = []
    items: list[str] = []
    lines = text.splitlines()
    i = 0

    def flush() -> None:
        if para:
            blocks.append(Block("paragraph", " ".join(s.strip() for s in para)))
            para.clear()
        if items:
            blocks.append(Block("list", "\n".join(items), items=list(items)))
            items.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            flush()
            fence, code = stripped[:3], []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                code.append(lines[i])
                i += 1
            text = "\n".join(code).strip()
            blocks.append(Block("code", text, label=code_label(text=text)))
        elif heading := _MD_HEADING.match(stripped):
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), level=len(heading.group(1))))
        elif not stripped:
            flush()
        elif LIST_ITEM.match(line):
            if para:
                blocks.append(Block("paragraph", " ".join(s.strip() for s in para)))
                para.clear()
            items.append(LIST_ITEM.sub("", line, count=1).strip())
        elif items and line[:1].isspace():
            items[-1] += " " + stripped
        else:
            if items:
                flush()
            para.append(line)
        i += 1
    flush()
    return [b for b in blocks if b.text]


def drop_boilerplate(*, blocks: list[Block]) -> list[Block]:
    """Drop sections such as "Leave a reply" or "Related posts", up to the next peer heading."""
    out: list[Block] = []
    skip_level: int | None = None
    for block in blocks:
        if block.kind == "heading":
            if skip_level is not None and block.level <= skip_level:
                skip_level = None
            if skip_level is None and _BOILERPLATE_HEADING.fullmatch(block.text.strip(" :")):
                skip_level = block.level
        if skip_level is None:
            out.append(block)
    return out
