"""Line recognisers (captions, clutter, bylines, dates) and the inline text assembly."""

from __future__ import annotations

import pytest

from reader.loaders import cues
from reader.inline import Draft, DraftBuilder, mark_typed_emphasis, render


@pytest.mark.parametrize(
    "line",
    [
        "Ana Ruiz and Kenji Mori in ‘Low Tide’. Credit: Canal Nueve",
        "Ana Ruiz as Mara (Photo: Canal Nueve)",
        "The harbour at dawn. Photograph by Lena Vogt",
        "Still courtesy of Moorland+",
        "© Halden Pictures 2024",
        "Image: Northwind+",
    ],
)
def test_captions(line: str) -> None:
    assert cues.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "She took the photo and left.",
        "The credits rolled over a black screen, and nobody moved.",
        "Key Moments",
    ],
)
def test_not_captions(line: str) -> None:
    assert not cues.is_caption(line)


def test_alt_text_lines() -> None:
    assert cues.is_alt_text_line("ana ruiz kenji mori low tide episode 2 recap canal nueve")
    assert not cues.is_alt_text_line("Ana Ruiz in Low Tide")
    assert not cues.is_alt_text_line("and then she left. nobody followed")
    assert not cues.is_alt_text_line("two words")
    assert not cues.is_alt_text_line("밤의 약국 8회 리뷰 사진")  # no case: never taken for alt text


@pytest.mark.parametrize(
    "line", ["More Stories:", "Sponsored Stories:", "Related Articles", "You may also like",
             "Read next", "More from The Weekly Reel", "Most read"],
)
def test_trailer_headings(line: str) -> None:
    assert cues.is_trailer_heading(line)


@pytest.mark.parametrize("line", ["More than anything, I wanted her to stay.", "Related to nothing"])
def test_not_trailer_headings(line: str) -> None:
    assert not cues.is_trailer_heading(line)


@pytest.mark.parametrize("line", ["Comments", "12 Comments", "Reply #1 — some_user_name", "Post #12"])
def test_comments_headings(line: str) -> None:
    assert cues.is_comments_heading(line)


@pytest.mark.parametrize("line", ["Reply to all, she says", "Post 12 is where it happens", "Comments on the finale"])
def test_not_comments_headings(line: str) -> None:
    assert not cues.is_comments_heading(line)


@pytest.mark.parametrize(
    "line", ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Share this article",
             "Facebook | Twitter | Email", "[image: a lighthouse at night]", "Read more: Ten finales ranked",
             "Tags: Harbour Nights, Channel Nine, season two", "Filed under: Recaps · Drama",
             "Follow The Weekly Reel on Instagram and WhatsApp for the latest updates.",
             "Like us on Facebook", "312 comments · share · save · report", "Reply · Share · Report",
             "Log in · Register · Search the boards", "Quote · Like · Report", "42 Likes",
             "Started by some_user · 9 March 2026, 10:14 pm · 38 replies · 1,204 views",
             "Regular · Posts: 2,318 · Joined: Aug 2021", "You must log in or register to reply here.",
             "View this email in your browser", "6 min read", "Your browser does not support embedded video.",
             "The Weekly Reel · Issue #112 · April 4, 2025"],
)
def test_clutter_lines(line: str) -> None:
    assert cues.is_clutter_line(line)


@pytest.mark.parametrize("line", ["Ad astra, she says, and means it.", "Share the load, he tells her.",
                                  "Tags: she reads them all, then burns the letters.",
                                  "Follow the money, she tells him on the phone.",
                                  "Report back to me, the captain says, and save the rest.",
                                  "Like a bird, she says, and leaves.",
                                  "She had 38 replies to write · and no time for any of them.",
                                  "Issue #4 of the plan · she laughs it off"])
def test_not_clutter_lines(line: str) -> None:
    assert not cues.is_clutter_line(line)


