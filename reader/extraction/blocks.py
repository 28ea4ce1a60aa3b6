"""Turn the article's elements into ``Block``s.

A block follows the source's paragraphs: every block-level element and every ``<br>`` starts a
new one (forums separate paragraphs with ``<br>``). Bold, italic and links become ``InlineRun``s;
spoiler markup becomes ``MarkedSpoiler``s, covering the whole block when a block-level element is
marked and just the words when an inline one is. The walk is iterative, so nesting depth cannot
exhaust Python's stack, and it walks lxml's tree directly: re-parsing the article with
beautifulsoup4 and iterating it (no other work) took 3.4x this whole walk on a 5 MB article and
2.4-14x on dev pages (measured again for issue 15), which a 50 MB page cannot afford. A block
built inside a folded panel (``clean.FOLDED_ATTR``, a ``<details>`` body) is marked
``folded``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from reader.article import Block, ImageRef, InlineRun, MarkedSpoiler
from reader.extraction.dom import FOLDED_ATTR
from reader.extraction.patterns import SPOILER_SUMMARY
from reader.extraction.spoiler_markup import spoiler_form
from reader.inline import Draft, render

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
_TINY = 40
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "src")


@dataclass
class _Context:
    kind: str = "paragraph"
    level: int = 0
    ordinal: int | None = None
    spoiler: str | None = None
    folded: bool = False


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
        """Append text with whitespace collapsed across node boundaries."""
        if not raw:
            return
        core = " ".join(raw.split())
        at_space = self.length == 0 or self.text[-1].endswith(" ")
        lead = " " if raw[0].isspace() and not at_space else ""
        trail = " " if raw[-1].isspace() and core else ""
        piece = lead + core + trail
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
        if not self.text and not self.runs and not self.marks:
            return
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
                spoiler_markup=marks, level=ctx.level, ordinal=ctx.ordinal, folded=ctx.folded,
            )
            self.blocks.append(_without_typed_marker(_with_text_spoilers(block)))
        self.text, self.length, self.runs, self.marks = [], 0, [], []
        for item in self.open:
            item.start = 0

    def add_image(self, tag: etree._Element) -> None:
        src = _image_src(tag)
        if not src or _is_tiny(tag):
            return
        self.flush()
        image = self.resolve_image(src)
        alt = " ".join((tag.get("alt") or "").split())
        if alt and not image.alt:
            image = ImageRef(image.src, alt, image.local_path, image.data, image.mime_type)
        marks = [MarkedSpoiler(self.context.spoiler, 0, 0)] if self.context.spoiler else []
        self.blocks.append(Block(id=len(self.blocks), kind="image", text="", image=image, spoiler_markup=marks,
                                 folded=self.context.folded))


def _with_text_spoilers(block: Block) -> Block:
    """Apply the inline text forms (``>!x!<``, ``||x||``, ``[spoiler]``) to a finished block,
    with the same linear finder the text and Markdown loaders use."""
    if ">!" not in block.text and "||" not in block.text and "[" not in block.text:
        return block
    draft = Draft(block.text)
    for run in block.runs:
        draft.add(run.start, run.end, run.style, run.href)
    for mark in block.spoiler_markup:
        draft.add(mark.start, mark.end, "spoiler", mark.form)
    block.text, block.runs, block.spoiler_markup = render(draft)
    return block


_TYPED_NUMBER = re.compile(r"^(\d{1,3})[.):]\s+(?=\S)")
_TYPED_BULLET = re.compile(r"^[•·▪◦‣●]\s*(?=\S)")


def _without_typed_marker(block: Block) -> Block:
    """Remove a list marker typed into the text ("1. " in a heading, "• " in a paragraph):
    readers see the number as the item's ordinal, and labels never include it."""
    cut = 0
    if block.kind in ("heading", "list_item") and (m := _TYPED_NUMBER.match(block.text)):
        cut, block.ordinal = m.end(), int(m.group(1))
    elif block.kind in ("paragraph", "list_item") and (m := _TYPED_BULLET.match(block.text)):
        cut, block.kind = m.end(), "list_item"
        block.level = block.level or 1
    if not cut:
        return block
    block.text = block.text[cut:]
    size = len(block.text)

    def move(pos: int) -> int:
        return max(0, min(size, pos - cut))

    block.runs = [InlineRun(move(r.start), move(r.end), r.style, r.href) for r in block.runs if move(r.end) > move(r.start)]
    block.spoiler_markup = [MarkedSpoiler(m.form, move(m.start), move(m.end)) for m in block.spoiler_markup
                            if move(m.end) > move(m.start)]
    return block


