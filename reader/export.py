"""Spoiler-safe sharing: an article as Markdown or as a standalone HTML page, for a friend who is
behind, with everything still hidden replaced by a marker ("[spoiler: Salt and Honey, episode 7]").

What is hidden is what the reader's ``RevealState`` says is hidden right now: whole blocks,
inline spans and a headline that spoils (replaced by the safe title). The export shows exactly
what the window shows, so what the reader checked on screen is what the friend gets.

Nothing hidden may leave through any channel, so besides the text:

- image alt text is never written: the analysis never reads it, so nobody vetted it; an image
  with a caption becomes "[Image: caption]" (the caption is analysed like any block), one
  without is left out. Images themselves are never embedded or linked (the page would fetch
  them, and their file names can spoil);
- a link keeps its address only when it is a web or mail address whose words include none of
  the words that stand only in hidden text (a slug like ``/mia-dies-in-the-finale`` repeats the
  very sentence that is hidden); otherwise its text stays as plain text;
- the page's description and the file's name are left out (neither is analysed); the site,
  byline and date are metadata the header shows too;
- the HTML page is standalone: its own small style sheet, no script, and a Content Security
  Policy that forbids loading anything, so opening it fetches nothing.

A run of hidden paragraphs becomes one marker: the friend needs to know that something was left
out, not to count paragraphs. Hidden list items keep one marker each so a list keeps its shape.

Pure Python: the window (``File › Export``, ``Edit › Copy Article for Sharing``) and the command
line (``recap-reader export``) both call ``to_markdown`` and ``to_html``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from reader import __version__
from reader.appinfo import APP_NAME
from reader.article import Article, Block, EpisodeInfo
from reader.article_labels import episode_label, meta_line
from reader.library.reveal_state import RevealState

__all__ = ["FORMATS", "SUFFIXES", "export_article", "hidden_only_words", "hidden_passages", "spoiler_marker",
           "to_html", "to_markdown"]

#: The formats ``export_article`` writes, by the name the command line uses.
FORMATS = ("md", "html")
#: The file name suffix of each format.
SUFFIXES = {"md": ".md", "html": ".html"}

# Characters that end a line inside a block's text; the view shows them as spaces too.
_LINE_BREAKS = re.compile("[\n\r\u2028\u2029\x0b\x0c\ufffc]")
_WORD = re.compile(r"\w{3,}")
_SHAREABLE_SCHEMES = ("http", "https", "mailto")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


# ------------------------------------------------------------------------------- the marker


def spoiler_marker(episode: EpisodeInfo, other_show: bool = False) -> str:
    """The words standing in for hidden text, brackets included.

    "[spoiler: Salt and Honey, season 2, episode 7]", "[spoiler: Salt and Honey, episode 7]",
    "[spoiler: Salt and Honey, finale]", "[spoiler: Salt and Honey]" or "[spoiler]", as far as
    the analysis knows the episode; a spoiler about another series says so instead, since this
    show's episode number would tell the friend nothing about it.
    """
    if other_show:
        return "[spoiler about another show]"
    parts = [episode.show] if episode.show else []
    if episode.season is not None and (episode.episode is not None or episode.finale):
        parts.append(f"season {episode.season}")
    if episode.episode is not None:
        parts.append(f"episode {episode.episode}")
    elif episode.finale:
        parts.append("finale")
    return f"[spoiler: {', '.join(parts)}]" if parts else "[spoiler]"


# ------------------------------------------------------------------------ what gets written


@dataclass(frozen=True)
class _Piece:
    """Visible text with its formatting, or (``marker`` set) the marker for hidden text."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    href: str | None = None
    marker: str | None = None

    def same_style(self, other: _Piece) -> bool:
        return (self.marker is None and other.marker is None and self.bold == other.bold
                and self.italic == other.italic and self.href == other.href)


@dataclass
class _Unit:
    """One block of the output: a heading, paragraph, list item, quote, caption, image caption,
    or ``kind == "marker"`` for a run of hidden blocks."""

    kind: str
    pieces: list[_Piece] = field(default_factory=list)
    level: int = 0
    ordinal: int | None = None


