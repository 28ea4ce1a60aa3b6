"""Remove what is never part of the article, before any scoring.

Scripts and their kin go first (we never run them, so text they would write never appears), then
nodes the page hides, then page furniture recognised by tag, ARIA role or class/id vocabulary.
Two kinds of hidden node survive the hidden-node pass, because pages hide them on purpose:
spoiler markup, and folded content — a panel the page's script would open (the target of a
toggle's ``aria-controls``, an accordion or tab panel). Folded prose is marked with
``FOLDED_ATTR`` so the blocks built from it carry the cue; hidden menus and dialogs still go.
"""

from __future__ import annotations

import re

from lxml import etree

from reader.extraction.dom import (
    BLOCK_TAGS,
    CONTENT_GROUP_ATTR,
    FOLDED_ATTR,
    NON_CONTENT_TAGS,
    class_and_id,
    drop_element,
    tag_of,
)
from reader.extraction.patterns import (
    FOLDED_PANEL,
    INLINE_CONTROL,
    MAIL_QUOTE,
    MAYBE_CONTENT,
    UNLIKELY,
    UNLIKELY_ROLES,
)
from reader.extraction.spoiler_markup import lxml_has_spoiler, lxml_spoiler_form

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer"})
_KEEP_TAGS = frozenset({"html", "body", "article", "main", "a", "table", "tbody", "tr", "td", "th", "thead", "code", "pre"})


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_quoted_mail(el: etree._Element, tag: str) -> bool:
    """The earlier message a mail reply quotes: ``<blockquote type="cite">`` (Thunderbird,
    Apple Mail) or a client's quote wrapper (Gmail, Outlook, Yahoo)."""
    if tag == "blockquote" and (el.get("type") or "").lower() == "cite":
        return True
    return tag in ("div", "blockquote") and bool(el.attrib) and bool(MAIL_QUOTE.search(class_and_id(el)))


def _is_furniture(el: etree._Element, tag: str) -> bool:
    if tag in _FURNITURE_TAGS:
        return True
    attrib = el.attrib
    if not attrib:  # most elements: nothing to judge them by
        return False
    role = (attrib.get("role") or "").lower()
    if role in UNLIKELY_ROLES:
        return True
    if tag in ("a", "span") and INLINE_CONTROL.search(class_and_id(el)):
        return True
    if tag in _KEEP_TAGS or tag not in BLOCK_TAGS:
        # Inline and custom elements flow inside sentences (math, embeds, highlights); their
        # class names describe presentation, so only block-level page parts are judged by name.
        return False
    names = class_and_id(el)
    if not names.strip() or not UNLIKELY.search(names) or MAYBE_CONTENT.search(names):
        return False
    return not lxml_spoiler_form(el)


_TOGGLES = etree.XPath("//*[@aria-controls or @data-target or @data-bs-target or @aria-expanded]")


def _toggle_targets(body: etree._Element) -> set[str]:
    """Ids that a button or link on the page opens: ``aria-controls`` and the ``data-target`` /
    ``data-bs-target`` / ``href="#id"`` of an element that says it expands something."""
    targets: set[str] = set()
    for el in _TOGGLES(body):
        for value in (el.get("aria-controls"), el.get("data-target"), el.get("data-bs-target"),
                      el.get("href") if el.get("aria-expanded") is not None else None):
            if value:
                targets.update(v.lstrip("#") for v in value.split() if v.lstrip("#"))
    return targets


def _is_folded(el: etree._Element, tag: str, targets: set[str]) -> bool:
    """A hidden element the page folds away for the reader to open, holding prose: it is the
    target of a toggle, a tab panel or a panel named like an accordion; not a menu, dialog or
    other named clutter, and not a list of links."""
    opened = (el.get("id") or "") in targets or (el.get("role") or "").lower() == "tabpanel" \
        or bool(FOLDED_PANEL.search(class_and_id(el)))
    if not opened or tag in _FURNITURE_TAGS or (el.get("role") or "").lower() in UNLIKELY_ROLES:
        return False
    names = class_and_id(el)
    if UNLIKELY.search(names) and not MAYBE_CONTENT.search(names):
        return False
    total = _prose_chars(el)
    return total >= 40 and _prose(el) > 0.5 * total


def strip_non_content(body: etree._Element) -> None:
    """Drop scripts, styles, embeds, form controls, hidden nodes (spoiler markup and folded
    content excepted) and the quoted message of a mail reply."""
    targets: set[str] | None = None  # found on the first hidden element: most pages have few
    stack = [body]
    while stack:
        el = stack.pop()
        for child in list(el):
            tag = tag_of(child)
            if not tag or tag in NON_CONTENT_TAGS:
                drop_element(child)
            elif _is_hidden(child) and not lxml_has_spoiler(child):
                if targets is None:
                    targets = _toggle_targets(body)
                if _is_folded(child, tag, targets):
                    child.set(FOLDED_ATTR, "1")
                    stack.append(child)
                else:
                    drop_element(child)
            elif _is_quoted_mail(child, tag):
                drop_element(child)
            else:
                stack.append(child)


