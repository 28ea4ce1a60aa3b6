"""The plain-text loader: title, blocks per DESIGN.md, captions, lists, clutter, spoiler forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sys

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
from article_helpers import block_starting, marked, norm  # noqa: E402

from reader.article import Article  # noqa: E402
from reader.errors import LoadError
from reader.loaders.text import load_text, text_to_article


def _load(path: Path) -> Article:
    return load_text(path.read_bytes(), path)


def _from(text: str, name: str = "note.txt") -> Article:
    return load_text(text.encode("utf-8"), Path(name))




# ---------------------------------------------------------------- the seed sample


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> tuple[Path, dict, Article]:
    path = shared_dir / "samples" / "soundtrack-1-episode-1.txt"
    labels = json.loads(path.with_name("soundtrack-1-episode-1.labels.json").read_text("utf-8"))
    return path, labels, _load(path)


def test_seed_title_is_the_first_line_and_not_a_block(seed: tuple[Path, dict, Article]) -> None:
    _, labels, article = seed
    assert article.title == labels["title"]
    assert article.format == "text"
    assert article.blocks[0].text != article.title
    assert all(b.text != article.title for b in article.blocks)
    assert [b.id for b in article.blocks] == list(range(len(article.blocks)))


def test_seed_keeps_every_paragraph_whole(seed: tuple[Path, dict, Article]) -> None:
    path, labels, article = seed
    texts = [b.text for b in article.blocks]
    lines = [ln.strip() for ln in path.read_text("utf-8").splitlines()]
    paragraphs = [ln for ln in lines if len(ln) > 150]
    assert len(paragraphs) >= 9
    for para in paragraphs:
        body = para.lstrip("• ").strip()
        assert body in texts, body[:40]


def test_seed_warning_line_is_a_bold_paragraph(seed: tuple[Path, dict, Article]) -> None:
    _, _, article = seed
    warning = article.blocks[0]
    assert warning.kind == "paragraph"
    assert warning.text == "Spoilers for ‘Soundtrack #1’ episode one below"
    assert "*" not in warning.text
    assert [(r.start, r.end, r.style) for r in warning.runs] == [(0, len(warning.text), "bold")]


def test_seed_key_moments_heading_with_its_two_items(seed: tuple[Path, dict, Article]) -> None:
    _, labels, article = seed
    heading = block_starting(article, "Key Moments")
    assert heading.kind == "heading"
    following = article.blocks[heading.id + 1 : heading.id + 3]
    assert [b.kind for b in following] == ["list_item", "list_item"]
    for block, moment in zip(following, labels["key_moments"]):
        assert block.text.startswith(moment)
        assert not block.text.startswith("•")
        assert block.level == 1 and block.ordinal is None
    assert article.blocks[heading.id + 3].kind != "list_item"


def test_seed_caption_and_alt_text(seed: tuple[Path, dict, Article]) -> None:
    _, _, article = seed
    caption = block_starting(article, "Han So-hee and Park Hyung-sik in")
    assert caption.kind == "caption"
    assert caption.text.endswith("Credit: Disney+")
    # The keyword line above the caption is alt text, not a block of any kind.
    assert article.blocks[caption.id - 1].kind == "paragraph"
    assert "recap episode one k-drama" not in article.body_text


def test_seed_clutter_is_gone_and_headings_are_few(seed: tuple[Path, dict, Article]) -> None:
    _, labels, article = seed
    for snippet in labels["boilerplate"]:
        assert all(snippet not in b.text for b in article.blocks), snippet
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["Key Moments"]
    assert article.blocks[-1].text == "‘Soundtrack #1’ is available on Disney+"
    assert article.blocks[-1].kind == "paragraph"


def test_seed_label_snippets_start_exactly_one_block(seed: tuple[Path, dict, Article]) -> None:
    _, labels, article = seed
    _check_labels(labels, article)


# ---------------------------------------------------------------- the corpus text file


def _check_labels(labels: dict, article: Article) -> None:
    starts = [norm(b.text) for b in article.blocks]
    for key in ("must_hide", "must_show", "key_moments"):
        for snippet in labels.get(key, []):
            assert sum(t.startswith(norm(snippet)) for t in starts) == 1, (key, snippet)
    body = norm(article.body_text)
    for snippet in labels.get("boilerplate", []):
        assert norm(snippet) not in body, snippet
    for snippet in labels.get("body_must_include", []):
        assert norm(snippet) in body, snippet


def test_corpus_text_recap_matches_its_labels(shared_dir: Path) -> None:
    folder = shared_dir / "corpus" / "recaps"
    for labels_path in sorted(folder.glob("*.labels.json")):
        labels = json.loads(labels_path.read_text("utf-8"))
        if labels["format"] != "txt":
            continue
        article = _load(folder / labels["file"])
        assert article.title == labels["title"]
        _check_labels(labels, article)
        kinds = {b.text[:40]: b.kind for b in article.blocks}
        for moment in labels["key_moments"]:
            assert kinds[moment] == "list_item"
        assert sum(b.kind == "caption" for b in article.blocks) == 1
        assert sum(b.kind == "heading" for b in article.blocks) == 1
        break
    else:
        pytest.fail("the corpus has no .txt article")


# ---------------------------------------------------------------- our own fixtures


def test_hard_wrapped_email_joins_paragraphs_back(data_dir: Path) -> None:
    article = _load(data_dir / "text" / "email-wrapped.txt")
    assert article.title == "Cinder Lane, episode 3: the harbourmaster’s ledger"
    assert article.byline == "Tomasz Kowalczyk-Reyes"
    assert article.published == "2025-03-14"
    texts = [b.text for b in article.blocks]
    assert texts[0].startswith("Three episodes in, Cinder Lane has stopped pretending")
    assert texts[0].endswith("a colder heart underneath all that wool.")
    intro = block_starting(article, "Zofia Wójcik (Agnieszka Brzęczek) spends")
    assert "Søren Ødegård (Mikkel Østergaard-Lund), the harbourmaster, keeps" in intro.text
    assert intro.text.endswith("which year she has reached.")
    assert "\n" not in intro.text and "  " not in intro.text
    assert len([b for b in article.blocks if b.kind == "paragraph"]) == 5


def test_wrapped_bullet_continues_under_its_hanging_indent(data_dir: Path) -> None:
    article = _load(data_dir / "text" / "email-wrapped.txt")
    heading = block_starting(article, "Stray observations:")
    assert heading.kind == "heading"
    items = [b for b in article.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == [
        "Nguyễn Thị Lan (Phạm Minh Châu) steals every scene she is in, and she is in four of "
        "them, all of them in the bakery.",
        "The ledger’s handwriting changes halfway through 1979.",
    ]


def test_short_lines_of_a_sign_off_are_not_joined_or_headings(data_dir: Path) -> None:
    article = _load(data_dir / "text" / "email-wrapped.txt")
    cheers = block_starting(article, "Cheers,")
    assert cheers.text == "Cheers," and cheers.kind == "paragraph"
    assert article.blocks[cheers.id + 1].text == "Tomasz"


def test_newsletter_footer_is_dropped(data_dir: Path) -> None:
    article = _load(data_dir / "text" / "email-wrapped.txt")
    body = article.body_text
    assert "You are receiving this" not in body
    assert "nsubscribe" not in body
    assert article.blocks[-1].text == "Tomasz"


def test_numbered_and_nested_lists(data_dir: Path) -> None:
    article = _load(data_dir / "text" / "listicle-markup.txt")
    items = [b for b in article.blocks if b.kind == "list_item"]
    assert [(b.ordinal, b.level) for b in items] == [
        (1, 1), (2, 1), (None, 2), (None, 2), (3, 1), (4, 1), (5, 1)
    ]
    assert items[0].text.startswith("Ingrid Halvorsen (Maja Lindqvist-Ferreira) finally")
    assert items[5].text.startswith("Teodor Mäkelä (Juho Äijälä) hums")
    bold = items[2]
    assert bold.text == "Bonus points for the harmonica solo."
    assert [(bold.text[r.start : r.end], r.style) for r in bold.runs] == [("harmonica", "bold")]
    italic = items[3]
    assert [(italic.text[r.start : r.end], r.style) for r in italic.runs] == [("slow zoom", "italic")]


def test_inline_spoiler_forms_are_marked_with_offsets(data_dir: Path) -> None:
    article = _load(data_dir / "text" / "listicle-markup.txt")
    intro = article.blocks[0]
    assert marked(intro) == ["the storm siren was never broken"]
    assert intro.spoiler_markup[0].form == "text:||"
    assert "||" not in intro.text
    assert intro.text.endswith("behind the storm siren was never broken tags for those still catching up.")

    duet = block_starting(article, "🎧 The duet")
    assert marked(duet) == ["Ingrid’s brother turns out to have written the song"]
    assert duet.spoiler_markup[0].form == "text:>!"
    assert ">!" not in duet.text and "!<" not in duet.text

    whole = block_starting(article, "The lighthouse goes dark")
    assert whole.spoiler_markup[0].form == "text:[spoiler]"
    assert whole.is_marked_spoiler
    assert "[spoiler]" not in whole.text and "[/spoiler]" not in whole.text


def test_offsets_after_an_emoji_are_code_points() -> None:
    article = _from("Title\n\n🎬🎬 Then >!she\u00a0 leaves!< for good.\n")
    block = article.blocks[0]
    assert block.text == "🎬🎬 Then she leaves for good."
    (mark,) = block.spoiler_markup
    assert (mark.start, mark.end) == (8, 18)


def test_clutter_lines_trailers_and_comments(data_dir: Path) -> None:
    article = _load(data_dir / "text" / "listicle-markup.txt")
    body = article.body_text
    assert article.published == "2025-02-09"
    for clutter in ("Advertisement", "Read more:", "Related Stories", "Every Saltgrass Radio song",
                    "coastal towns", "12 Comments", "what a twist"):
        assert clutter not in body, clutter
    assert article.blocks[-1].text == "Saltgrass Radio streams on Northwind+ every Sunday."


def test_unwrapped_lines_are_each_a_block(data_dir: Path) -> None:
    article = _load(data_dir / "text" / "unwrapped-lines.txt")
    assert article.title == "Marrow Street: a quiet premiere that earns its silences"
    assert [b.kind for b in article.blocks] == [
        "paragraph", "paragraph", "paragraph", "caption", "paragraph", "paragraph"
    ]
    assert article.blocks[1].text == "I laughed. Then I checked the clock."
    # "[image: …]" is clutter; a lowercase line *below* a caption is not alt text, so it stays.
    assert "[image" not in article.body_text
    assert article.blocks[3].text.endswith("(Photo: Halden Pictures)")
    assert article.blocks[4].text == "the wordless laundrette scene really is that good"


def test_a_trailer_mid_text_only_costs_its_own_links() -> None:
    prose = ("She walks out of the station and the camera stays on the door for a long time. "
             "Nobody follows her, and the song on the radio keeps playing to an empty room, "
             "which is the saddest thing the show has done in two seasons.")
    article = _from(f"Title\n\n{prose}\n\nRelated:\n\nAn unrelated headline\n\n{prose} Again.\n")
    assert [b.text for b in article.blocks] == [prose, prose + " Again."]


# ---------------------------------------------------------------- headings and captions


@pytest.mark.parametrize(
    "line",
    [
        "I cried.",  # a sentence
        "Hi friends,",  # a greeting
        "Nobody saw that coming!",  # an exclamation
        "Ana Ruiz in Low Tide. Photo: Canal Nueve",  # a caption
        "and then the credits rolled",  # starts lowercase
        "Two sentences. Both short",  # more than one sentence
    ],
)
def test_short_lines_that_are_not_headings(line: str) -> None:
    article = _from(f"Title\n\n{line}\n\n" + "A long paragraph follows this line and has plenty to say. " * 3)
    assert article.blocks[0].kind != "heading"


def test_short_line_before_content_is_a_heading() -> None:
    article = _from("Title\n\nWhere to watch\n\nLow Tide streams on Canal Nueve from Friday, with subtitles.\n")
    assert [b.kind for b in article.blocks] == ["heading", "paragraph"]


def test_last_short_line_is_a_paragraph() -> None:
    article = _from("Title\n\nA paragraph that is long enough to be the body of something real.\n\nSee you soon\n")
    assert article.blocks[-1].kind == "paragraph"


def test_bold_line_over_a_list_is_a_heading_but_a_bold_warning_is_not() -> None:
    article = _from("Title\n\n**Spoilers ahead**\n\n**Best scenes**\n- The duel\n- The rain\n")
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", "Spoilers ahead"),
        ("heading", "Best scenes"),
        ("list_item", "The duel"),
        ("list_item", "The rain"),
    ]


def test_markdown_style_headings_and_quotes_in_text() -> None:
    article = _from("# Big title\n\n## Episode notes\n\n> She never said it.\n\nThe end of the notes, at last.\n")
    assert article.title == "Big title"
    assert [(b.kind, b.level, b.text) for b in article.blocks] == [
        ("heading", 2, "Episode notes"),
        ("quote", 0, "She never said it."),
        ("paragraph", 0, "The end of the notes, at last."),
    ]


# ---------------------------------------------------------------- metadata and edge cases


def test_byline_and_date_forms() -> None:
    article = _from("Low Tide, episode 2\nBy Ana Ruiz and Kenji Mori\nPublished: June 2, 2025 at 9:30 am\n"
                    "Source: The Weekly Reel\n\nThe body starts here and goes on for a while.\n")
    assert article.byline == "Ana Ruiz and Kenji Mori"
    assert article.published == "2025-06-02"
    assert article.site == "The Weekly Reel"
    assert [b.text for b in article.blocks] == ["The body starts here and goes on for a while."]


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    article = _from("Title\nBy the time the ferry docks, everyone knows.\n\nMore text follows here.\n")
    assert article.byline is None
    assert article.blocks[0].text == "By the time the ferry docks, everyone knows."


def test_invalid_dates_are_not_published_dates() -> None:
    assert _from("Title\n2025-13-40\n\nBody text.\n").published is None


def test_no_title_line_falls_back_to_the_file_name() -> None:
    para = "This file starts straight away with a long paragraph. " * 5
    article = _from(para, name="low_tide recap.txt")
    assert article.title == "low tide recap"
    assert article.blocks[0].text == para.strip()


def test_empty_text_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="empty"):
        _from(" \n\n\t\n")


def test_crlf_bom_and_invisible_characters() -> None:
    data = "\ufeffTitle\r\n\r\nSoft\u00adly, the\u200b door\u00a0 closes.\r\n".encode("utf-8")
    article = load_text(data, Path("x.txt"))
    assert article.title == "Title"
    assert article.blocks[0].text == "Softly, the door closes."


def test_bare_urls_become_links() -> None:
    block = _from("Title\n\nThe full interview is at https://example.org/interview.\n").blocks[0]
    (run,) = block.runs
    assert run.style == "link" and run.href == "https://example.org/interview"
    assert block.text[run.start : run.end] == "https://example.org/interview"


@given(st.text(alphabet=st.sampled_from(list("ab *_|>!<[]/\n\t-•1.:\u00a0🎬")), max_size=300))
def test_any_text_gives_consistent_blocks(text: str) -> None:
    try:
        article = text_to_article("Title\n" + text, source_path=None)
    except LoadError:
        return
    for i, block in enumerate(article.blocks):
        assert block.id == i
        assert block.text and block.text == block.text.strip()
        assert "  " not in block.text and "\n" not in block.text
        for span in [*block.runs, *block.spoiler_markup]:
            assert 0 <= span.start < span.end <= len(block.text)


def test_a_single_short_wrapped_paragraph_is_joined() -> None:
    article = _from(
        "Title\n\n"
        "Quick note: the second half of the season moves to Thursdays, and the\n"
        "network has quietly cut the episode count from ten to eight, which is\n"
        "a shame.\n"
    )
    assert len(article.blocks) == 1
    assert article.blocks[0].text.endswith("from ten to eight, which is a shame.")


def test_two_unwrapped_sentences_on_consecutive_lines_stay_apart() -> None:
    article = _from(
        "Title\n\n"
        "The finale airs next week, and the network has confirmed it runs long.\n"
        "The cast will appear on a live aftershow straight after the broadcast.\n"
        "Bring tissues.\n"
    )
    assert len(article.blocks) == 3


def test_a_line_opening_with_a_reddit_spoiler_is_not_a_quote() -> None:
    (block,) = _from("Title\n\n>!She was the caller all along.!<\n").blocks
    assert block.kind == "paragraph" and block.is_marked_spoiler
    assert block.text == "She was the caller all along."
