"""Loader for articles saved as plain text (copied from a page, mailed, or typed).

A text copy keeps the article's shape only in its lines: the first line is the headline, blank
lines part paragraphs, bullets and short lines mark lists and section headings, and the page's
furniture comes along as ordinary lines (an SEO keyword line above a photo credit, "More
Stories:" and its headlines at the end). Per DESIGN.md each non-blank line is a block, except
that a paragraph hard-wrapped at a fixed width (as in e-mail) is joined back into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.article import Article, Block, BlockKind
from reader.errors import LoadError
from reader.loaders import cues
from reader.loaders.encoding import decode_text
from reader.inline import Draft, mark_bare_urls, mark_typed_emphasis, render

__all__ = ["load_text", "text_to_article"]

_BULLET = re.compile(
    r"^(?P<marker>[•●◦▪▫■□‣⁃∙·○►▸➤✓✔–*+-]|(?P<num>\d{1,3})[.)])[ \t\u00a0]+(?P<rest>\S.*)$"
)
# "– Spoilers end here –", "— End of spoilers —": a label framed by the same dash on both sides,
# not a list item that happens to start with a dash.
_DASH_FRAMED = re.compile(r"^([–—-])\s+\S.*\s\1$")
_QUOTE = re.compile(r"^>(?!!)[ \t]?(?P<rest>.*)$")
_ATX = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<rest>.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
_WHOLE_BOLD = re.compile(r"^(?:\*\*(?P<a>[^*].*?)\*\*|__(?P<b>[^_].*?)__)[:.]?$")
_TITLE_PREFIX = re.compile(r"^(?:title|headline|subject)\s*:\s*", re.I)
_SPOILER_WORD = re.compile(r"spoil", re.I)
_SENTENCE_END = re.compile(r"[.!?…:][\"'’”)\]]*$")

# A title longer than this is the article's first paragraph, not a headline.
_MAX_TITLE = 200
# Metadata (byline, date, site) is looked for in this many lines under the title.
_META_WINDOW = 6
# A stanza at least this long, with a sentence in it, is article prose again after a trailer.
_PROSE_CHARS = 200


def load_text(data: bytes, path: Path) -> Article:
    """Decode a plain-text article and split it into blocks."""
    return text_to_article(decode_text(data), source_path=path)


@dataclass
class _Line:
    indent: int
    body: str  # stripped


@dataclass
class _Unit:
    """One future block: a line, or several wrapped lines joined back together."""

    kind: BlockKind
    lines: list[str]
    indent: int = 0
    ordinal: int | None = None
    level: int = 0
    first_in_stanza: bool = False
    from_atx: bool = False
    wrapped: bool = False
    clutter: bool = False
    content_col: int = 0  # where a list item's text starts, for hanging-indent continuations

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def text_to_article(text: str, *, source_path: Path | None, title: str | None = None) -> Article:
    """Build an ``Article`` from decoded text; ``source_path`` names it and supplies a fallback title.

    ``title`` is given when the text's headline lives elsewhere (a message's Subject): then the
    first line is the body's first line, not a headline.
    """
    lines = _split_lines(text)
    nonblank = [i for i, ln in enumerate(lines) if ln.body]
    if not nonblank:
        name = source_path.name if source_path else "The text"
        raise LoadError(f"{name} is empty: there is no text to read.")

    body_start: int | None = nonblank[0]
    if title is None:
        title, body_start = _take_masthead(lines, nonblank)
    if title is None:
        title, body_start = _take_title(lines, nonblank[0], source_path)
    body_start = nonblank[0] if body_start is None else body_start
    meta, lines = _take_metadata(lines, body_start)
    stanzas = _stanzas(lines, body_start)
    stanzas = _drop_trailers(stanzas)
    width = _wrap_width(stanzas)
    units = [u for stanza in stanzas for u in _units_of(stanza, width)]
    units = _classify(units)
    blocks = _render(units)
    blocks = cues.drop_trailing_footer(blocks)
    for i, block in enumerate(blocks):
        block.id = i
    return Article(
        title=title,
        blocks=blocks,
        source_path=source_path,
        format="text",
        byline=meta.get("byline"),
        site=meta.get("site"),
        published=meta.get("published"),
    )


# ---------------------------------------------------------------- lines and title


def _split_lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u2028\u2029\x0b\x0c\x85]", "\n", text)
    out = []
    for raw in text.split("\n"):
        raw = raw.expandtabs(4).rstrip()
        body = raw.strip(" \u00a0\u200b\ufeff")
        out.append(_Line(indent=len(raw) - len(raw.lstrip(" \u00a0")), body=body.strip()))
    return out


def _inline_text(raw: str) -> str:
    """Plain final text of a line (markup and spoiler delimiters out, whitespace collapsed).

    Only short lines are ever compared with the line patterns (captions, bylines, headings,
    clutter), so a long one is just collapsed, which keeps big files fast.
    """
    if len(raw) > 400:
        return " ".join(raw.split())
    draft = Draft(raw)
    mark_typed_emphasis(draft)
    return render(draft)[0]


def _take_masthead(lines: list[_Line], nonblank: list[int]) -> tuple[str | None, int | None]:
    """A newsletter opens with its masthead: its name, then an issue line or a "view in your
    browser" line. The name is not the headline: the first line after the masthead is."""
    head = nonblank[:4]
    if len(head) < 3:
        return None, None
    name, under = _inline_text(lines[head[0]].body), _inline_text(lines[head[1]].body)
    # A name is a few words without a headline's colon or comma, and the line under it starts
    # with the issue (a masthead line that starts with a name sits under a headline instead).
    if len(name.split()) > 6 or re.search(r"[:,;.!?]", name) or not cues.is_masthead_line(under):
        return None, None
    if not cues.is_masthead_line(re.split(r"\s[·•|]\s", under)[0]):
        return None, None
    rest = [i for i in head[2:] if not cues.is_masthead_line(_inline_text(lines[i].body))]
    if not rest:
        return None, None
    title = _inline_text(_TITLE_PREFIX.sub("", lines[rest[0]].body))
    if not title or len(title) > _MAX_TITLE:
        return None, None
    return title, rest[0] + 1


