"""Recap-page clutter in general terms (issue 15): reader-view control rows, listen buttons,
polls, a blog post's tag block and reblog notes stay out; the recap's own paragraphs stay in."""

from __future__ import annotations

import pytest

from reader.article import ImageRef
from reader.loaders.html import html_to_article

PARAS = [
    "The cold open finally explains the lighthouse fire, and it is a better answer than the one "
    "fans had settled on, because it makes the keeper responsible without making her cruel.",
    "Mara's scenes with her brother are the heart of the hour, and the show lets their argument in "
    "the boathouse run for almost six minutes without a single cut, which is quietly brave.",
    "By the end the village has chosen a side, and the final shot of the harbour at dawn suggests "
    "the next episode will be about what that choice costs the people who did not get a vote.",
]

CLUTTER = {
    "reader-view row": '<div class="actions"><span>Follow</span> · <span>Listen</span> · <span>Share</span></div>',
    "listen button": "<p>Listen to this article 6 min</p>",
    "lone follow": '<div class="author-row"><p>Follow</p></div>',
    "poll": ('<div class="poll-widget"><h3>Who lit the fire?</h3><ul><li>The keeper (42%)</li>'
             "<li>Her brother (31%)</li><li>Nobody, it was the storm (27%)</li></ul><p>1,204 votes</p></div>"),
    "tag block": ('<div class="post-tags">Tagged: <a href="/t/lighthouse">lighthouse</a> '
                  '<a href="/t/recap">recap</a> <a href="/t/episode-4">episode 4</a></div>'),
    "reblog notes": '<div class="post-footer"><p>1,204 notes</p><p>Reblog</p></div>',
}


def _page(clutter: str) -> str:
    body = f"<p>{PARAS[0]}</p>{clutter}<p>{PARAS[1]}</p><p>{PARAS[2]}</p>"
    return f"<html><body><article class='post'><h1>Lighthouse, episode 4</h1>{body}</article></body></html>"


@pytest.mark.parametrize("kind", sorted(CLUTTER))
def test_clutter_stays_out_and_the_recap_stays_in(kind: str) -> None:
    article = html_to_article(_page(CLUTTER[kind]), source_path=None, fmt="html", resolve_image=lambda s: ImageRef(s))
    texts = [b.text for b in article.blocks]
    assert texts == PARAS
