"""Parse untrusted HTML safely and cheaply with lxml.

The parser never touches the network, never resolves external entities and keeps comments and
processing instructions out of the tree. Helpers here are iterative, never recursive, so a page
nested 10,000 deep cannot exhaust Python's stack.
"""

from __future__ import annotations

import re

from lxml import etree


# Elements that hold no readable article text at all; dropped before anything else looks.
NON_CONTENT_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "frame",
        "frameset", "object", "embed", "applet", "link", "meta", "base", "head", "title",
        "input", "select", "option", "textarea", "button", "dialog", "map", "audio", "video",
        "source", "track", "param",
    }
)

# Set by the cleaner on a hidden element kept as folded content (a panel the page's script would
# open); the block builder turns it into ``Block.folded``.
FOLDED_ATTR = "data-reader-folded"

# Set by the cleaner on each of a run of same-named siblings that together hold the page's prose
# (a bug report's comments): clutter-like names do not get them pruned.
CONTENT_GROUP_ATTR = "data-reader-content-group"

BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2",
        "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "figcaption", "form", "fieldset",
        "address", "details", "summary", "hr", "center", "caption",
    }
)


def _parser() -> etree.HTMLParser:
    # Plain etree elements: lxml.html's element classes add a Python-level lookup per node,
    # which on a 50 MB page cost more than the parse itself.
    return etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        # huge_tree lifts libxml2's text-node size cap so a 50 MB page is read whole; its depth
        # limit still bounds pathological nesting.
        huge_tree=True,
        default_doctype=False,
    )


def parse_html(text: str) -> etree._Element:
    """Parse a decoded page into an lxml tree; an empty or tag-less page yields an empty <html>."""
    # lxml refuses str input that carries an XML encoding declaration; the text is already decoded.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    if not text.strip():
        return etree.fromstring(_EMPTY, _parser())
    doc, too_deep = _parse(text)
    if too_deep:
        # libxml2 stops at 2048 levels and drops the rest of the page. Pathological nesting is
        # almost always wrapper elements: unwrap them, and if that is not enough, keep only the
        # paragraph structure, so the reader still gets the text.
        doc, too_deep = _parse(_CONTAINER_TAGS.sub(" ", text))
        if too_deep:
            doc, _ = _parse(_ANY_TAG_BUT_PARAGRAPHS.sub(" ", _SCRIPT_OR_STYLE.sub(" ", text)))
    return doc


_EMPTY = "<html><body></body></html>"
_CONTAINER_TAGS = re.compile(
    r"</?(?:div|span|section|article|main|header|footer|aside|font|center|b|i|em|strong|u|s|"
    r"small|big|sub|sup|a|abbr|cite|q|mark|table|tbody|thead|tfoot|tr|td|th|blockquote|"
    r"figure|label|nobr)\b[^>]*>",
    re.I,
)
_SCRIPT_OR_STYLE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_ANY_TAG_BUT_PARAGRAPHS = re.compile(r"<(?!/?(?:p|br|h[1-6]|title|meta|head|html|body)\b)[^>]*>", re.I)


def _parse(text: str) -> tuple[etree._Element, bool]:
    """Parse; also say whether libxml2 gave up on the page's nesting depth."""
    parser = _parser()
    try:
        doc = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        doc = None
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    if doc is None:  # lxml returns None for input with no elements at all
        doc = etree.fromstring(_EMPTY, _parser())
    return doc, too_deep


def text_of(el: etree._Element) -> str:
    """All text inside ``el`` (what lxml.html's text_content gives, for plain elements)."""
    return "".join(el.itertext())


def collapse(text: str | None) -> str:
    """Collapse runs of whitespace (no-break spaces included) to single spaces and trim."""
    if not text:
        return ""
    return " ".join(text.split())  # str.split() splits on every Unicode space, no-break too


def tag_of(el: etree._Element) -> str:
    """The element's tag name (lxml's HTML parser lower-cases it), or "" for non-elements."""
    tag = el.tag
    return tag if isinstance(tag, str) else ""


def class_and_id(el: etree._Element) -> str:
    """Class and id as one lower-case string, the text the clutter patterns are matched on."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def drop_element(el: etree._Element) -> None:
    """Remove ``el`` and its subtree but keep its tail text in the document."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)

