"""Folded content is content (issue 15): a panel the page's script would open stays in the body,
marked ``folded`` (a spoiler cue); hidden menus and hidden text nothing opens stay out."""

from __future__ import annotations

import pytest

from reader.article import Article, ImageRef
from reader.loaders.html import html_to_article

INTRO = ("The first half of the episode is quiet, a long evening at the lighthouse where nothing "
         "seems to happen, and the show is confident enough to let it breathe for twenty minutes.")
FOLDED = ("Then Mara opens the sealed room and finds her brother's letters, which means he never "
          "left the island at all, and everything the keeper told her was a lie from the start.")
AFTER = ("Whatever you make of the twist, the performances carry it, and the final shot of the "
         "harbour at dawn is the most beautiful thing the series has done so far this season.")

MENU = ('<button aria-controls="site-menu" aria-expanded="false">Menu</button>'
        '<div id="site-menu" hidden><ul>' + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(10))
        + "</ul></div>")


def _page(fold: str) -> str:
    return (f"<html><body>{MENU}<article><h1>Lighthouse, episode 4</h1><p>{INTRO}</p>{fold}<p>{AFTER}</p>"
            "</article></body></html>")


def _load(html: str) -> Article:
    return html_to_article(html, source_path=None, fmt="html", resolve_image=lambda s: ImageRef(s))


FOLDS = {
    "button-controls-hidden-panel": (
        '<button aria-controls="ending" aria-expanded="false">Open the ending</button>'
        f'<div id="ending" hidden><p>{FOLDED}</p></div>'),
    "display-none-collapse": (
        '<a href="#more" data-bs-toggle="collapse" aria-expanded="false">Read the spoilers</a>'
        f'<div class="collapse" id="more" style="display:none"><p>{FOLDED}</p></div>'),
    "aria-hidden-accordion": (
        '<div class="accordion"><h3 class="accordion-header">The twist</h3>'
        f'<div class="accordion-body" aria-hidden="true"><p>{FOLDED}</p></div></div>'),
    "hidden-tab-panel": (
        '<div role="tablist"><a role="tab" href="#t1">Review</a><a role="tab" href="#t2">Spoilers</a></div>'
        f'<div role="tabpanel" id="t2" hidden><p>{FOLDED}</p></div>'),
    "details": f"<details><summary>The twist</summary><p>{FOLDED}</p></details>",
}


@pytest.mark.parametrize("kind", sorted(FOLDS))
def test_folded_prose_stays_in_the_body_marked_folded(kind: str) -> None:
    article = _load(_page(FOLDS[kind]))
    texts = [b.text for b in article.blocks]
    assert INTRO in texts and AFTER in texts
    folded = [b for b in article.blocks if b.text == FOLDED]
    assert len(folded) == 1 and folded[0].folded
    assert not any(b.folded for b in article.blocks if b.text in (INTRO, AFTER))
    assert texts.index(INTRO) < texts.index(FOLDED) < texts.index(AFTER)


@pytest.mark.parametrize("kind", sorted(FOLDS))
def test_hidden_navigation_stays_out(kind: str) -> None:
    body = "\n".join(b.text for b in _load(_page(FOLDS[kind])).blocks)
    assert "Section 3" not in body and "Menu" not in body


def test_hidden_text_that_nothing_opens_stays_out() -> None:
    """A hidden paragraph with no toggle and no panel name is not shown by the page either
    (Readability's hidden-nodes case)."""
    article = _load(_page(f"<p hidden>{FOLDED}</p><p style='display: none'>{FOLDED} Again.</p>"))
    assert all(FOLDED not in b.text for b in article.blocks)


def test_a_folded_link_list_stays_out() -> None:
    links = "".join(f'<li><a href="/ep{i}">Episode {i} recap and review</a></li>' for i in range(8))
    article = _load(_page(f'<button aria-controls="eps">More</button><div id="eps" hidden><ul>{links}</ul></div>'))
    assert all("Episode 3 recap" not in b.text for b in article.blocks)