def strip_furniture(body: etree._Element) -> None:
    """Drop navigation, asides, footers and elements whose class/id/role says they are clutter.

    An element holding most of the page's prose is never furniture, whatever its name says:
    Blogger wraps every post in ``<div class="widget Blog">``, and a site may wrap its article
    in ``<div class="comments-enabled">``; those keep their text (their clutter children are
    still judged one by one).
    """
    prose = _prose(body)
    stack = [body]
    articles = _DeclaredArticles(body)
    while stack:
        el = stack.pop()
        kept_groups: dict[str, bool] = {}
        for child in list(el):
            tag = tag_of(child)
            if tag and _is_furniture(child, tag):
                if tag not in _FURNITURE_TAGS and prose and _holds_the_prose(el, child, prose, kept_groups, articles):
                    stack.append(child)
                    continue
                drop_element(child)
            else:
                stack.append(child)


class _DeclaredArticles:
    """The page's ``<article>`` and ``articleBody`` elements with 400+ characters of prose,
    found on first use: most pages never ask."""

    def __init__(self, body: etree._Element) -> None:
        self._body = body
        self._found: list[etree._Element] | None = None

    def found(self) -> list[etree._Element]:
        if self._found is None:
            self._found = [a for a in _ARTICLES(self._body) if _prose(a) >= 400]
        return self._found


_ARTICLES = etree.XPath("//article|//*[contains(@itemprop, 'articleBody')]")

# Names of the boxes a thread or tracker repeats for each post; only such a run can be the page.
_POSTS = re.compile(r"comment|repl(?:y|ies)|message|post|discussion|thread|activity|entry", re.I)


def _holds_the_prose(parent: etree._Element, child: etree._Element, prose: int, groups: dict[str, bool],
                     articles: _DeclaredArticles) -> bool:
    """True when ``child``, or the run of siblings that share its class, holds most of the page's
    prose. A bug report's description and replies are all "comments", and so are the posts of a
    mailing-list archive: one by one each is small, together they are the page. A real comment
    section, however long, sits beside an article the page declares (an ``<article>`` or
    ``articleBody`` element with prose of its own): then the comments stay clutter. Members of a
    group kept as content are marked with ``CONTENT_GROUP_ATTR`` so the pruner spares them too."""
    if _prose(child) > 0.5 * prose:
        return True
    klass = child.get("class")
    if not klass or not _POSTS.search(klass):
        return False
    if klass not in groups:  # judged once per parent and class
        kept = not _article_beside(parent, klass, articles) and _group_prose(parent, klass) > 0.5 * prose
        if kept:
            same = [c for c in parent if isinstance(c.tag, str) and c.get("class") == klass]
            kept = len(same) >= 2
            for member in same if kept else ():
                member.set(CONTENT_GROUP_ATTR, "1")
        groups[klass] = kept
    return groups[klass]


def _article_beside(parent: etree._Element, klass: str, articles: _DeclaredArticles) -> bool:
    """A declared article that neither holds the group (``parent``'s children of class
    ``klass``) nor sits inside one of its members."""
    around = {parent, *parent.iterancestors()}
    for article in articles.found():
        if article in around:
            continue  # it holds the group
        chain = [article, *article.iterancestors()]
        if parent not in chain:
            return True  # elsewhere on the page
        below = chain.index(parent)
        if below > 0 and chain[below - 1].get("class") != klass:
            return True  # inside the same parent, but not inside a member of the group
    return False


def _chars(texts) -> int:  # noqa: ANN001 - an iterable of str
    """Characters of the text pieces, each trimmed (summed by C-level map, no Python loop)."""
    return sum(map(len, map(str.strip, texts)))


def _prose_chars(el: etree._Element) -> int:
    return _chars(el.itertext())


def _prose(el: etree._Element) -> int:
    """Characters of text outside links: what an article has and a link list lacks."""
    return _prose_chars(el) - sum(_chars(a.itertext()) for a in el.iter("a"))


def _group_prose(parent: etree._Element, klass: str) -> int:
    """``_prose`` summed over ``parent``'s children of class ``klass``.

    (An XPath over the group was tried: libxml2's node-set handling made it 2 s on a 10 MB
    page, against a tenth of that for this loop.)"""
    return sum(_prose(c) for c in parent if isinstance(c.tag, str) and c.get("class") == klass)