def _take_title(lines: list[_Line], first: int, source_path: Path | None) -> tuple[str, int]:
    """The first non-blank line is the headline, unless it is plainly a paragraph."""
    raw = lines[first].body
    atx = _ATX.match(raw)
    if atx:
        raw = atx.group("rest")
    raw = _TITLE_PREFIX.sub("", raw)
    title = _inline_text(raw)
    if title and len(title) <= _MAX_TITLE:
        return title, first + 1
    fallback = source_path.stem if source_path else "Untitled"
    return re.sub(r"[_\s]+", " ", fallback).strip() or "Untitled", first


def _take_metadata(lines: list[_Line], start: int) -> tuple[dict[str, str], list[_Line]]:
    """Byline, date and site lines right under the title become metadata, not blocks."""
    meta: dict[str, str] = {}
    lines = list(lines)
    seen = 0
    for i in range(start, len(lines)):
        body = lines[i].body
        if not body:
            continue
        seen += 1
        if seen > _META_WINDOW or len(body) > 160:
            break
        plain = _inline_text(body)
        by = cues.byline_line(plain)
        if by and "byline" not in meta:
            meta["byline"] = by[0]
            if by[1] and "published" not in meta:
                meta["published"] = by[1]
            lines[i] = _Line(0, "")
            continue
        day = cues.date_line(plain)
        if day and "published" not in meta:
            meta["published"] = day
            lines[i] = _Line(0, "")
            continue
        site = cues.site_line(plain)
        if site and "site" not in meta:
            meta["site"] = site
            lines[i] = _Line(0, "")
    return meta, lines


def _stanzas(lines: list[_Line], start: int) -> list[list[_Line]]:
    """Runs of consecutive non-blank lines."""
    out: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines[start:]:
        if line.body:
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


# ---------------------------------------------------------------- clutter


def _is_prose(stanza: list[_Line]) -> bool:
    text = " ".join(line.body for line in stanza)
    return len(text) >= _PROSE_CHARS and bool(re.search(r"[.!?…][\"'’”)]*(?:\s|$)", text))


