"""Score text containers and pick the article: Readability's method, on precomputed stats.

Every paragraph-like node gives points (length, commas) to the element that holds it and, less,
to the ancestors above; link-heavy containers are discounted. The best-scoring container is the
article's root; its siblings join when they score close to it or read like prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from reader.extraction.dom import tag_of, text_of
from reader.extraction.patterns import NEGATIVE, POSITIVE
from reader.extraction.textstats import TextStats

_PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "dd"})
_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "font", "center", "span", "form", "td"})
_TAG_BONUS = {
    "div": 5, "article": 8, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}
_MIN_PARAGRAPH = 25
_SENTENCE_END = re.compile(r"\.( |$)")


def class_weight(el: etree._Element) -> int:
    """Readability's class weight: +25 for content-like names, -25 for clutter-like ones."""
    weight = 0
    for value in (el.get("class"), el.get("id")):
        if not value:
            continue
        if NEGATIVE.search(value):
            weight -= 25
        if POSITIVE.search(value):
            weight += 25
    return weight


@dataclass
class Selection:
    root: etree._Element
    parts: list[etree._Element]
    scores: dict[etree._Element, float]


def _paragraph_nodes(body: etree._Element, stats: dict[etree._Element, TextStats]):
    """Yield (element that receives the score first, inline text length, commas)."""
    for el in body.iter():
        tag = tag_of(el)
        s = stats.get(el)
        if s is None or s.inline_len < _MIN_PARAGRAPH:
            continue
        if tag in _PARAGRAPH_TAGS or (tag in _CONTAINER_TAGS and not s.has_block_child):
            parent = el.getparent()
            if parent is not None:
                yield parent, s.inline_len, s.inline_commas
        elif tag in _CONTAINER_TAGS:
            # Text set directly in a container among block children (forum posts with <br>):
            # the container plays the paragraph's parent, as Readability's wrapping does.
            yield el, s.inline_len, s.inline_commas


