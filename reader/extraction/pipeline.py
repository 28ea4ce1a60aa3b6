"""The extraction pipeline: parse, read metadata, clean, score and prune down to the article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from reader.extraction.clean import strip_furniture, strip_non_content
from reader.extraction.dom import collapse, drop_element, parse_html, tag_of, text_of
from reader.extraction.metadata import PageMetadata, read_metadata
from reader.extraction.prune import cut_clutter_sections, prune_conditionally
from reader.extraction.scoring import select_article
from reader.extraction.textstats import compute_stats

# Below this much text the strict pass probably threw the article away with the clutter:
# retry with the furniture pass off, as Readability does.
_MIN_ARTICLE_CHARS = 400
_BYLINE_NAMES = re.compile(r"\b(byline|author|p-author|writtenby)\b", re.I)


@dataclass
class ExtractedPage:
    """The article's elements (in reading order) and the page's metadata."""

    metadata: PageMetadata
    parts: list[etree._Element]
    text_length: int


def _remove_title_and_byline(parts: list[etree._Element], md: PageMetadata) -> None:
    """The headline lives in ``title`` and the author in ``byline``, never in the body."""
    title_key = _key(md.title)
    for part in parts:
        for el in list(part.iter("h1", "h2", "h3")):
            if el.getparent() is None:
                continue
            text_key = _key(text_of(el))
            if title_key and text_key and (text_key == title_key or (len(text_key) > 15 and (text_key in title_key or title_key in text_key))):
                drop_element(el)
                break
        for el in list(part.iter()):
            if el.getparent() is None or tag_of(el) in ("", "body", "html", "article"):
                continue
            names = f"{el.get('class') or ''} {el.get('id') or ''}"
            itemprop = (el.get("itemprop") or "").lower()
            rel = (el.get("rel") or "").lower()
            if _BYLINE_NAMES.search(names) or itemprop == "author" or rel == "author":
                if len(collapse(text_of(el))) < 120:
                    drop_element(el)


def _key(text: str | None) -> str:
    return re.sub(r"\W+", "", (text or "").lower())


def _extract(text: str, strict: bool) -> tuple[PageMetadata, list[etree._Element], int]:
    doc = parse_html(text)
    md = read_metadata(doc)
    body = doc.find("body")
    if body is None:
        body = doc
    strip_non_content(body)
    if strict:
        strip_furniture(body)
    stats = compute_stats(body)
    selection = select_article(body, stats)
    parts = selection.parts
    for part in parts:
        if strict:
            prune_conditionally(part, stats)
        cut_clutter_sections(part, stats)
    _remove_title_and_byline(parts, md)
    length = sum(len(t) - t.count(" ") for p in parts for t in p.itertext())
    return md, parts, length


def extract_page(text: str) -> ExtractedPage:
    """Find the article in a decoded page; returns its HTML fragment and the page metadata."""
    md, parts, length = _extract(text, strict=True)
    if length < _MIN_ARTICLE_CHARS:
        md2, parts2, length2 = _extract(text, strict=False)
        if length2 > length * 1.5:
            md, parts, length = md2, parts2, length2
    return ExtractedPage(md, parts, length)
