"""Structure-aware chunking: a passage is one idea (a section, a sub-section's list, a piece of
code), made of whole sentences, with its heading path as its section; one-line fragments merge."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from knowledge.blocks import Block, markdown_blocks, split_front_matter
from knowledge.html_blocks import html_blocks
from knowledge.plain_text import plain_blocks

MAX_WORDS = 180
MIN_WORDS = 20
# A list of this many items answers a question by itself ("what are the warning signs?").
MIN_LIST_ITEMS = 3
SECTION_SEPARATOR = " › "

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".rst", ""})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES


@dataclass(frozen=True)
class Chunk:
    """A passage: whole sentences from one section, with that section's heading path."""

    ordinal: int
    section: str
    text: str
    title: str = ""
    # The first sentence of the section above a short sub-section: what its list is about.
    context: str = ""

    @property
    def embed_text(self) -> str:
        """What the embedding sees: title, heading path and context give a passage its topic."""
        title = "" if self.section.startswith(self.title) else self.title
        head = SECTION_SEPARATOR.join(p for p in (title, self.section) if p)
        lines = [line for line in (head, self.context, self.text) if line]
        return "\n".join(lines)


@dataclass
class ParsedDocument:
    """A file's title, the sources it cites, and its chunks."""

    title: str
    cites: list[str]
    chunks: list[Chunk] = field(default_factory=list)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def split_sentences(*, text: str) -> list[str]:
    """Sentences of a paragraph, so an oversized one is cut between sentences only."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _units(block: Block) -> list[str]:
    """A block as pieces that may be joined but never cut: sentences, list items, table rows."""
    if block.kind == "list":
        return [f"- {item}" for item in block.items]
    if block.kind == "table":
        return ["\n".join(block.items)]
    if block.kind == "code" or _words(block.text) <= MAX_WORDS:
        return [block.text]
    return split_sentences(text=block.text)


@dataclass
class _Section:
    path: tuple[str, ...]
    blocks: list[Block] = field(default_factory=list)
    label: str = ""

    @property
    def stands_alone(self) -> bool:
        """Named code or prompts, a list of several items, or a table: an answer in itself."""
        return bool(self.label) or any(
            b.kind == "table" or (b.kind == "list" and len(b.items) >= MIN_LIST_ITEMS)
            for b in self.blocks
        )


def _sections(blocks: list[Block]) -> list[_Section]:
    """Group blocks under their heading path; a labelled run gets the label as a sub-heading."""
    stack: list[tuple[int, str]] = []
    sections: list[_Section] = [_Section(path=())]
    for block in blocks:
        base = tuple(text for _, text in stack)
        if block.kind == "heading":
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, block.text))
            sections.append(_Section(path=tuple(text for _, text in stack)))
            continue
        if block.label != sections[-1].label:
            path = (*base, block.label) if block.label else base
            sections.append(_Section(path=path, label=block.label))
        sections[-1].blocks.append(block)
    return [s for s in sections if s.blocks]


def _pack(section: _Section) -> list[str]:
    """Pack a section's blocks into passages of at most MAX_WORDS, keeping list runs whole."""
    passages: list[str] = []
    current: list[str] = []
    size = 0
    for block in section.blocks:
        joiner_units = _units(block)
        for unit in joiner_units:
            n = _words(unit)
            if current and size + n > MAX_WORDS:
                passages.append(_join(current))
                current, size = [], 0
            current.append(unit)
            size += n
    if current:
        passages.append(_join(current))
    # A short tail reads better attached to the passage before it.
    if len(passages) > 1 and _words(passages[-1]) < MIN_WORDS:
        tail = passages.pop()
        passages[-1] = _join([passages[-1], tail])
    return passages


def _join(units: list[str]) -> str:
    """Join units: list items on their own lines, prose with a blank line between paragraphs."""
    out = ""
    for unit in units:
        if not out:
            out = unit
        elif unit.startswith("- ") or out.endswith(":"):
            out += "\n" + unit
        else:
            out += "\n\n" + unit
    return out


@dataclass(frozen=True)
class _Piece:
    """A packed passage before small ones are folded into their neighbours."""

    path: tuple[str, ...]
    text: str
    whole: bool = False


def _merge_small(*, items: list[_Piece]) -> list[_Piece]:
    """Fold pieces too small to stand alone into a neighbour under the same top heading.

    A whole piece (named code, a list of several items, a table) stands alone and takes in
    nothing, so its own heading path stays its section.
    """
    merged: list[_Piece] = []
    pending: _Piece | None = None
    for item in items:
        if pending is not None and not item.whole and (
            _common_prefix(pending.path, item.path) or not pending.path
        ):
            item = _merge(pending, item)
        elif pending is not None:
            merged.append(pending)
        pending = None
        if item.whole or _words(item.text) >= MIN_WORDS:
            merged.append(item)
        elif merged and not merged[-1].whole and _common_prefix(merged[-1].path, item.path):
            merged[-1] = _merge(merged[-1], item)
        else:
            pending = item
    if pending is not None:
        merged.append(pending)
    return merged


def _merge(first: _Piece, second: _Piece) -> _Piece:
    """Join two passages under their shared heading path, keeping each one's own sub-heading."""
    common = _common_prefix(first.path, second.path)
    texts = []
    for piece in (first, second):
        label = SECTION_SEPARATOR.join(piece.path[len(common) :])
        texts.append(f"{label}:\n{piece.text}" if label else piece.text)
    return _Piece(path=common, text="\n\n".join(texts))


def _common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        out.append(x)
    return tuple(out)


def chunk_blocks(*, blocks: list[Block], title: str = "") -> list[Chunk]:
    """Chunks from structural blocks, each within one section and made of whole sentences."""
    items: list[_Piece] = []
    for section in _sections(blocks):
        whole = section.stands_alone
        items.extend(_Piece(path=section.path, text=text, whole=whole) for text in _pack(section))
    pieces = _merge_small(items=items)
    leads: dict[tuple[str, ...], str] = {}
    for piece in pieces:
        leads.setdefault(piece.path, _lead(text=piece.text))
    return [
        Chunk(ordinal=i, section=SECTION_SEPARATOR.join(piece.path), text=piece.text, title=title,
              context=leads.get(piece.path[:-1], "") if piece.path else "")
        for i, piece in enumerate(pieces)
    ]


def _lead(*, text: str) -> str:
    """A passage's first sentence: the context its sub-sections are embedded with."""
    first = split_sentences(text=text.split("\n")[0])
    return first[0] if first else ""


def parse_document(*, name: str, raw: str) -> ParsedDocument:
    """Parse a Markdown, HTML or plain-text file into a titled, chunked document."""
    suffix = PurePath(name).suffix.lower()
    cites: list[str] = []
    html_title = None
    if suffix in MARKDOWN_SUFFIXES:
        meta, body = split_front_matter(raw=raw)
        blocks, cites, html_title = markdown_blocks(text=body), meta.sources, meta.title
    elif suffix in HTML_SUFFIXES:
        html_title, blocks = html_blocks(text=raw)
    else:
        blocks = plain_blocks(text=raw)
    first = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), None)
    first = first or next((b.text for b in blocks if b.kind == "heading"), None)
    title = html_title or first
    # A file name stands in as the document's title, but tells the embedding nothing.
    chunks = chunk_blocks(blocks=blocks, title=title or "")
    return ParsedDocument(title=title or PurePath(name).stem, cites=cites, chunks=chunks)
