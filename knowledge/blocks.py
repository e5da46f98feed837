"""Turn Markdown, HTML and plain text into a flat list of structural blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list", "code"]

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪◦‣]|\d{1,3}[.)])\s+")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}\.\s+\S")
# Page furniture that scraped articles end with: comment forms, link lists, share bars, bios.
_BOILERPLATE_HEADING = re.compile(
    r"leave a (reply|comment)|post a comment|\d*\s*(comments?|responses?|replies)"
    r"|((useful|related|recommended|popular|further|more) )?(resources|reading|posts|articles)"
    r"( (&|and) links)?|(useful |related )?links|share this( post| article| page)?"
    r"|about the author|subscribe( to .*)?|newsletter",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(r"(previous|next) (article|post|page)\b", re.IGNORECASE)
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to vs via with".split()
)


@dataclass
class Block:
    """One heading, paragraph, list or code block, in document order."""

    kind: BlockKind
    text: str
    level: int = 0
    items: list[str] = field(default_factory=list)


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
            blocks.append(Block("code", "\n".join(code).strip()))
        elif heading := _MD_HEADING.match(stripped):
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), level=len(heading.group(1))))
        elif not stripped:
            flush()
        elif _LIST_ITEM.match(line):
            if para:
                blocks.append(Block("paragraph", " ".join(s.strip() for s in para)))
                para.clear()
            items.append(_LIST_ITEM.sub("", line, count=1).strip())
        elif items and line[:1].isspace():
            items[-1] += " " + stripped
        else:
            if items:
                flush()
            para.append(line)
        i += 1
    flush()
    return [b for b in blocks if b.text]


def _is_title_case(*, words: list[str]) -> bool:
    """Every significant word capitalised: how top-level headings look in plain text."""
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in significant)


def _plain_heading_level(*, line: str) -> int:
    """0 for body text; 1 or 2 for a line that reads as a heading."""
    if line[:1].isspace() or _LIST_ITEM.match(line):
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
        lines = [ln for ln in raw.split("\n") if ln.strip()]
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
        prose: list[str] = []
        kept = 0
        for ln in lines:
            if _LIST_ITEM.match(ln):
                if prose:
                    blocks.append(Block("paragraph", " ".join(prose)))
                    prose = []
                item = _LIST_ITEM.sub("", ln, count=1).strip()
                if blocks and blocks[-1].kind == "list":
                    blocks[-1].items.append(item)
                    blocks[-1].text = "\n".join(blocks[-1].items)
                else:
                    blocks.append(Block("list", item, items=[item]))
                kept += 1
            elif not _is_scrape_noise(line=ln.strip()):
                prose.append(ln.strip())
                kept += 1
        if prose:
            blocks.append(Block("paragraph", " ".join(prose)))
        elif not kept and _is_banner(blocks=blocks):
            blocks.pop()
    return drop_boilerplate(blocks=[b for b in blocks if b.text])


def _is_banner(*, blocks: list[Block]) -> bool:
    """A heading right under another one and over nothing but furniture: a site banner."""
    return len(blocks) >= 2 and blocks[-1].kind == "heading" and blocks[-2].kind == "heading"


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


def _is_scrape_noise(*, line: str) -> bool:
    """Page furniture in scraped text: status tickers, bare labels, ids, counters."""
    if line.count("::") >= 2 or not re.search(r"\b[a-z]{3,}\b", line) or _NAVIGATION.match(line):
        return True
    words = line.split()
    capitalised = any(w[:1].isupper() for w in words[1:])
    return len(words) <= 3 and line[-1] not in ".!?:" and not capitalised


class _HtmlBlocks(HTMLParser):
    """Collect headings, paragraphs and list items; skip scripts, styles and navigation."""

    _SKIP = frozenset({"script", "style", "nav", "footer", "header", "noscript", "svg", "template"})
    _BLOCK = frozenset({"p", "div", "section", "article", "blockquote", "td", "th", "dd", "dt"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title: str | None = None
        self._buf: list[str] = []
        self._skip = 0
        self._heading: int | None = None
        self._in_li = False
        self._in_title = False
        self._in_pre = False

    def _flush(self) -> None:
        raw = "".join(self._buf)
        text = (raw if self._in_pre else " ".join(raw.split())).strip()
        self._buf.clear()
        if not text:
            return
        if self._heading:
            self.blocks.append(Block("heading", text, level=self._heading))
        elif self._in_li:
            if self.blocks and self.blocks[-1].kind == "list":
                self.blocks[-1].items.append(text)
                self.blocks[-1].text = "\n".join(self.blocks[-1].items)
            else:
                self.blocks.append(Block("list", text, items=[text]))
        elif self._in_pre:
            self.blocks.append(Block("code", text))
        else:
            self.blocks.append(Block("paragraph", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = int(tag[1])
        elif tag == "li":
            self._flush()
            self._in_li = True
        elif tag == "pre":
            self._flush()
            self._in_pre = True
        elif tag in self._BLOCK or tag == "br":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = None
        elif tag == "li":
            self._flush()
            self._in_li = False
        elif tag == "pre":
            self._flush()
            self._in_pre = False
        elif tag in self._BLOCK or tag in {"ul", "ol"}:
            self._flush()
            if tag in {"ul", "ol"} and self.blocks and self.blocks[-1].kind == "list":
                self.blocks.append(Block("paragraph", ""))  # end of this list

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self._skip:
            self._buf.append(data)


def html_blocks(*, text: str) -> tuple[str | None, list[Block]]:
    """Blocks and the <title> of an HTML document."""
    parser = _HtmlBlocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.title, drop_boilerplate(blocks=[b for b in parser.blocks if b.text])