def _drop_trailers(stanzas: list[list[_Line]]) -> list[list[_Line]]:
    """Cut the page's trailing link lists and comments; drop single furniture lines.

    A trailer heading ("More Stories:") removes itself and the headlines after it up to the next
    real paragraph, or to the end when none follows, so a stray label mid-text costs nothing but
    itself. A comments heading ends the article outright: comments are other people's words.
    """
    out: list[list[_Line]] = []
    skipping = False
    for stanza in stanzas:
        if skipping:
            if not _is_prose(stanza):
                continue
            skipping = False
        kept: list[_Line] = []
        for line in stanza:
            plain = _inline_text(line.body)
            if skipping:
                continue
            if cues.is_comments_heading(plain):
                if kept:
                    out.append(kept)
                return out
            if cues.is_trailer_heading(plain):
                skipping = True
                continue
            if cues.is_clutter_line(plain) or cues.is_sponsor_line(plain):
                continue
            kept.append(line)
        if kept:
            out.append(kept)
    return out


# ---------------------------------------------------------------- hard wrap


def _kind_of_line(line: _Line) -> str:
    if cues.is_separator(line.body):
        return "rule"
    if _BULLET.match(line.body) and not _DASH_FRAMED.match(line.body):
        return "bullet"
    if _QUOTE.match(line.body):
        return "quote"
    if _ATX.match(line.body):
        return "atx"
    return "text"


def _wrap_width(stanzas: list[list[_Line]]) -> int | None:
    """The fixed width the text was hard-wrapped at, or None when it was not wrapped.

    A wrapper leaves every line but a paragraph's last close to one width; lines that run on to
    a next line yet stay short, or run far past any width, mean the lines are the author's own.
    """
    lengths: list[int] = []
    mid_sentence = 0
    long_runs = 0
    for stanza in stanzas:
        for line, nxt in zip(stanza, stanza[1:]):
            if _kind_of_line(nxt) not in ("text", "quote") or _kind_of_line(line) in ("rule", "atx"):
                continue
            n = len(line.body) + line.indent
            if n > 120:
                long_runs += 1
            elif n >= 25:
                lengths.append(n)
                mid_sentence += not _SENTENCE_END.search(line.body)
    if len(lengths) < 2:
        return None
    width = max(lengths)
    near = [n for n in lengths if n >= width - 20]
    if width < 30 or len(near) < 0.6 * len(lengths) or long_runs > len(near):
        return None
    if len(near) < 3:
        # Two lines are evidence only in one short wrapped paragraph: both near a usual
        # terminal width, at least one stopping mid-sentence.
        if not (len(lengths) == 2 and 60 <= width <= 100 and mid_sentence):
            return None
    return width


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0] if text.split() else ""


def _wrapped(prev: _Line, nxt: str, width: int | None) -> bool:
    """Was ``prev`` broken only because ``nxt``'s first word did not fit the width?"""
    if width is None:
        return False
    n = len(prev.body) + prev.indent
    return n <= width + 2 and n + 1 + len(_first_word(nxt)) > width - 4


# ---------------------------------------------------------------- units


def _units_of(stanza: list[_Line], width: int | None) -> list[_Unit]:
    units: list[_Unit] = []
    prev_line: _Line | None = None
    for line in stanza:
        kind = _kind_of_line(line)
        current = units[-1] if units else None
        first = not units
        if kind == "rule":
            # A setext underline makes the single line above it a heading.
            if (_SETEXT.match(line.body) and current and current.kind == "paragraph"
                    and len(current.lines) == 1 and prev_line is not None and prev_line.body):
                current.kind = "heading"
                current.level = 1 if line.body.startswith("=") else 2
                current.from_atx = True
            prev_line = None
            continue
        if kind == "bullet":
            m = _BULLET.match(line.body)
            assert m is not None
            num = m.group("num")
            units.append(_Unit(
                "list_item", [m.group("rest")], indent=line.indent,
                ordinal=int(num) if num else None, first_in_stanza=first,
                content_col=line.indent + len(line.body) - len(m.group("rest")),
            ))
        elif kind == "quote":
            m = _QUOTE.match(line.body)
            assert m is not None
            rest = m.group("rest").strip()
            if current and current.kind == "quote" and prev_line is not None and (
                    not rest or _wrapped(_Line(0, current.lines[-1]), rest, width)):
                if rest:
                    current.lines.append(rest)
                    current.wrapped = True
            elif rest:
                units.append(_Unit("quote", [rest], indent=line.indent, first_in_stanza=first))
        elif kind == "atx":
            m = _ATX.match(line.body)
            assert m is not None
            units.append(_Unit("heading", [m.group("rest")], level=len(m.group("hashes")),
                               first_in_stanza=first, from_atx=True))
        else:
            if current is not None and prev_line is not None and _continues(current, prev_line, line, width):
                current.lines.append(line.body)
                current.wrapped = True
            else:
                units.append(_Unit("paragraph", [line.body], indent=line.indent, first_in_stanza=first))
        prev_line = line
    return units