@dataclass(frozen=True)
class _Shared:
    """Everything an export writes, decided once for both formats."""

    title: str
    episode_line: str
    meta_line: str
    language: str | None
    units: list[_Unit]
    hidden_count: int


def hidden_only_words(article: Article, state: RevealState) -> set[str]:
    """Words (three letters or more, case-folded) that stand only in text still hidden: the
    words a link address or any other unvetted text must not carry."""
    hidden: list[str] = []
    visible: list[str] = [state.display_title(article.title), meta_line(article),
                          episode_label(state.analysis.episode)]
    if state.title_hidden():
        hidden.append(article.title)
    for block in article.blocks:
        if state.block_hidden(block.id):
            hidden.append(block.text)
            continue
        spans = _merged_spans(state, block.id)
        hidden.extend(block.text[start:end] for start, end, _ in spans)
        visible.append(_cut_out(block.text, spans))
    return _words(hidden) - _words(visible)


def hidden_passages(article: Article, state: RevealState) -> int:
    """How many markers stand for hidden text: hidden blocks, hidden spans (overlapping ones
    counted once) and a hidden headline. Zero means the export holds the whole article."""
    blocks = [b.id for b in article.blocks]
    count = sum(1 if state.block_hidden(i) else len(_merged_spans(state, i)) for i in blocks)
    return count + (1 if state.title_hidden() else 0)


def _words(texts: Iterable[str]) -> set[str]:
    return {w.casefold() for text in texts for w in _WORD.findall(text)}


def _cut_out(text: str, spans: list[tuple[int, int, bool]]) -> str:
    parts, pos = [], 0
    for start, end, _ in spans:
        parts.append(text[pos:start])
        parts.append(" ")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _merged_spans(state: RevealState, block_id: int) -> list[tuple[int, int, bool]]:
    """The hidden spans of a readable block as disjoint ``(start, end, other_show)``, overlapping
    ones merged (about another show only when every part of it is)."""
    spans = sorted((s.start, s.end, s.other_show) for _, s in state.hidden_spans(block_id) if s.end > s.start)
    merged: list[tuple[int, int, bool]] = []
    for start, end, other in spans:
        if merged and start <= merged[-1][1]:
            last_start, last_end, last_other = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_other and other)
        else:
            merged.append((start, end, other))
    return merged


def _shared(article: Article, state: RevealState) -> _Shared:
    episode = state.analysis.episode
    unsafe_words = hidden_only_words(article, state)
    units: list[_Unit] = []
    for block in article.blocks:
        if state.block_hidden(block.id):
            verdicts = state.analysis.verdicts
            marker = _Piece(marker=spoiler_marker(episode, verdicts[block.id].other_show))
            if block.kind == "list_item":
                units.append(_Unit("list_item", [marker], block.level, block.ordinal))
            elif not (units and units[-1].kind == "marker" and units[-1].pieces == [marker]):
                units.append(_Unit("marker", [marker]))
            continue
        spans = _merged_spans(state, block.id)
        pieces = _pieces(block, spans, episode, unsafe_words)
        if not any(p.marker or p.text.strip() for p in pieces):
            continue  # an image without a caption, or an empty block
        kind = "image" if block.kind == "image" or block.image is not None else block.kind
        units.append(_Unit(kind, pieces, block.level, block.ordinal))
    language = article.language if article.language and _LANGUAGE.match(article.language) else None
    return _Shared(state.display_title(article.title), episode_label(episode), meta_line(article),
                   language, units, hidden_passages(article, state))


