"""Parse untrusted HTML safely and cheaply with lxml.

The parser never touches the network, never resolves external entities and keeps comments and
processing instructions out of the tree. Helpers here are iterative, never recursive, so a page
nested 10,000 deep cannot exhaust Python's stack.
"""

from __future__ import annotations

import re

from lxml import etree, html

_WS = re.compile(r"\s+")

# Elements that hold no readable article text at all; dropped before anything else looks.
NON_CONTENT_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "frame",
        "frameset", "object", "embed", "applet", "link", "meta", "base", "head", "title",
        "input", "select", "option", "textarea", "button", "dialog", "map", "audio", "video",
        "source", "track", "param",
    }
)

BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2",
        "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "figcaption", "form", "fieldset",
        "address", "details", "summary", "hr", "center", "caption",
    }
)


def _parser() -> html.HTMLParser:
    return html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        # huge_tree lifts libxml2's text-node size cap so a 50 MB page is read whole; its depth
        # limit still bounds pathological nesting.
        huge_tree=True,
        default_doctype=False,
    )


def parse_html(text: str) -> html.HtmlElement:
    """Parse a decoded page into an lxml tree; an empty or tag-less page yields an empty <html>."""
    # lxml refuses str input that carries an XML encoding declaration; the text is already decoded.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    if not text.strip():
        return html.document_fromstring("<html><body></body></html>")
    try:
        doc = html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError):
        doc = html.document_fromstring("<html><body></body></html>")
    return doc


def collapse(text: str | None) -> str:
    """Collapse runs of whitespace (no-break spaces included) to single spaces and trim."""
    if not text:
        return ""
    return _WS.sub(" ", text.replace("\xa0", " ")).strip()


def tag_of(el: etree._Element) -> str:
    """The element's lower-case tag name, or "" for comments and other non-elements."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


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


def ancestors(el: etree._Element, limit: int = 1_000_000) -> list[etree._Element]:
    """Ancestors from the parent upwards (iterative)."""
    out = []
    cur = el.getparent()
    while cur is not None and len(out) < limit:
        out.append(cur)
        cur = cur.getparent()
    return out
