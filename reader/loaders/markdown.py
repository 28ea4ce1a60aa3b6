"""Loader for articles saved as Markdown (newsletter exports, notes, blog sources).

markdown-it-py's token stream gives the structure (headings, paragraphs, nested lists, quotes,
tables, images) and the inline formatting; blocks are built from it directly rather than through
HTML. YAML front matter supplies the metadata. Two things Markdown would get wrong for a reader
are handled before parsing: a Reddit spoiler ``>!x!<`` at the start of a line is not a quote,
and front matter is metadata, not a first paragraph.

Images resolve to local files only inside the Markdown file's own folder; nothing outside it is
ever read, and remote images keep their address only (the reader never fetches them).
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.article import Article, Block, BlockKind, ImageRef, MarkedSpoiler
from reader.errors import LoadError
from reader.loaders import cues
from reader.loaders.encoding import decode_text
from reader.inline import Draft, DraftBuilder, render

_log = logging.getLogger(__name__)

__all__ = ["load_markdown", "markdown_to_article", "split_front_matter", "resolve_image"]

_MAX_FRONT_MATTER = 64 * 1024
_MAX_DATA_IMAGE = 20 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*?\n)??)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(?P<body>(?:.*?\n)??)\+\+\+[ \t]*(?:\n|\Z)", re.S)
# ">!" opening a line, after any quote or list markers: Reddit's spoiler, not a blockquote.
_REDDIT_AT_LINE_START = re.compile(r"^((?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*[ \t]*)>!")
_FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.I)
_SAFE_LINK = re.compile(r"^(?:https?://|mailto:)", re.I)
_BR = re.compile(r"^<br\s*/?>$", re.I)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPOILER_SUMMARY = re.compile(
    r"^\s*(?:show |click (?:here )?(?:to|for) (?:show |reveal |see )?)?(?:the )?"
    r"(?:spoilers?(?: warning| alert| inside| below)?|reveal|show|details|click to (?:expand|reveal))"
    r"\s*[:!.]?\s*$",
    re.I,
)

_TITLE_KEYS = ("title", "headline")
_BYLINE_KEYS = ("author", "authors", "byline", "by", "creator", "writer", "writers")
_SITE_KEYS = ("site", "site_name", "sitename", "publication", "publisher", "newsletter", "blog")
_DATE_KEYS = ("date", "published", "published_at", "pubdate", "pub_date", "date_published",
              "datepublished", "publish_date", "created")
_DESCRIPTION_KEYS = ("description", "summary", "excerpt", "subtitle", "dek")
_LANGUAGE_KEYS = ("lang", "language", "locale")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"typographer": False})
    md.enable("table")
    md.enable("strikethrough")
    return md


_MD = _parser()


def load_markdown(data: bytes, path: Path) -> Article:
    """Decode a Markdown article and build its blocks from the token stream."""
    return markdown_to_article(decode_text(data), source_path=path)


# ---------------------------------------------------------------- front matter


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(metadata, body)``: YAML (``---``) or TOML (``+++``) front matter read and removed.

    Malformed front matter is dropped without complaint: it is metadata, never body text, and a
    stray typo in it must not stop the article from opening.
    """
    for pattern, parse in ((_FRONT_MATTER, _parse_yaml), (_TOML_FRONT_MATTER, _parse_toml)):
        m = pattern.match(text[: _MAX_FRONT_MATTER + 16])
        if m:
            return parse(m.group("body") or ""), text[m.end():]
    return {}, text