def _pieces(block: Block, spans: list[tuple[int, int, bool]], episode: EpisodeInfo,
            unsafe_words: set[str]) -> list[_Piece]:
    """A readable block cut where its formatting or a hidden span starts or ends."""
    text = _LINE_BREAKS.sub(" ", block.text)
    cuts = {0, len(text)}
    for run in block.runs:
        cuts.update((max(0, min(run.start, len(text))), max(0, min(run.end, len(text)))))
    for start, end, _ in spans:
        cuts.update((start, end))
    bounds = sorted(cuts)
    pieces: list[_Piece] = []
    for start, end in zip(bounds, bounds[1:]):
        if end <= start:
            continue
        span = next((s for s in spans if s[0] <= start < s[1]), None)
        if span is not None:
            if start == span[0]:
                pieces.append(_Piece(marker=spoiler_marker(episode, span[2])))
            continue
        covering = [r for r in block.runs if r.start <= start and end <= r.end]
        link = next((r.href for r in covering if r.style == "link" and r.href), None)
        piece = _Piece(text[start:end], bold=any(r.style == "bold" for r in covering),
                       italic=any(r.style == "italic" for r in covering),
                       href=_shareable_href(link, unsafe_words) if link else None)
        if pieces and pieces[-1].same_style(piece):
            pieces[-1] = replace(pieces[-1], text=pieces[-1].text + piece.text)
        else:
            pieces.append(piece)
    return pieces


def _shareable_href(href: str, unsafe_words: set[str]) -> str | None:
    """The link's address if it may go to the friend: a web or mail address carrying no word that
    stands only in hidden text (see the module docstring); else None."""
    address = href.strip()
    try:
        scheme = urlsplit(address).scheme.lower()
    except ValueError:
        return None
    if scheme not in _SHAREABLE_SCHEMES or any(c.isspace() or ord(c) < 32 for c in address):
        return None
    if _words([address.replace("_", " ")]) & unsafe_words:
        return None
    return address


def _closing_note(hidden_count: int) -> str:
    if hidden_count == 0:
        return f"Shared from {APP_NAME}. Nothing in it was hidden when it was shared."
    return f"Shared from {APP_NAME}. Passages that would spoil the episode are left out, each marked where it stood."


# ------------------------------------------------------------------------------- Markdown


# Characters that mean something to Markdown wherever they stand (CommonMark, and "~" for GFM).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# What makes a line something other than a paragraph when it starts it.
_MD_LINE_START = "#>+=|-"
_MD_ORDERED_START = re.compile(r"\d{1,9}(?=[.)])")


def to_markdown(article: Article, state: RevealState) -> str:
    """The article as CommonMark, hidden text replaced by markers; ends with a newline."""
    shared = _shared(article, state)
    out: list[str] = [f"# {_md_line(_md_text(shared.title))}"]
    for line in (shared.episode_line, shared.meta_line):
        if line:
            out.append("")
            out.append(f"*{_md_text(line)}*")
    depth = 0  # the nesting of the list being written (0: not in a list)
    for unit in shared.units:
        if unit.kind == "list_item":
            level = max(1, min(unit.level or 1, depth + 1))
            if depth == 0:
                out.append("")  # a list starts after a blank line; its items follow each other
            bullet = f"{unit.ordinal}." if unit.ordinal is not None else "-"
            out.append(f"{'    ' * (level - 1)}{bullet} {_md_line(_md_inline(unit.pieces))}")
            depth = level
            continue
        depth = 0
        out.append("")
        body = _md_inline(unit.pieces)
        if unit.kind == "heading":
            out.append(f"{'#' * max(2, min(6, unit.level or 2))} {_md_heading(body)}")
        elif unit.kind == "quote":
            out.append(f"> {_md_line(body)}")
        elif unit.kind == "caption":
            out.append(f"*{_md_line(body)}*" if _plain_text(unit.pieces) else _md_line(body))
        elif unit.kind == "image":
            out.append(f"[Image: {body.strip()}]")
        else:
            out.append(_md_line(body))
    out.extend(["", "---", "", f"*{_md_text(_closing_note(shared.hidden_count))}*"])
    return "\n".join(out) + "\n"


def _plain_text(pieces: list[_Piece]) -> bool:
    """No formatting of its own (a caption is set in italics only then, to keep it simple)."""
    return all(p.marker is None and not (p.bold or p.italic or p.href) for p in pieces)


def _md_text(text: str) -> str:
    return _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))


