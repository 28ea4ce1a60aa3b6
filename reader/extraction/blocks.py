"""Turn the article fragment into ``Block``s with beautifulsoup4.

A block follows the source's paragraphs: every block-level element and every ``<br>`` starts a
new one (forums separate paragraphs with ``<br>``). Bold, italic and links become ``InlineRun``s;
spoiler markup becomes ``MarkedSpoiler``s, covering the whole block when a block-level element is
marked and just the words when an inline one is. The walk is iterative, so nesting depth cannot
exhaust Python's stack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from reader.article import Block, ImageRef, InlineRun, MarkedSpoiler
from reader.extraction.patterns import SPOILER_SUMMARY
from reader.extraction.spoiler_markup import spoiler_form
from reader.loaders.spoiler_text import extract_text_spoilers

ImageResolver = Callable[[str], ImageRef]

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
        "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
        "td", "th", "figure", "figcaption", "details", "summary", "address", "center", "form",
        "fieldset", "hr", "caption", "body", "html", *_HEADINGS,
    }
)
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em", "cite", "dfn"})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "input", "select", "textarea", "head", "title"})
_WS = re.compile(r"[\s\xa0]+")
_TINY = 40
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "src")


@dataclass
class _Context:
    kind: str = "paragraph"
    level: int = 0
    ordinal: int | None = None
    spoiler: str | None = None


@dataclass
class _Open:
    style: str
    start: int
    href: str | None = None
    spoiler: str | None = None


@dataclass
class _Builder:
    resolve_image: ImageResolver
    blocks: list[Block] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    length: int = 0
    runs: list[InlineRun] = field(default_factory=list)
    marks: list[MarkedSpoiler] = field(default_factory=list)
    open: list[_Open] = field(default_factory=list)
    context: _Context = field(default_factory=_Context)

    def add_text(self, raw: str) -> None:
        piece = _WS.sub(" ", raw)
        if not piece:
            return
        if (self.length == 0 or (self.text and self.text[-1].endswith(" "))) and piece.startswith(" "):
            piece = piece[1:]
        if piece:
            self.text.append(piece)
            self.length += len(piece)

    def open_inline(self, item: _Open) -> None:
        item.start = self.length
        self.open.append(item)

    def close_inline(self, item: _Open) -> None:
        if item in self.open:
            self.open.remove(item)
            self._record(item, self.length)

    def _record(self, item: _Open, end: int) -> None:
        if end <= item.start:
            return
        if item.spoiler:
            self.marks.append(MarkedSpoiler(item.spoiler, item.start, end))
        else:
            self.runs.append(InlineRun(item.start, end, item.style, item.href))  # type: ignore[arg-type]

    def flush(self) -> None:
        """End the current block (if it has text) and carry open inline styles into the next."""
        text = "".join(self.text)
        stripped = text.rstrip()
        for item in self.open:
            self._record(item, self.length)
        if stripped:
            end = len(stripped)
            runs = [InlineRun(r.start, min(r.end, end), r.style, r.href) for r in self.runs if r.start < end]
            marks = [MarkedSpoiler(m.form, m.start, min(m.end, end)) for m in self.marks if m.start < end]
            ctx = self.context
            if ctx.spoiler:
                marks = [MarkedSpoiler(ctx.spoiler, 0, end)] + [m for m in marks if (m.start, m.end) != (0, end)]
            block = Block(
                id=len(self.blocks), kind=ctx.kind, text=stripped, runs=runs,  # type: ignore[arg-type]
                spoiler_markup=marks, level=ctx.level, ordinal=ctx.ordinal,
            )
            self.blocks.append(_with_text_spoilers(block))
        self.text, self.length, self.runs, self.marks = [], 0, [], []
        for item in self.open:
            item.start = 0

    def add_image(self, tag: Tag, in_figure: bool) -> None:
        src = _image_src(tag)
        if not src or _is_tiny(tag):
            return
        self.flush()
        image = self.resolve_image(src)
        alt = _WS.sub(" ", tag.get("alt") or "").strip()
        if alt and not image.alt:
            image = ImageRef(image.src, alt, image.local_path, image.data, image.mime_type)
        marks = [MarkedSpoiler(self.context.spoiler, 0, 0)] if self.context.spoiler else []
        self.blocks.append(Block(id=len(self.blocks), kind="image", text="", image=image, spoiler_markup=marks))


def _with_text_spoilers(block: Block) -> Block:
    """Apply the inline text forms (``>!x!<``, ``||x||``, ``[spoiler]``) to a finished block."""
    result = extract_text_spoilers(block.text)
    if result is None:
        return block
    text, spans, shift = result
    block.text = text
    block.runs = [r for r in (InlineRun(shift(r.start), shift(r.end), r.style, r.href) for r in block.runs) if r.end > r.start]
    block.spoiler_markup = [MarkedSpoiler(m.form, shift(m.start), shift(m.end)) for m in block.spoiler_markup] + spans
    return block


def _image_src(tag: Tag) -> str | None:
    for attr in _LAZY_SRC:
        value = tag.get(attr)
        if isinstance(value, str) and value.strip() and not value.startswith("data:image/gif;base64,R0lGOD"):
            return value.strip()
    srcset = tag.get("srcset") or tag.get("data-srcset")
    if isinstance(srcset, str) and srcset.strip():
        return srcset.strip().split(",")[0].split()[0]
    return None


def _is_tiny(tag: Tag) -> bool:
    for attr in ("width", "height"):
        value = str(tag.get(attr) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < _TINY:
            return True
    return False


def _classes(tag: Tag) -> str:
    value = tag.get("class")
    return " ".join(value) if isinstance(value, list) else str(value or "")


def build_blocks(fragment_html: str, resolve_image: ImageResolver) -> list[Block]:
    """Parse the article fragment and walk it into blocks."""
    soup = BeautifulSoup(fragment_html, "lxml")
    root = soup.body or soup
    builder = _Builder(resolve_image)
    # Stack entries: ("enter", node) or ("exit", callback).
    stack: list[tuple[str, object]] = [("enter", root)]
    while stack:
        action, item = stack.pop()
        if action == "exit":
            item()  # type: ignore[operator]
            continue
        node = item
        if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(node, NavigableString):
            builder.add_text(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        _enter(node, builder, stack)
    builder.flush()
    return builder.blocks


def _enter(tag: Tag, b: _Builder, stack: list) -> None:
    name = tag.name.lower()
    if name in _SKIP:
        return
    if name == "br" or name == "hr":
        b.flush()
        return
    if name == "img":
        b.add_image(tag, in_figure=tag.find_parent("figure") is not None)
        return
    form = spoiler_form(name, _classes(tag), tag.attrs)
    if name == "summary":
        if SPOILER_SUMMARY.match(tag.get_text(" ", strip=True)):
            return  # the summary only names the markup
    if name in _BLOCK:
        b.flush()
        saved = b.context
        ctx = _Context(saved.kind, saved.level, None, saved.spoiler)
        if name in _HEADINGS:
            ctx.kind, ctx.level = "heading", _HEADINGS[name]
        elif name == "summary":
            ctx.kind, ctx.level, ctx.spoiler = "heading", 3, None
        elif name == "li":
            ctx.kind = "list_item"
            ctx.level = sum(1 for p in tag.parents if p.name in ("ul", "ol"))
            parent = tag.parent
            if parent is not None and parent.name == "ol":
                start = str(parent.get("start") or "1")
                first = int(start) if start.lstrip("-").isdigit() else 1
                ctx.ordinal = first + sum(1 for s in tag.find_previous_siblings("li"))
        elif name == "blockquote":
            ctx.kind = "quote"
        elif name == "figcaption" or name == "caption":
            ctx.kind = "caption"
        elif name in ("p", "div", "section", "article", "dd", "dt", "td", "th", "pre") and saved.kind == "heading":
            ctx.kind = "paragraph"
        if form and name != "summary":
            ctx.spoiler = ctx.spoiler or form

        def leave(saved: _Context = saved) -> None:
            b.flush()
            b.context = saved

        b.context = ctx
        stack.append(("exit", leave))
    else:
        opened: list[_Open] = []
        if form:
            opened.append(_Open("spoiler", 0, spoiler=form))
        if name in _BOLD:
            opened.append(_Open("bold", 0))
        elif name in _ITALIC:
            opened.append(_Open("italic", 0))
        elif name == "a" and tag.get("href"):
            opened.append(_Open("link", 0, href=str(tag.get("href"))))
        for item in opened:
            b.open_inline(item)
        if opened:
            def close(opened: list[_Open] = opened) -> None:
                for item in reversed(opened):
                    b.close_inline(item)

            stack.append(("exit", close))
    for child in reversed(tag.contents):
        stack.append(("enter", child))
