"""A discussion thread whose first post is the recap: the replies under it are comments, not
more of the article, even when the forum gives every post the same box and a content-like name
(issue 15). A post signs its own author; sections of one article never do."""

from __future__ import annotations

import pytest

from reader.article import ImageRef
from reader.loaders.html import html_to_article

RECAP = [
    "The episode opens on the frozen square, and for ten minutes nobody says a word, which is a bold choice for a show that usually talks this much.",
    "Marit finds the gap in the ration ledgers, and the way the camera stays on her hands while she counts is the best direction the series has had.",
    "By the time the north gate opens at midnight, the expedition has lost two people, and the silence in the square is worse than any battle scene.",
]
REPLIES = [
    "This. Also if they kill the singer off-screen I am cancelling my subscription for good.",
    "Rewatched the gate scene three times. The watchtower shot is one unbroken take, I am sure of it.",
]


def _discourse_like() -> str:
    def post(n: int, user: str, paras: list[str]) -> str:
        body = "".join(f"<p>{p}</p>" for p in paras)
        return (f'<div class="topic-post regular"><article id="post_{n}" class="boxed onscreen-post" role="region">'
                f'<div class="topic-meta-data"><span class="first username"><a href="/u/{user}">{user}</a></span>'
                f'<span class="relative-date">Sep 14</span></div><div class="regular contents"><div class="cooked">{body}'
                f"</div></div></article></div>")
    posts = post(1, "ember", RECAP) + "".join(post(i + 2, f"user{i}", [r]) for i, r in enumerate(REPLIES))
    return f'<html><body><div id="main-outlet"><h1>Episode 7 discussion</h1><div class="container posts">{posts}</div></div></body></html>'


def _board_like() -> str:
    def post(n: int, user: str, paras: list[str]) -> str:
        body = "<br><br>".join(paras)
        return (f'<div class="post bg{n % 2}" id="p{n}"><div class="postbody"><p class="author">by '
                f'<a class="username" href="/m/{user}">{user}</a> » Mon Sep 15</p>'
                f'<div class="content">{body}</div></div></div>')
    posts = post(1, "ember", RECAP) + "".join(post(i + 2, f"user{i}", [r]) for i, r in enumerate(REPLIES))
    return f'<html><body><div id="page-body"><h2 class="topic-title">Episode 7 discussion</h2>{posts}</div></body></html>'


@pytest.mark.parametrize("page", [_discourse_like, _board_like])
def test_the_first_post_is_the_article_and_replies_stay_out(page) -> None:  # noqa: ANN001
    article = html_to_article(page(), source_path=None, fmt="html", resolve_image=lambda s: ImageRef(s))
    body = "\n".join(b.text for b in article.blocks)
    for para in RECAP:
        assert para in body
    for reply in REPLIES:
        assert reply not in body


def test_a_comment_thread_longer_than_the_article_stays_out() -> None:
    """Comments that hold most of the page's words are still comments when the page declares
    its article beside them (unlike a bug report, whose comments are all there is)."""
    comments = "".join(f'<li class="comment"><p>Comment {i}: {REPLIES[i % 2]}</p></li>' for i in range(60))
    more = [f"{p} Part two." for p in RECAP]  # a recap of realistic length (the short-page fallback aside)
    html = (f"<html><body><article>{''.join(f'<p>{p}</p>' for p in RECAP + more)}</article>"
            f"<ol class='comments'>{comments}</ol></body></html>")
    article = html_to_article(html, source_path=None, fmt="html", resolve_image=lambda s: ImageRef(s))
    body = "\n".join(b.text for b in article.blocks)
    assert all(p in body for p in RECAP)
    assert "Comment 7" not in body
