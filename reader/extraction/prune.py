"""Remove the clutter that sits inside the chosen article.

Share bars, "related" link lists, embedded sign-up forms and photo galleries often live inside
the article's own container. Readability's conditional cleaning judges each such container by
its paragraphs, images, list items, inputs and link density; trailing sections introduced by a
clutter heading ("Related stories", "Comments") are cut whole. Spoiler markup is never pruned.
"""

from __future__ import annotations

import re

from lxml import etree

from reader.extraction.dom import CONTENT_GROUP_ATTR, collapse, drop_element, tag_of, text_of
from reader.extraction.patterns import (
    BARE_DATE,
    CLUTTER_HEADING,
    CLUTTER_TEXT,
    DATELINE,
    LEGAL,
    SOCIAL_WORDS,
)
from reader.extraction.scoring import class_weight
from reader.extraction.textstats import TextStats, compute_stats

# A review's grade box ("Episode grade: B+", "Rating: 4/5") is short like a widget, but it is
# the review's verdict, which a reader expects to see.
_GRADE = re.compile(r"^(?:(?:episode|season|our|overall|final)\s+)?(?:grade|rating|score|verdict)\s*:\s*\S{1,12}$", re.I)

_CONDITIONAL = frozenset({"form", "fieldset", "table", "ul", "ol", "div", "section", "aside", "header", "dl"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _count(el: etree._Element, tag: str) -> int:
    return sum(1 for _ in el.iter(tag))


def _is_list_like(el: etree._Element, tag: str, s: TextStats, stats: dict) -> bool:
    if tag in ("ul", "ol"):
        return True
    list_len = sum(stats[c].text_len for c in el if tag_of(c) in ("ul", "ol") and c in stats)
    return s.text_len > 0 and list_len / s.text_len > 0.9


def _carries_the_text(el: etree._Element, s: TextStats) -> bool:
    """Prose that a clutter-like name must not condemn: a container with ten commas or more
    (Readability's test for real sentences; a page builder's "widget" box holding the story), or
    one of the same-named siblings the cleaner found to be the page's content (a bug report's
    comments, ``CONTENT_GROUP_ATTR``)."""
    return s.commas >= 10 or el.get(CONTENT_GROUP_ATTR) is not None


def _should_drop(el: etree._Element, tag: str, s: TextStats, stats: dict) -> bool:
    weight = class_weight(el)
    if weight < 0 and not _carries_the_text(el, s):
        return True
    if s.commas >= 10:
        return False
    is_list = _is_list_like(el, tag, s, stats)
    p = _count(el, "p")
    img = _count(el, "img")
    li = _count(el, "li") - 100
    inputs = _count(el, "input") + _count(el, "textarea") + _count(el, "select")
    in_figure = any(tag_of(a) == "figure" for a in el.iterancestors())
    if img > 1 and p / img < 0.5 and not in_figure:
        return True
    if not is_list and li > p:
        return True
    if inputs > p // 3:
        return True
    if (not is_list and s.text_len < 25 and (img == 0 or img > 2) and not in_figure and s.text_len > 0
            and not _GRADE.match(collapse(text_of(el)))):
        return True
    if not is_list and weight < 25 and s.link_density > 0.2:
        return True
    if weight >= 25 and s.link_density > 0.5:
        return True
    if is_list and s.link_density > 0.5:
        return True
    return False


def prune_conditionally(part: etree._Element, stats: dict[etree._Element, TextStats]) -> None:
    """Readability's conditional cleaning, innermost containers first."""
    candidates = [el for el in part.iter() if tag_of(el) in _CONDITIONAL]
    dirty: set[etree._Element] = set()
    for el in reversed(candidates):
        if el is part or el.getparent() is None:
            continue
        if el in dirty:  # something inside was dropped: measure what is left
            stats.update(compute_stats(el))
        s = stats.get(el)
        if s is None or s.has_spoiler:
            continue
        if _should_drop(el, tag_of(el), s, stats):
            dirty.update(el.iterancestors())
            drop_element(el)


def _heading_like(el: etree._Element) -> bool:
    tag = tag_of(el)
    if tag in _HEADINGS:
        return True
    if tag in ("p", "div") and len(el) == 1 and tag_of(el[0]) in ("strong", "b"):
        return not (el.text or "").strip() and not (el[0].tail or "").strip()
    return False


def cut_clutter_sections(part: etree._Element, stats: dict[etree._Element, TextStats]) -> None:
    """Drop page furniture that sits among the article's own paragraphs: headings like
    "Related stories" with the link lists after them, lone lines like "Advertisement",
    datelines ("Updated Nov 19, 6:55 AM"), legal lines and share-button rows."""
    for el in list(part.iter(*_HEADINGS, "p", "div", "span", "li", "ul", "ol", "strong", "b", "small")):
        s = stats.get(el)
        if s is None or s.text_len > 300 or s.has_spoiler or el.getparent() is None:
            continue
        raw = text_of(el)
        if s.text_len > 80 and not _maybe_legal(raw):
            continue  # past the length of a heading, a dateline or a share row; not legal text
        tag = tag_of(el)
        text = collapse(raw)
        if not text:
            continue
        if len(text) <= 60 and CLUTTER_HEADING.match(text) and (_heading_like(el) or tag in ("p", "div")):
            _drop_heading_section(el)
        elif not s.has_block_child and _stands_alone(el, tag, stats) and is_furniture_line(text, tag):
            drop_element(el)


_LINE_TAGS = frozenset({*_HEADINGS, "p", "div", "li"})


def _stands_alone(el: etree._Element, tag: str, stats: dict[etree._Element, TextStats]) -> bool:
    """A block of its own, or an inline element that is all of its parent's text: a date inside
    a sentence or a reference list is content, a date on its own line is furniture."""
    if tag in _LINE_TAGS:
        return True
    parent = el.getparent()
    ps = stats.get(parent) if parent is not None else None
    return ps is not None and ps.text_len == stats[el].text_len


def _maybe_legal(text: str) -> bool:
    """A cheap test before the LEGAL pattern: plain substring checks run in C, a
    case-insensitive alternation costs more than the rest of the line's checks together."""
    low = text.lower()
    return ("©" in low or "(c)" in low or "copyright" in low or "reserved" in low or "permission" in low
            or "reproduced" in low or "redistributed" in low or "published" in low)


def is_furniture_line(text: str, tag: str = "p") -> bool:
    """A short line that is page furniture wherever it stands."""
    if len(text) <= 60 and CLUTTER_TEXT.match(text) and tag in ("p", "div", "span", "li", "small"):
        return True
    if len(text) <= 120 and (DATELINE.match(text) or BARE_DATE.match(text)):
        return True
    if _maybe_legal(text):
        legal = LEGAL.search(text)
        if legal and len(text) <= (100 if legal.start() == 0 else 300):
            return True
    if len(text) > 80:
        return False
    words = re.findall(r"[\w+-]+", text.lower())
    return len(words) >= 2 and all(w in SOCIAL_WORDS for w in words)


def _drop_heading_section(heading: etree._Element) -> None:
    """Drop a clutter heading and the link-heavy or list siblings that follow it."""
    nxt = heading.getnext()
    while nxt is not None and tag_of(nxt) not in _HEADINGS:
        text = collapse(text_of(nxt))
        links = sum(len(collapse(text_of(a))) for a in nxt.iter("a"))
        listy = tag_of(nxt) in ("ul", "ol") or bool(nxt.find(".//li") is not None)
        if not text or (links / max(1, len(text)) > 0.4) or (listy and len(text) < 600):
            after = nxt.getnext()
            drop_element(nxt)
            nxt = after
        else:
            break
    drop_element(heading)