def _image_src(tag: etree._Element) -> str | None:
    for attr in _LAZY_SRC:
        value = tag.get(attr)
        if value and value.strip() and not value.startswith("data:image/gif;base64,R0lGOD"):
            return value.strip()
    srcset = tag.get("srcset") or tag.get("data-srcset")
    if srcset and srcset.strip():
        return srcset.strip().split(",")[0].split()[0]
    return None


def _is_tiny(tag: etree._Element) -> bool:
    for attr in ("width", "height"):
        value = (tag.get(attr) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < _TINY:
            return True
    return False


def build_blocks(parts: list[etree._Element], resolve_image: ImageResolver) -> list[Block]:
    """Walk the article's elements (in order) into blocks."""
    builder = _Builder(resolve_image)
    # LIFO work list: ("top" | "enter", element), ("text", str) or ("exit", callback).
    stack: list[tuple[str, object]] = [("top", part) for part in reversed(parts)]
    while stack:
        action, item = stack.pop()
        if action == "text":
            builder.add_text(item)  # type: ignore[arg-type]
        elif action == "exit":
            item()  # type: ignore[operator]
        else:
            _enter(item, builder, stack, top_level=action == "top")  # type: ignore[arg-type]
    builder.flush()
    return builder.blocks


def _summary_text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _enter(el: etree._Element, b: _Builder, stack: list, top_level: bool = False) -> None:
    tail = None if top_level else el.tail
    if tail:
        stack.append(("text", tail))
    name = el.tag.lower() if isinstance(el.tag, str) else ""
    if not name or name in _SKIP:
        return
    if name in ("br", "hr"):
        b.flush()
        return
    if name == "img":
        b.add_image(el)
        return
    form = spoiler_form(name, el.get("class") or "", el.attrib)  # type: ignore[arg-type]  # _Attrib reads as a mapping
    if name == "summary" and SPOILER_SUMMARY.match(_summary_text(el)):
        return  # the summary only names the markup
    if name in _BLOCK:
        b.flush()
        saved = b.context
        ctx = _Context(saved.kind, saved.level, None, saved.spoiler, saved.folded)
        if name == "details" or el.get(FOLDED_ATTR) is not None:
            ctx.folded = True
        if name in _HEADINGS:
            ctx.kind, ctx.level = "heading", _HEADINGS[name]
        elif name == "summary":
            # The summary is the fold's visible label, not the folded text.
            ctx.kind, ctx.level, ctx.spoiler, ctx.folded = "heading", 3, None, False
        elif name == "li":
            ctx.kind = "list_item"
            ctx.level = sum(1 for a in el.iterancestors("ul", "ol"))
            parent = el.getparent()
            if parent is not None and parent.tag == "ol":
                start = (parent.get("start") or "1").strip()
                first = int(start) if start.lstrip("-").isdigit() else 1
                ctx.ordinal = first + sum(1 for _ in el.itersiblings("li", preceding=True))
        elif name == "blockquote":
            ctx.kind = "quote"
        elif name in ("figcaption", "caption"):
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
        elif name == "a" and el.get("href"):
            opened.append(_Open("link", 0, href=el.get("href")))
        for item in opened:
            b.open_inline(item)
        if opened:
            def close(opened: list[_Open] = opened) -> None:
                for item in reversed(opened):
                    b.close_inline(item)

            stack.append(("exit", close))
    for child in reversed(el):
        stack.append(("enter", child))
    if el.text:
        stack.append(("text", el.text))