def _md_line(line: str) -> str:
    """A line that stays a paragraph: leading spaces dropped (four would make code) and a
    character that would start a heading, quote, list or rule escaped."""
    line = line.lstrip()
    if number := _MD_ORDERED_START.match(line):
        return f"{line[:number.end()]}\\{line[number.end():]}"
    return "\\" + line if line[:1] and line[0] in _MD_LINE_START else line


def _md_heading(text: str) -> str:
    """Heading text: a trailing "#" would be taken for the heading's closing sequence."""
    text = text.strip()
    return text[:-1] + "\\#" if text.endswith("#") and not text.endswith("\\#") else text


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _md_inline(pieces: list[_Piece]) -> str:
    """Pieces as inline Markdown. Emphasis is written only where CommonMark will read it back as
    emphasis (its delimiters must touch a word on the inside and must not be glued to another
    delimiter); elsewhere the text is kept plain, which is what "where simple" means here."""
    out = ""
    after_marker = False
    for index, piece in enumerate(pieces):
        if piece.marker is not None:
            out += _md_text(piece.marker[1:-1]).join("[]")
            after_marker = True
            continue
        text = piece.text
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        written = _md_text(core)
        if after_marker and not lead and written[:1] in ("(", ":"):
            written = "\\" + written  # "[spoiler](…" would be a link, "[spoiler]: …" a definition
        after_marker = False
        if not core:
            out += text
            continue
        following = next((p.marker[:1] if p.marker else p.text[:1] for p in pieces[index + 1:]
                          if p.marker or p.text), "")
        before = (out + lead)[-1:]
        emphasis = ("**" if piece.bold else "") + ("*" if piece.italic else "")
        if emphasis and _emphasis_fits(before, core, "" if trail else following):
            written = f"{emphasis}{written}{emphasis[::-1]}"
        if piece.href is not None:
            written = f"[{written}](<{_md_address(piece.href)}>)"
        out += lead + written + trail
    return out


def _emphasis_fits(before: str, core: str, after: str) -> bool:
    """Whether ``*``-delimiters around ``core`` open and close (CommonMark's flanking rules)."""
    if before == "*" or before == "\\" or after == "*":
        return False
    opens = not (_is_punctuation(core[0]) and before and not (before.isspace() or _is_punctuation(before)))
    closes = not (_is_punctuation(core[-1]) and after and not (after.isspace() or _is_punctuation(after)))
    return opens and closes


def _md_address(href: str) -> str:
    """An address between ``<`` and ``>``: those two and a backslash cannot appear raw there."""
    return href.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")


# ----------------------------------------------------------------------------------- HTML


_STYLE = """
body { margin: 0; background: #fbfaf7; color: #1f1d1a; }
article { max-width: 42em; margin: 2.5em auto; padding: 0 1.25em;
  font: 1.06rem/1.6 Georgia, "Times New Roman", serif; }
h1 { font-size: 1.7em; line-height: 1.25; margin-bottom: .3em; }
.episode { text-transform: uppercase; letter-spacing: .06em; font: .8rem/1.4 system-ui, sans-serif;
  color: #5d5850; margin-bottom: 0; }
.meta { font: .9rem/1.4 system-ui, sans-serif; color: #5d5850; margin-top: .2em; }
.spoiler { font: italic .95em system-ui, sans-serif; color: #6b5f86; background: #efeaf7;
  border-radius: .3em; padding: 0 .35em; white-space: nowrap; }
p.spoiler-block { margin: 1.2em 0; }
.caption, .image { font-size: .92em; color: #5d5850; font-style: italic; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #d8d2c6; }
footer { margin-top: 2.5em; padding-top: .8em; border-top: 1px solid #d8d2c6;
  font: .85rem/1.4 system-ui, sans-serif; color: #5d5850; }
@media (prefers-color-scheme: dark) {
  body { background: #1c1b19; color: #e8e4dc; }
  .episode, .meta, .caption, .image, footer { color: #aaa398; }
  .spoiler { color: #cdbff0; background: #2f2a3b; }
  blockquote, footer { border-color: #45413a; }
}
""".strip()

