"""Per-element text measures computed in one bottom-up pass.

Scoring and pruning ask the same questions of many nested elements (how much text, how much of
it is link text, how many commas); computing them once per element keeps extraction linear in
page size instead of quadratic.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from reader.extraction.dom import BLOCK_TAGS, FOLDED_ATTR, tag_of
from reader.extraction.spoiler_markup import lxml_spoiler_form


@dataclass(slots=True)
class TextStats:
    text_len: int = 0  # non-space characters in the whole subtree
    link_len: int = 0  # of which inside <a>
    commas: int = 0
    inline_len: int = 0  # characters not inside a block-level descendant
    inline_commas: int = 0
    has_block_child: bool = False
    # The element or a descendant is spoiler markup or folded content: never pruned as clutter.
    has_spoiler: bool = False

    @property
    def link_density(self) -> float:
        return self.link_len / self.text_len if self.text_len else 0.0


def _measure(text: str | None) -> tuple[int, int]:
    if not text:
        return 0, 0
    return len(text) - sum(map(text.count, (" ", "\n", "\t", "\r", "\xa0"))), text.count(",") + text.count("，") + text.count("、")


def compute_stats(root: etree._Element) -> dict[etree._Element, TextStats]:
    """Measure every element under ``root`` (inclusive). Keys stay valid while the tree lives."""
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    stats: dict[etree._Element, TextStats] = {}
    for el in reversed(elements):  # children before their parents
        s = TextStats()
        n, c = _measure(el.text)
        s.text_len, s.commas, s.inline_len, s.inline_commas = n, c, n, c
        for child in el:
            tn, tc = _measure(child.tail)
            s.text_len += tn
            s.commas += tc
            s.inline_len += tn
            s.inline_commas += tc
            cs = stats.get(child)
            if cs is None:
                continue
            s.text_len += cs.text_len
            s.link_len += cs.link_len
            s.has_spoiler = s.has_spoiler or cs.has_spoiler
            s.commas += cs.commas
            if tag_of(child) in BLOCK_TAGS or cs.has_block_child:
                s.has_block_child = True
            else:
                s.inline_len += cs.inline_len
                s.inline_commas += cs.inline_commas
        if tag_of(el) == "a":
            s.link_len = s.text_len
        if not s.has_spoiler and (lxml_spoiler_form(el) or el.get(FOLDED_ATTR) is not None):
            s.has_spoiler = True
        stats[el] = s
    return stats