def select_article(body: etree._Element, stats: dict[etree._Element, TextStats]) -> Selection:
    """Choose the article's root element and the sibling elements that belong with it."""
    scores: dict[etree._Element, float] = {}

    def init(el: etree._Element) -> None:
        if el not in scores:
            scores[el] = _TAG_BONUS.get(tag_of(el), 0) + class_weight(el)

    for anchor, length, commas in _paragraph_nodes(body, stats):
        points = 1 + commas + min(length // 100, 3)
        level = 0
        node = anchor
        while node is not None and level < 5:
            if tag_of(node) in ("html",):
                break
            init(node)
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[node] += points / divider
            node = node.getparent()
            level += 1

    for el in list(scores):
        scores[el] *= 1 - stats[el].link_density if el in stats else 1

    if not scores:
        return Selection(body, [body], scores)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, top_score = ranked[0]
    top = _climb_to_common_ancestor(best, top_score, ranked[1:6], scores)
    top = _climb_single_children(top, body, stats)
    top_score = scores.get(top, top_score)
    declared = _declared_body(top, top_score, scores)
    if declared is not None:
        return Selection(declared, [declared], scores)
    parts = _join_siblings(top, top_score, scores, stats, body)
    parts = _with_sister_sections(parts, best, ranked, body)
    return Selection(top, parts, scores)


_SISTER_REACH = 6


def _with_sister_sections(parts, best, ranked, body):
    """Long articles split into sections by photos or ads often repeat the same container
    class for each section; sections that the sibling join could not reach (they sit in other
    wrappers) join the article in document order."""
    klass = best.get("class")
    if not klass:
        return parts
    threshold = ranked[0][1] * 0.45
    sisters = [el for el, sc in ranked if sc >= threshold and el is not best and el.get("class") == klass
               and tag_of(el) == tag_of(best)]
    if not sisters:
        return parts
    # Sections of one article sit close together; a same-named box further away is another
    # post (a forum reply, a sidebar blurb), not the rest of this one.
    near = set(list(best.iterancestors())[:_SISTER_REACH]) - {body}
    chosen = set(parts)
    if _signed(best):
        # Each box names its own author: these are separate posts (a thread's replies), not
        # sections of one article, which never sign each stretch of text again.
        sisters = [el for el in sisters if not _signed(el)]
    extra = [el for el in sisters if near & set(el.iterancestors())
             and not any(a in chosen for a in (el, *el.iterancestors()))
             and not any(p in chosen for p in el.iterdescendants())]
    if not extra:
        return parts
    order = {el: i for i, el in enumerate(body.iter())}
    return sorted([*parts, *extra], key=lambda el: order.get(el, 0))


_AUTHOR_MARK = re.compile(r"user-?name|author|byline|poster\b|posted-?by|submitted-?by", re.I)


def _signed(el) -> bool:  # noqa: ANN001 - lxml element
    """True when ``el`` carries its own author line (a username, an author link or field)."""
    for node in el.iter():
        if not isinstance(node.tag, str) or not node.attrib:
            continue
        if (node.get("itemprop") or "").lower() == "author" or (node.get("rel") or "").lower() == "author":
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if names.strip() and _AUTHOR_MARK.search(names):
            return True
    return False


_BODY_CLASS = re.compile(
    r"^(article[-_]?body|article[-_]?content|entry[-_]content|post[-_]?body|post[-_]?content|"
    r"story[-_]?body|story[-_]?content|body[-_]?text|article[-_]?text)$",
    re.I,
)


def _declares_body(el) -> bool:  # noqa: ANN001 - lxml element
    if "articlebody" in (el.get("itemprop") or "").lower().split():
        return True
    return any(_BODY_CLASS.match(token) for token in (el.get("class") or "").split())


def _declared_body(top, top_score, scores):
    """The element the page itself marks as the article body (schema.org ``articleBody``),
    when it sits inside the chosen root and scores close to it: the page knows better than
    the heuristics where its byline, photo credit and dateline end and the text begins."""
    marked = [el for el in top.iter() if _declares_body(el)]
    if len(marked) != 1 or marked[0] is top:
        return None
    el = marked[0]
    if scores.get(el, 0) >= 0.75 * top_score:
        return el
    return None


def _climb_to_common_ancestor(top, top_score, alternatives, scores):
    """When several strong candidates share an ancestor, the article spans them: climb to it.

    When the top candidate signs its own author, another signed candidate outside it is a
    separate post (a thread's reply), not a further part of this article: it does not count."""
    strong = [el for el, sc in alternatives if top_score and sc / top_score >= 0.75]
    if strong and _signed(top):
        strong = [el for el in strong if _inside(el, top) or not _signed(el)]
    if len(strong) < 3:
        return top
    lists = [set(el.iterancestors()) for el in strong]
    node = top.getparent()
    while node is not None and tag_of(node) != "body":
        if sum(node in anc for anc in lists) >= 3:
            return node
        node = node.getparent()
    return top


def _inside(el, top) -> bool:  # noqa: ANN001 - lxml elements
    return el is top or top in set(el.iterancestors()) or el in set(top.iterancestors())


def _climb_single_children(top, body, stats):
    """A lone child holds nothing its parent lacks; take the parent so siblings can be judged."""
    node = top
    while node is not body:
        parent = node.getparent()
        if parent is None or tag_of(parent) in ("body", "html"):
            break
        if len([c for c in parent if isinstance(c.tag, str)]) != 1:
            break
        node = parent
    return node


def _join_siblings(top, top_score, scores, stats, body):
    parent = top.getparent()
    if parent is None or top is body:
        return [top]
    threshold = max(10.0, top_score * 0.2)
    top_class = top.get("class") or ""
    top_signed = _signed(top)  # then a signed sibling is another post, not more of this one
    parts = []
    lead = _lead_figure(top)
    for sibling in parent:
        if sibling is lead:
            parts.append(sibling)
            continue
        if not isinstance(sibling.tag, str):
            continue
        if sibling is top:
            parts.append(sibling)
            continue
        bonus = top_score * 0.2 if top_class and sibling.get("class") == top_class else 0
        if sibling in scores and scores[sibling] + bonus >= threshold and not (top_signed and _signed(sibling)):
            parts.append(sibling)
            continue
        s = stats.get(sibling)
        if s is None or tag_of(sibling) != "p":
            continue
        text = text_of(sibling)
        if s.text_len > 80 and s.link_density < 0.25:
            parts.append(sibling)
        elif s.text_len <= 80 and s.link_len == 0 and _SENTENCE_END.search(text):
            parts.append(sibling)
    return parts


def _lead_figure(top):
    """A lede photo often sits just before the article body as its sibling; keep it (and its
    caption) with the article."""
    prev = top.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None:
        return None
    if tag_of(prev) == "figure" and prev.find(".//img") is not None:
        return prev
    return None