def _continues(current: _Unit, prev: _Line, line: _Line, width: int | None) -> bool:
    """Does ``line`` carry on the unit above it (a wrapped paragraph or list item)?"""
    if current.kind == "list_item":
        if line.indent > current.indent and line.indent >= current.content_col - 1:
            return True  # a hanging indent under the bullet's text
        return _wrapped(prev, line.body, width)
    if current.kind == "paragraph" and not current.from_atx:
        if line.indent > prev.indent + 1 and not current.wrapped:
            return False  # a first-line indent starts a new paragraph
        return _wrapped(prev, line.body, width)
    return False


# ---------------------------------------------------------------- classification


def _whole_bold(text: str) -> str | None:
    m = _WHOLE_BOLD.match(text)
    if not m:
        return None
    return m.group("a") if m.group("a") is not None else m.group("b")


def _classify(units: list[_Unit]) -> list[_Unit]:
    """Captions, alt-text lines and section headings, decided with the neighbours in view."""
    for i, unit in enumerate(units):
        if unit.kind != "paragraph":
            continue
        plain = _inline_text(unit.text)
        if cues.is_image_placeholder(plain):
            unit.clutter = True
            continue
        if len(unit.lines) == 1 and cues.is_caption(plain):
            unit.kind = "caption"
            if i > 0:
                above = units[i - 1]
                if (above.kind == "paragraph" and len(above.lines) == 1
                        and cues.is_alt_text_line(_inline_text(above.text))):
                    above.clutter = True
            continue

    live = [u for u in units if not u.clutter]
    for i, unit in enumerate(live):
        if unit.kind != "paragraph" or len(unit.lines) != 1 or not unit.first_in_stanza:
            continue
        nxt = live[i + 1] if i + 1 < len(live) else None
        if nxt is None:
            continue
        bold = _whole_bold(unit.text)
        if bold is not None:
            # A bold line stays a paragraph (it is often the spoiler warning) unless it plainly
            # titles the list under it.
            if (nxt.kind == "list_item" and _looks_heading(bold)
                    and not _SPOILER_WORD.search(bold)):
                unit.lines = [bold]
                unit.kind = "heading"
                unit.level = 2
            continue
        plain = _inline_text(unit.text)
        if not _looks_heading(plain):
            continue
        if nxt.kind == "list_item" or (
            nxt.kind in ("paragraph", "quote")
            and len(nxt.text) >= 40
            and len(nxt.text) > len(plain)
            and not _looks_heading(_inline_text(nxt.text))
        ):
            unit.kind = "heading"
            unit.level = 2
    return live


def _looks_heading(text: str) -> bool:
    """A short title-like line that is not a credit, a trailer or an ad label."""
    return (cues.looks_like_heading(text) and not cues.is_trailer_heading(text)
            and not cues.is_clutter_line(text))


def _render(units: list[_Unit]) -> list[Block]:
    blocks: list[Block] = []
    indents: list[int] = []
    previous_kind: str | None = None
    for unit in units:
        draft = Draft(unit.text)
        mark_typed_emphasis(draft)
        mark_bare_urls(draft)
        text, runs, spoilers = render(draft)
        if not text:
            continue
        level = unit.level
        if unit.kind == "list_item":
            if previous_kind != "list_item":
                indents = [unit.indent]
            else:
                while len(indents) > 1 and unit.indent < indents[-1]:
                    indents.pop()
                if unit.indent > indents[-1]:
                    indents.append(unit.indent)
                elif unit.indent < indents[-1]:
                    indents[-1] = unit.indent
            level = len(indents)
        if unit.kind == "heading":
            runs = [r for r in runs if not (r.style == "bold" and r.start == 0 and r.end == len(text))]
        blocks.append(
            Block(id=len(blocks), kind=unit.kind, text=text, runs=runs,
                  spoiler_markup=spoilers, level=level, ordinal=unit.ordinal)
        )
        previous_kind = unit.kind
    return blocks
