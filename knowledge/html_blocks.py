"""HTML to structural blocks: headings, paragraphs, list items and preformatted code."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from knowledge.blocks import Block, drop_boilerplate


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