def _parse_yaml(body: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(body)
    except (yaml.YAMLError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _parse_toml(body: str) -> dict[str, Any]:
    try:
        return tomllib.loads(body)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return {}


def _scalar(value: Any) -> str | None:
    """A front-matter value as one line of text; containers are not metadata we trust."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        text = " ".join(str(value).split())[:1000]
        return text or None
    return None


def _names(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [n for n in (_scalar(value.get("name")),) if n]
    if isinstance(value, list):
        out: list[str] = []
        for item in value[:20]:
            if isinstance(item, (str, dict)):
                out.extend(_names(item))
        return out
    name = _scalar(value)
    return [name] if name else []


def _join_names(names: list[str]) -> str | None:
    names = [re.sub(r"^(?:by|written by)\s+", "", n, flags=re.I) for n in names if n]
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _first(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in meta.items()}
    for key in keys:
        if key in lowered and lowered[key] not in (None, ""):
            return lowered[key]
    return None


def _published(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _scalar(value)
    return cues.parse_date(text) if text else None


@dataclass
class _Meta:
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    description: str | None = None
    language: str | None = None


def _read_meta(meta: dict[str, Any]) -> _Meta:
    site = _scalar(_first(meta, _SITE_KEYS))
    if site and _SCHEME.match(site):
        site = None
    return _Meta(
        title=_scalar(_first(meta, _TITLE_KEYS)),
        byline=_join_names(_names(_first(meta, _BYLINE_KEYS))),
        site=site,
        published=_published(_first(meta, _DATE_KEYS)),
        description=_scalar(_first(meta, _DESCRIPTION_KEYS)),
        language=_scalar(_first(meta, _LANGUAGE_KEYS)),
    )


# ---------------------------------------------------------------- images


def resolve_image(src: str, alt: str, base_dir: Path | None) -> ImageRef:
    """An ``ImageRef`` whose ``local_path`` is set only for a file inside ``base_dir``.

    Absolute paths, ``..`` and links that lead out of the folder (symlinks included, via
    ``resolve``) never resolve; remote addresses keep ``src`` only; ``data:`` images keep their
    bytes.
    """
    src = src.strip()
    if src.lower().startswith("data:"):
        return _data_image(src, alt)
    if not src or _SCHEME.match(src) or src.startswith(("/", "\\")) or base_dir is None:
        return ImageRef(src=src, alt=alt)
    rel = unquote(re.split(r"[?#]", src, maxsplit=1)[0]).replace("\\", "/")
    parts = PurePosixPath(rel).parts
    if not parts or ".." in parts or rel.startswith("/") or _SCHEME.match(rel):
        return ImageRef(src=src, alt=alt)
    try:
        base = base_dir.resolve()
        candidate = base.joinpath(*parts).resolve()
        if candidate.is_relative_to(base) and candidate.is_file():
            return ImageRef(src=src, alt=alt, local_path=candidate)
    except (OSError, RuntimeError, ValueError) as err:
        _log.info("Image %r is not a readable local path (%s); shown as remote", src, err)
    return ImageRef(src=src, alt=alt)


def _data_image(src: str, alt: str) -> ImageRef:
    header, _, payload = src.partition(",")
    mime = header[5:].split(";", 1)[0].strip().lower()
    if not mime.startswith("image/") or ";base64" not in header.lower() or len(payload) > _MAX_DATA_IMAGE:
        return ImageRef(src=src, alt=alt)
    try:
        data = base64.b64decode(payload, validate=False)
    except (binascii.Error, ValueError):
        return ImageRef(src=src, alt=alt)
    return ImageRef(src=src, alt=alt, data=data, mime_type=mime)


# ---------------------------------------------------------------- raw HTML inside Markdown


class _HtmlBlock(HTMLParser):
    """Reads a raw HTML block: its text lines, images and ``<details>`` boundaries.

    A streaming tokenizer, not beautifulsoup4, on purpose: Markdown splits one ``<details>``
    over several HTML blocks with Markdown between them, so a block may hold only
    ``</details>``. bs4 builds a balanced tree and drops that stray end tag (the fold would
    never close) or closes an open one itself; it was also 3.3x slower here (0.70 against
    0.21 ms for a typical block).
    """

    _BLOCK_TAGS = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr blockquote section figcaption".split())
    _SKIP_TAGS = frozenset("script style template svg noscript head title".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, Any]] = []
        self._text: list[str] = []
        self._skip = 0
        self._summary: list[str] | None = None

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if text:
            self.events.append(("text", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP_TAGS:
            self._skip += 1
        elif tag == "details":
            self._flush()
            self.events.append(("details_open", None))
        elif tag == "summary":
            self._flush()
            self._summary = []
        elif tag == "img":
            self._flush()
            a = dict(attrs)
            self.events.append(("img", (a.get("src") or "", a.get("alt") or "")))
        elif tag in self._BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in self._SKIP_TAGS:
            self._skip -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "summary" and self._summary is not None:
            self.events.append(("summary", " ".join("".join(self._summary).split())))
            self._summary = None
        elif tag == "details":
            self._flush()
            self.events.append(("details_close", None))
        elif tag in self._BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._summary is not None:
            self._summary.append(data)
        else:
            self._text.append(data)

    def finish(self) -> list[tuple[str, Any]]:
        self.close()
        self._flush()
        return self.events


# ---------------------------------------------------------------- the token walk


@dataclass
class _Item:
    ordinal: int | None
    level: int
    paragraphs: int = 0


@dataclass
class _Walker:
    base_dir: Path | None
    blocks: list[Block] = field(default_factory=list)
    h1_ids: list[int] = field(default_factory=list)
    _lists: list[bool] = field(default_factory=list)  # True for ordered
    _items: list[_Item] = field(default_factory=list)
    _open: list[str] = field(default_factory=list)
    _details: list[bool] = field(default_factory=list)  # True when it hides its content
    _heading_level: int = 0
    _row: DraftBuilder | None = None
    _row_cells: int = 0

    def walk(self, tokens: list[Token]) -> list[Block]:
        for tok in tokens:
            t = tok.type
            if t.endswith("_open"):
                self._opened(tok)
                self._open.append(t[: -len("_open")])
            elif t.endswith("_close"):
                if self._open:
                    self._open.pop()
                self._closed(tok)
            elif t == "inline":
                self._inline(tok)
            elif t in ("fence", "code_block"):
                for line in tok.content.splitlines():
                    self._emit_text("paragraph", line)
            elif t == "html_block":
                self._html_block(tok.content)
        return self.blocks

    # -- structure

    def _opened(self, tok: Token) -> None:
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            self._lists.append(t == "ordered_list_open")
        elif t == "list_item_open":
            ordinal = None
            if self._lists and self._lists[-1]:
                ordinal = int(tok.info) if tok.info.isdigit() else None
            self._items.append(_Item(ordinal=ordinal, level=len(self._lists)))
        elif t == "heading_open":
            self._heading_level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 2
        elif t == "tr_open":
            self._row = DraftBuilder()
            self._row_cells = 0

    def _closed(self, tok: Token) -> None:
        t = tok.type
        if t in ("bullet_list_close", "ordered_list_close") and self._lists:
            self._lists.pop()
        elif t == "list_item_close" and self._items:
            self._items.pop()
        elif t == "tr_close" and self._row is not None:
            self._emit_draft("paragraph", self._row.draft())
            self._row = None

    def _container(self) -> str:
        """The nearest container of the current paragraph: list_item, blockquote or none."""
        for name in reversed(self._open):
            if name in ("list_item", "blockquote"):
                return name
        return ""

    # -- inline content

    def _inline(self, tok: Token) -> None:
        parent = self._open[-1] if self._open else ""
        children = tok.children or []
        if parent in ("th", "td"):
            if self._row is not None:
                if self._row_cells:
                    self._row.text(" · ")
                self._row_cells += 1
                self._fill(self._row, children)
            return
        if parent == "heading":
            self._inline_blocks("heading", children, level=self._heading_level, split=False)
            return
        container = self._container()
        if container == "list_item" and self._items:
            item = self._items[-1]
            item.paragraphs += 1
            if item.paragraphs == 1:
                self._inline_blocks("list_item", children, level=item.level,
                                    ordinal=item.ordinal, split=False)
                return
            self._inline_blocks("paragraph", children)
            return
        self._inline_blocks("quote" if container == "blockquote" else "paragraph", children)

    def _inline_blocks(self, kind: BlockKind, children: list[Token], *, level: int = 0,
                       ordinal: int | None = None, split: bool = True) -> None:
        """Blocks from one inline run: split at hard breaks, standalone images set apart."""
        builder = DraftBuilder()
        pending_images: list[ImageRef] = []
        first = True

        def flush() -> None:
            nonlocal first
            made = self._emit_draft(kind, builder.take(), level=level,
                                    ordinal=ordinal if first else None)
            if made:
                first = False
            for image in pending_images:
                self._emit_image(image)
            pending_images.clear()

        def on_break() -> None:
            if split:
                flush()
            else:
                builder.text("\n")

        def on_image(image: ImageRef) -> None:
            if builder.plain().strip():
                pending_images.append(image)  # after the text it sits in
            else:
                self._emit_image(image)

        self._fill(builder, children, on_break=on_break, on_image=on_image)
        flush()

    def _fill(self, builder: DraftBuilder, children: list[Token], *,
              on_break: Callable[[], None] | None = None,
              on_image: Callable[[ImageRef], None] | None = None) -> None:
        """Append inline tokens to ``builder``; breaks and images go to the callbacks if given."""
        for child in children:
            t = child.type
            if t == "text":
                builder.text(child.content)
            elif t == "softbreak":
                builder.text("\n")
            elif t == "hardbreak" or (t == "html_inline" and _BR.match(child.content.strip())):
                if on_break:
                    on_break()
                else:
                    builder.text("\n")
            elif t == "code_inline":
                builder.text(child.content)
            elif t == "strong_open":
                builder.open("bold")
            elif t == "strong_close":
                builder.close("bold")
            elif t == "em_open":
                builder.open("italic")
            elif t == "em_close":
                builder.close("italic")
            elif t == "link_open":
                href = str(child.attrs.get("href") or "").strip()
                if _SAFE_LINK.match(href):  # javascript:, file: and relative links stay text
                    builder.open("link", href)
            elif t == "link_close":
                builder.close("link")
            elif t == "image":
                image = resolve_image(str(child.attrs.get("src") or ""), child.content or "",
                                      self.base_dir)
                if on_image:
                    on_image(image)

    # -- raw HTML

    def _html_block(self, content: str) -> None:
        parser = _HtmlBlock()
        try:
            parser.feed(content)
            events = parser.finish()
        except Exception:  # noqa: BLE001 - html.parser can trip on broken markup; skip it
            _log.warning("An HTML block html.parser could not read was skipped", exc_info=True)
            return
        for kind, value in events:
            if kind == "details_open":
                self._details.append(True)
            elif kind == "details_close":
                if self._details:
                    self._details.pop()
            elif kind == "summary":
                if value and not _SPOILER_SUMMARY.match(value):
                    # A summary that says more than "Spoilers" is the section's visible heading.
                    hiding = self._details.pop() if self._details else False
                    self._emit_text("heading", value, level=3)
                    self._details.append(hiding)
            elif kind == "img":
                src, alt = value
                self._emit_image(resolve_image(src, alt, self.base_dir))
            elif kind == "text":
                self._emit_text("paragraph", value)

    # -- output

    def _hidden(self) -> bool:
        return any(self._details)

    def _emit_text(self, kind: BlockKind, text: str, *, level: int = 0) -> None:
        builder = DraftBuilder()
        builder.text(text)
        self._emit_draft(kind, builder.draft(), level=level)

    def _emit_draft(self, kind: BlockKind, draft: Draft, *, level: int = 0,
                    ordinal: int | None = None) -> bool:
        text, runs, spoilers = render(draft)
        if not text:
            return False
        if self._hidden():
            spoilers = [MarkedSpoiler("details", 0, len(text))] + spoilers
        if kind == "heading" and level == 1:
            self.h1_ids.append(len(self.blocks))
        self.blocks.append(Block(id=len(self.blocks), kind=kind, text=text, runs=runs,
                                 spoiler_markup=spoilers, level=level, ordinal=ordinal,
                                 folded=self._hidden()))
        return True

    def _emit_image(self, image: ImageRef) -> None:
        spoilers = [MarkedSpoiler("details", 0, 0)] if self._hidden() else []
        self.blocks.append(Block(id=len(self.blocks), kind="image", text="", image=image,
                                 spoiler_markup=spoilers, folded=self._hidden()))


# ---------------------------------------------------------------- article


def _protect_reddit_spoilers(body: str) -> str:
    """Escape ``>!`` opening a line so Markdown keeps it as text (outside code fences)."""
    out: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group("fence")
        elif fence is not None and m and m.group("fence").startswith(fence):
            fence = None  # a closing fence: the same character, at least as long
        elif fence is None and ">!" in line:
            line = _REDDIT_AT_LINE_START.sub(lambda mm: mm.group(1) + "\\>!", line, count=1)
        out.append(line)
    return "\n".join(out)


def _same_title(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.translate(_QUOTES).casefold().split())

    return norm(a) == norm(b)


def _is_prose(block: Block) -> bool:
    return len(block.text) >= 200 and bool(re.search(r"[.!?…][\"'’”)]*(?:\s|$)", block.text))


def _whole_italic(block: Block) -> bool:
    return any(r.style == "italic" and r.start == 0 and r.end == len(block.text) for r in block.runs)


def _clean(blocks: list[Block]) -> list[Block]:
    """Page furniture out: sponsor lines, trailers with their link lists, comments, footers.

    Also tells captions from paragraphs: a credit line, or an italic line under an image, is a
    caption, and an all-lowercase keyword line right above a caption is alt text, not body.
    """
    out: list[Block] = []
    skipping = False
    for block in blocks:
        text = block.text
        if skipping:
            if block.kind == "heading" and not cues.is_trailer_heading(text) or _is_prose(block):
                skipping = False
            else:
                continue
        if block.kind in ("heading", "paragraph"):
            if cues.is_comments_heading(text):
                break
            if cues.is_trailer_heading(text):
                skipping = True
                continue
        if block.kind != "image" and (cues.is_clutter_line(text) or cues.is_sponsor_line(text)):
            continue
        if block.kind == "paragraph" and len(text) <= 300:
            after_image = bool(out) and out[-1].kind == "image"
            if cues.is_caption(text) or (after_image and _whole_italic(block)):
                block.kind = "caption"
                block.runs = [r for r in block.runs if not (r.style == "italic" and r.start == 0
                                                            and r.end == len(text))]
                if out and out[-1].kind == "paragraph" and cues.is_alt_text_line(out[-1].text):
                    out.pop()
        out.append(block)
    return cues.drop_trailing_footer(out)


def markdown_to_article(text: str, *, source_path: Path | None) -> Article:
    """Build an ``Article`` from decoded Markdown; images resolve within ``source_path``'s folder."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    raw_meta, body = split_front_matter(text)
    meta = _read_meta(raw_meta)
    if not body.strip() and not meta.title:
        name = source_path.name if source_path else "The Markdown file"
        raise LoadError(f"{name} is empty: there is no text to read.")

    walker = _Walker(base_dir=source_path.parent if source_path else None)
    blocks = walker.walk(_MD.parse(_protect_reddit_spoilers(body)))

    title = meta.title
    drop: int | None = None
    if walker.h1_ids:
        first_h1 = walker.h1_ids[0]
        if title is None or _same_title(title, blocks[first_h1].text):
            title = title or blocks[first_h1].text
            drop = first_h1
    if title is None:
        first_text = next((i for i, b in enumerate(blocks) if b.text), None)
        if first_text is not None and len(blocks[first_text].text) <= 200:
            title, drop = blocks[first_text].text, first_text
    if drop is not None:
        blocks = blocks[:drop] + blocks[drop + 1:]
    if title is None:
        stem = source_path.stem if source_path else "Untitled"
        title = re.sub(r"[_\s]+", " ", stem).strip() or "Untitled"
    title = render_title(title)

    blocks = _clean(blocks)
    for i, block in enumerate(blocks):
        block.id = i
    return Article(
        title=title,
        blocks=blocks,
        source_path=source_path,
        format="markdown",
        byline=meta.byline,
        site=meta.site,
        published=meta.published,
        language=meta.language,
        description=meta.description,
    )


def render_title(title: str) -> str:
    """The title as one clean line (spoiler delimiters and extra spaces out)."""
    builder = DraftBuilder()
    builder.text(title)
    return render(builder.draft())[0] or title.strip()