def test_sponsor_and_footer_lines() -> None:
    assert cues.is_sponsor_line("Sponsored by Quillpad, the notes app.")
    assert cues.is_sponsor_line("This week’s newsletter is supported by Quillpad.")
    assert cues.is_sponsor_line("*This issue is brought to you by Quillpad.")
    assert not cues.is_sponsor_line("The heist is sponsored by her father, we learn.")
    assert cues.is_footer_line("You’re receiving this email because you signed up.")
    assert cues.is_footer_line("Unsubscribe · View in browser")
    assert not cues.is_footer_line("She unsubscribed from his life years ago.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("June 2, 2025", "2025-06-02"),
        ("Mon, 2 June 2025", "2025-06-02"),
        ("Thursday, March 5th, 2024", "2024-03-05"),
        ("2025-06-02T10:00:00Z", "2025-06-02"),
        ("Sept. 9, 2021", "2021-09-09"),
        ("2025-02-30", None),
        ("12024-01-01", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert cues.parse_date(text) == expected


def test_date_line_is_the_whole_line() -> None:
    assert cues.date_line("Published: June 2, 2025 at 9:30 am ET") == "2025-06-02"
    assert cues.date_line("Updated 2025-06-02 14:05") == "2025-06-02"
    assert cues.date_line("The show premiered on June 2, 2025 to great reviews") is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Ana Ruiz | June 2, 2025", ("Ana Ruiz", "2025-06-02")),
        ("By Ana Ruiz, June 2, 2025", ("Ana Ruiz", "2025-06-02")),
        ("By Ana Ruiz, Staff Writer", ("Ana Ruiz", None)),
        ("Words by Inés de la Fuente", ("Inés de la Fuente", None)),
        ("By 山田太郎", ("山田太郎", None)),
        ("Posted by saltmarsh_ines", ("saltmarsh_ines", None)),
        ("Submitted by u/night-owl_77 · 3 hr. ago", ("u/night-owl_77", None)),
        ("By the time we got there", None),
        ("By lowercase", None),
        ("By Ana Ruiz. She wrote it.", None),
    ],
)
def test_byline_line(line: str, expected: tuple[str, str | None] | None) -> None:
    assert cues.byline_line(line) == expected


def test_headings() -> None:
    assert cues.looks_like_heading("Stray observations:")
    assert cues.looks_like_heading("What happened?")
    assert not cues.looks_like_heading("I cried.")
    assert not cues.looks_like_heading("one more thing")
    assert not cues.looks_like_heading("This line has far too many words to be a section heading at all")


# ---------------------------------------------------------------- inline assembly


def test_runs_survive_cuts_and_collapsed_whitespace() -> None:
    draft = Draft("  **Bold**   and\n  *it*  >!gone   away!<  end ")
    mark_typed_emphasis(draft)
    text, runs, spoilers = render(draft)
    assert text == "Bold and it gone away end"
    assert [(text[r.start : r.end], r.style) for r in runs] == [("Bold", "bold"), ("it", "italic")]
    assert [(text[s.start : s.end], s.form) for s in spoilers] == [("gone away", "text:>!")]


def test_builder_keeps_formatting_open_across_a_hard_break() -> None:
    builder = DraftBuilder()
    builder.open("bold")
    builder.text("first")
    first = render(builder.take())
    builder.text("second")
    builder.close("bold")
    second = render(builder.draft())
    assert first[0] == "first" and [r.style for r in first[1]] == ["bold"]
    assert second[0] == "second" and [r.style for r in second[1]] == ["bold"]


def test_unclosed_and_empty_spoiler_forms_stay_text() -> None:
    assert render(Draft("a >! b"))[0] == "a >! b"
    assert render(Draft("a || b"))[0] == "a || b"
    assert render(Draft("a >! !< b"))[0] == "a >! !< b"
    assert render(Draft("one ||two\nthree|| four"))[2] == []


def test_spoiler_forms_are_found_in_linear_time() -> None:
    # Quadratic scanning would take minutes here; the linear finder takes milliseconds.
    text, _, spoilers = render(Draft(">!a " * 50_000 + "||b " * 50_000 + "[spoiler]c " * 50_000))
    assert spoilers == [] or all(s.end <= len(text) for s in spoilers)
    text, _, spoilers = render(Draft("x " * 100_000 + ">!last!<"))
    assert [text[s.start : s.end] for s in spoilers] == ["last"]
