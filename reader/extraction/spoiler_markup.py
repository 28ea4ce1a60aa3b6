"""Recognise spoiler markup (DESIGN.md, signal 1) on an element, whatever parser made it.

Used by the cleaner and pruner, which must never drop spoiler markup as clutter even when it is
small or hidden by CSS, and by the block builder, which records it on the blocks.
"""

from __future__ import annotations

from collections.abc import Mapping

from reader.extraction.patterns import (
    SPOILER_ATTRS,
    SPOILER_CLASS_TOKEN,
    SPOILER_LABEL_TOKEN,
    SPOILER_TAGS,
)


def spoiler_form(tag: str, classes: str, attrs: Mapping[str, str]) -> str | None:
    """Name the spoiler markup this element carries ("details", "class", ...) or None."""
    if tag in SPOILER_TAGS:
        return tag
    for name in SPOILER_ATTRS:
        if name in attrs and str(attrs.get(name, "")).strip().lower() not in ("false", "0", "no"):
            return "attribute"
    for token in classes.split():
        if SPOILER_CLASS_TOKEN.search(token) and not SPOILER_LABEL_TOKEN.search(token):
            return "class"
    return None


def lxml_spoiler_form(el) -> str | None:  # noqa: ANN001 - lxml element
    """``spoiler_form`` for an lxml element."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if not tag:
        return None
    return spoiler_form(tag, el.get("class") or "", el.attrib)


def lxml_has_spoiler(el) -> bool:  # noqa: ANN001 - lxml element
    """True when ``el`` or anything inside it is spoiler markup."""
    return any(lxml_spoiler_form(node) for node in el.iter())
