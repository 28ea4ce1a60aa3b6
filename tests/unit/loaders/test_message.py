"""E-mail messages and news posts open as articles (issue 15): headers become metadata, quoted
replies, signatures and list footers stay out, and only non-text files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import LoadError
from reader.loaders import load
from reader.loaders.message import strip_text_clutter

BODY_1 = ("The lighthouse keeper finally opened the sealed room in this week's episode, and what "
          "Mara found there changes how the whole first season reads.")
BODY_2 = ("Tomas spent the hour pretending not to care, which is the show's favourite joke, and "
          "the last shot of the harbour was the best thing it has done all year.")

USENET = f"""From: Ana Lind <ana@news.example>
Newsgroups: rec.arts.tv.lanternstreet
Subject: Re: [LS] Episode 3 thoughts
Date: Tue, 3 Mar 2026 21:14:00 +0000
Message-ID: <ep3-reply@news.example>
References: <ep3@news.example>

In article <ep3@news.example>, Bo Sten <bo@news.example> writes:
> I thought the sealed room was a red herring.
> Nobody opens a door in episode three.

{BODY_1}

{BODY_2}

--
Ana Lind | reviews at lantern dot example
"""

LIST_POST = f"""From: "The Couch Letter" <letter@lists.example>
To: couch-letter@lists.example
Subject: [couch-letter] Issue 12: Lantern Street, episode 3
Date: Wed, 4 Mar 2026 08:00:00 +0100
List-Id: <couch-letter.lists.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

{BODY_1}

{BODY_2}

On Mon, 2 Mar 2026 at 10:00, Bo Sten <bo@lists.example> wrote:
> Will you cover the finale?
> Please do.

_______________________________________________
couch-letter mailing list
couch-letter@lists.example
https://lists.example/mailman/listinfo/couch-letter
"""

HTML_NEWSLETTER = f"""From: Reelside <news@reelside.example>
To: reader@example.org
Subject: This week on Reelside: Lantern Street
Date: Fri, 6 Mar 2026 09:30:00 -0500
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Plain version, which a reader with HTML never sees.
--alt
Content-Type: text/html; charset=utf-8

<html><body><table><tr><td>
<h1>This week on Reelside</h1>
<p>{BODY_1}</p>
<p>{BODY_2}</p>
<div class="gmail_quote">On Thursday, Bo wrote:<blockquote>Old question about the finale that
goes on for a long while, longer than anything else in this message, with many words in it, and
commas, and more words, so it outweighs the new text.</blockquote></div>
<blockquote type="cite">An older quoted message with its own long text about the series.</blockquote>
</td></tr></table></body></html>
--alt--
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _body(article) -> str:  # noqa: ANN001
    return "\n".join(b.text for b in article.blocks)


def test_a_usenet_follow_up_saved_as_text_opens(tmp_path: Path) -> None:
    article = load(_write(tmp_path, "follow-up.txt", USENET))
    assert article.format == "email"
    assert article.title == "Episode 3 thoughts"
    assert article.byline == "Ana Lind"
    assert article.published == "2026-03-03"
    body = _body(article)
    assert BODY_1 in body and BODY_2 in body
    assert "red herring" not in body and "writes:" not in body  # the quoted reply
    assert "reviews at lantern" not in body  # the signature


def test_a_list_post_loses_its_quote_and_footer(tmp_path: Path) -> None:
    article = load(_write(tmp_path, "issue-12.eml", LIST_POST))
    assert article.title == "Issue 12: Lantern Street, episode 3"
    assert article.byline == "The Couch Letter"
    assert article.published == "2026-03-04"
    body = _body(article)
    assert [b.text for b in article.blocks] == [BODY_1, BODY_2]
    assert "mailing list" not in body and "wrote:" not in body


def test_an_html_newsletter_goes_through_extraction(tmp_path: Path) -> None:
    article = load(_write(tmp_path, "newsletter.eml", HTML_NEWSLETTER))
    assert article.format == "email"
    assert article.title == "This week on Reelside: Lantern Street"
    assert article.byline == "Reelside"
    assert article.published == "2026-03-06"
    body = _body(article)
    assert BODY_1 in body and BODY_2 in body
    assert "Plain version" not in body
    assert "Old question" not in body and "older quoted" not in body


def test_encoded_subject_and_quoted_printable_body(tmp_path: Path) -> None:
    raw = ("From: =?utf-8?q?Jos=C3=A9_P=C3=A9rez?= <jose@example.org>\n"
           "Subject: =?utf-8?q?Rese=C3=B1a:_El_Faro?=\n"
           "Date: Sat, 7 Mar 2026 12:00:00 +0000\n"
           "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
           "Content-Transfer-Encoding: quoted-printable\n\n"
           "La rese=C3=B1a completa del episodio tres, con todo lo que pas=C3=B3 en el faro.\n")
    article = load(_write(tmp_path, "resena.eml", raw))
    assert article.title == "Reseña: El Faro"
    assert article.byline == "José Pérez"
    assert "todo lo que pasó" in _body(article)


def test_a_message_with_only_an_attachment_is_refused_in_one_sentence(tmp_path: Path) -> None:
    raw = ("From: a@example.org\nTo: b@example.org\nSubject: photo\nDate: Sat, 7 Mar 2026 12:00:00 +0000\n"
           "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
           "Content-Type: image/png\nContent-Disposition: attachment; filename=a.png\n"
           "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n")
    with pytest.raises(LoadError) as err:
        load(_write(tmp_path, "photo.eml", raw))
    message = str(err.value)
    assert message.startswith("photo.eml ") and "\n" not in message and "no text" in message


def test_a_bad_date_is_no_date(tmp_path: Path) -> None:
    raw = LIST_POST.replace("Wed, 4 Mar 2026 08:00:00 +0100", "sometime last week")
    assert load(_write(tmp_path, "post.eml", raw)).published is None


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Text.\n\n-- \nSig line\n", "Text.", "Sig line"),
        ("Text.\n> quoted\n>> deeper\nMore.\n", "More.", "quoted"),
        ("Spoiler: >!the keeper!< lives\n", ">!the keeper!<", None),
        ("Text.\n__________\nlist mailing list\nhttps://x/listinfo\n", "Text.", "listinfo"),
        # A rule of underscores with a long stretch after it is the writer's own divider.
        ("A.\n__________\n" + "".join(f"Line {i} of the letter.\n" for i in range(20)), "Line 19", None),
    ],
)
def test_plain_text_clutter(text: str, kept: str, gone: str | None) -> None:
    out = strip_text_clutter(text)
    assert kept in out
    if gone:
        assert gone not in out


def test_an_html_part_without_words_falls_back_to_the_text_part(tmp_path: Path) -> None:
    raw = HTML_NEWSLETTER.replace(f"<p>{BODY_1}</p>\n<p>{BODY_2}</p>", '<img src="cid:banner">').replace(
        "Plain version, which a reader with HTML never sees.", BODY_1)
    article = load(_write(tmp_path, "pictures.eml", raw))
    assert [b.text for b in article.blocks] == [BODY_1]