# Nothing may be loaded or run: no scripts, images, fonts, frames or form targets.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def to_html(article: Article, state: RevealState) -> str:
    """The article as a standalone HTML page (UTF-8), hidden text replaced by markers."""
    shared = _shared(article, state)
    esc = html.escape
    lang = f' lang="{esc(shared.language)}"' if shared.language else ""
    out = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{esc(APP_NAME)} {esc(__version__)}">',
        f"<title>{esc(shared.title)}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        "<article>",
        "<header>",
    ]
    if shared.episode_line:
        out.append(f'<p class="episode">{esc(shared.episode_line)}</p>')
    out.append(f"<h1>{esc(shared.title)}</h1>")
    if shared.meta_line:
        out.append(f'<p class="meta">{esc(shared.meta_line)}</p>')
    out.append("</header>")
    lists: list[tuple[int, str]] = []  # the open lists: (level, "ul" or "ol"), each with an open <li>
    for unit in shared.units:
        if unit.kind == "list_item":
            _html_list_item(out, lists, unit)
            continue
        while lists:
            out.append(f"</li></{lists.pop()[1]}>")
        body = _html_inline(unit.pieces)
        if unit.kind == "marker":
            out.append(f'<p class="spoiler-block">{body}</p>')
        elif unit.kind == "heading":
            level = max(2, min(6, unit.level or 2))
            out.append(f"<h{level}>{body}</h{level}>")
        elif unit.kind == "quote":
            out.append(f"<blockquote><p>{body}</p></blockquote>")
        elif unit.kind == "caption":
            out.append(f'<p class="caption">{body}</p>')
        elif unit.kind == "image":
            out.append(f'<p class="image">[Image: {body.strip()}]</p>')
        else:
            out.append(f"<p>{body}</p>")
    while lists:
        out.append(f"</li></{lists.pop()[1]}>")
    out.extend([f"<footer><p>{esc(_closing_note(shared.hidden_count))}</p></footer>",
                "</article>", "</body>", "</html>", ""])
    return "\n".join(out)


def _html_list_item(out: list[str], lists: list[tuple[int, str]], unit: _Unit) -> None:
    """Open, continue or close nested lists so that each list item lands at its depth (a deeper
    list sits inside the item before it, as HTML wants)."""
    tag = "ol" if unit.ordinal is not None else "ul"
    level = max(1, min(unit.level or 1, (lists[-1][0] if lists else 0) + 1))
    while lists and lists[-1][0] > level:
        out.append(f"</li></{lists.pop()[1]}>")
    if lists and lists[-1][0] == level and lists[-1][1] != tag:
        out.append(f"</li></{lists.pop()[1]}>")
    if lists and lists[-1][0] == level:
        out.append("</li>")
    else:
        out.append(f"<{tag}>")
        lists.append((level, tag))
    value = f' value="{unit.ordinal}"' if unit.ordinal is not None else ""
    out.append(f"<li{value}>{_html_inline(unit.pieces)}")


def _html_inline(pieces: list[_Piece]) -> str:
    parts: list[str] = []
    for piece in pieces:
        if piece.marker is not None:
            parts.append(f'<span class="spoiler">{html.escape(piece.marker)}</span>')
            continue
        text = html.escape(piece.text, quote=False)
        if piece.italic:
            text = f"<em>{text}</em>"
        if piece.bold:
            text = f"<strong>{text}</strong>"
        if piece.href is not None:
            text = f'<a href="{html.escape(piece.href)}" rel="noopener noreferrer nofollow">{text}</a>'
        parts.append(text)
    return "".join(parts)


# ---------------------------------------------------------------------------------- entry


def export_article(article: Article, state: RevealState, form: str) -> str:
    """``to_markdown`` or ``to_html`` by the format's name (one of ``FORMATS``)."""
    if form == "md":
        return to_markdown(article, state)
    if form == "html":
        return to_html(article, state)
    raise ValueError(f"unknown export format {form!r} (one of {', '.join(FORMATS)})")
