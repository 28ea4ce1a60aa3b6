"""The last pass over built blocks drops what a reader should not see twice (a carousel's
repeated caption) or at all (a gallery's photo count), and keeps text that repeats on purpose."""

from __future__ import annotations

from reader.article import Block, ImageRef, MarkedSpoiler
from reader.extraction.tidy import tidy_blocks


def _image(src: str) -> Block:
    return Block(0, "image", "", image=ImageRef(src))


def _text(kind: str, text: str) -> Block:
    return Block(0, kind, text)  # type: ignore[arg-type]


def _texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if b.kind != "image"]


def test_a_caption_repeated_by_the_carousel_markup_is_shown_once() -> None:
    caption = "The harbour at dawn, where the series was filmed."
    blocks = [_image("a.jpg"), _text("caption", caption), _text("paragraph", "Photo: Ana Lind, Wire"),
              _text("paragraph", caption), _text("paragraph", "Photo: Ana Lind, Wire"),
              _text("paragraph", "The first real paragraph of the story.")]
    assert _texts(tidy_blocks(blocks)) == [caption, "Photo: Ana Lind, Wire", "The first real paragraph of the story."]


def test_text_written_twice_under_a_picture_counts_as_its_caption() -> None:
    caption = "Two presenters unveil a concept car at the show."
    blocks = [_image("a.jpg"), _text("list_item", caption), _text("list_item", caption),
              _text("paragraph", "Body text."), _text("paragraph", caption)]
    assert _texts(tidy_blocks(blocks)) == [caption, "Body text."]


def test_the_same_credit_under_different_pictures_is_kept_for_each() -> None:
    blocks = []
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        blocks += [_image(name), _text("caption", "Photo by Joan Ruiz")]
    assert _texts(tidy_blocks(blocks)) == ["Photo by Joan Ruiz"] * 3


def test_prose_that_repeats_on_purpose_is_kept() -> None:
    menu = "Portion containers: 1 green, 1 red, 1 yellow."
    blocks = [_image("day1.jpg"), _text("paragraph", menu), _text("paragraph", "Day two"),
              _text("paragraph", menu), _text("paragraph", "Lorem ipsum dolor sit amet."),
              _text("paragraph", "Lorem ipsum dolor sit amet.")]
    assert _texts(tidy_blocks(blocks)) == _texts(blocks)


def test_a_gallery_count_beside_a_picture_goes_but_a_number_in_prose_stays() -> None:
    blocks = [_image("a.jpg"), _text("paragraph", "6"), _text("caption", "A hospital in the capital."),
              _text("paragraph", "The score after the first half:"), _text("paragraph", "3"),
              _text("paragraph", "and nobody expected it.")]
    assert _texts(tidy_blocks(blocks)) == ["A hospital in the capital.", "The score after the first half:", "3",
                                           "and nobody expected it."]


def test_spoiler_marked_blocks_and_headings_are_never_dropped() -> None:
    caption = "She is the one who sank the boat, in the final scene."
    marked = _text("caption", caption)
    marked.spoiler_markup = [MarkedSpoiler("class", 0, len(caption))]
    blocks = [_image("a.jpg"), _text("caption", caption), marked, _text("heading", "Photo gallery"),
              _text("heading", "Photo gallery")]
    assert len(tidy_blocks(blocks)) == len(blocks)


def test_a_dateline_left_as_a_paragraph_goes_but_a_sentence_starting_alike_stays() -> None:
    blocks = [_text("paragraph", "Updated 1:39 am EST, Wednesday, November 20, 2019"),
              _text("paragraph", "Posted March 3"),
              _text("paragraph", "Updated to add: episode 4 answers the question from episode 2."),
              _text("paragraph", "The recap itself starts here.")]
    assert _texts(tidy_blocks(blocks)) == ["Updated to add: episode 4 answers the question from episode 2.",
                                           "The recap itself starts here."]


def test_a_byline_row_at_the_top_goes_but_a_sentence_starting_with_by_stays() -> None:
    blocks = [_text("paragraph", "By Ana Lind · March 24, 2026 · 6 min read"),
              _text("paragraph", "By the end of the hour, nobody trusts the harbour master · or his boat."),
              _text("paragraph", "The review itself.")]
    assert _texts(tidy_blocks(blocks)) == _texts(blocks)[1:]


def test_a_section_label_above_the_story_goes_but_the_same_word_later_stays() -> None:
    blocks = [_text("paragraph", "Explainer"), _text("paragraph", "Season 4 arrives in October."),
              _text("paragraph", "What follows is a review of the trailer."), _text("paragraph", "Review")]
    assert _texts(tidy_blocks(blocks)) == _texts(blocks)[1:]
