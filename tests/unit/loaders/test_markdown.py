"""The Markdown loader: front matter, blocks from the token stream, spoiler forms, safe images."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sys

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
from article_helpers import block_starting, marked, norm  # noqa: E402

from reader.article import Article, Block  # noqa: E402
from reader.errors import LoadError
from reader.loaders.markdown import (
    load_markdown,
    markdown_to_article,
    resolve_image,
    split_front_matter,
)


def _load(path: Path) -> Article:
    return load_markdown(path.read_bytes(), path)


def _from(text: str, path: Path | None = None) -> Article:
    return load_markdown(text.encode("utf-8"), path or Path("note.md"))




def _styled(block: Block) -> list[tuple[str, str, str | None]]:
    return [(block.text[r.start : r.end], r.style, r.href) for r in block.runs]


# ---------------------------------------------------------------- the corpus newsletter


@pytest.fixture(scope="module")
def newsletter(shared_dir: Path) -> tuple[dict, Article]:
    folder = shared_dir / "corpus" / "recaps"
    labels = json.loads((folder / "reelnotes-47-hermanas-arriaga-finale.labels.json").read_text("utf-8"))
    return labels, _load(folder / labels["file"])


def test_newsletter_metadata_from_front_matter(newsletter: tuple[dict, Article]) -> None:
    labels, article = newsletter
    assert article.format == "markdown"
    assert article.title == labels["title"]
    assert article.byline == "Paloma Reyes-Whitfield"
    assert article.published == "2025-06-02"
    assert article.site == "Reel Notes"
    # The H1 repeats the front-matter title: it is the headline, not block 0.
    assert all(b.text != article.title for b in article.blocks)
    assert article.blocks[0].text == "Hi friends,"


def test_newsletter_label_snippets_start_exactly_one_block(newsletter: tuple[dict, Article]) -> None:
    labels, article = newsletter
    starts = [norm(b.text) for b in article.blocks]
    for key in ("must_hide", "must_show", "key_moments"):
        for snippet in labels[key]:
            assert sum(t.startswith(norm(snippet)) for t in starts) == 1, (key, snippet)
    for moment in labels["key_moments"]:
        assert block_starting(article, moment).kind == "list_item"


def test_newsletter_sponsor_and_footer_are_gone(newsletter: tuple[dict, Article]) -> None:
    labels, article = newsletter
    body = norm(article.body_text)
    for snippet in labels["boilerplate"]:
        assert norm(snippet) not in body, snippet
    for snippet in labels["body_must_include"]:
        assert norm(snippet) in body, snippet
    assert article.blocks[-1].text.startswith("Until next week,")


def test_newsletter_inline_spoiler_and_structure(newsletter: tuple[dict, Article]) -> None:
    labels, article = newsletter
    brasa = block_starting(article, "I finally caught up on Brasa")
    assert brasa.kind == "list_item"
    assert marked(brasa) == labels["spoiler_spans"]
    assert brasa.spoiler_markup[0].form == "text:>!"
    assert not brasa.is_marked_spoiler
    headings = [(b.text, b.level) for b in article.blocks if b.kind == "heading"]
    assert ("Episode highlights", 3) in headings and ("Where to watch", 2) in headings
    warning = block_starting(article, "Spoilers from here on.")
    assert ("Spoilers from here on.", "bold", None) in _styled(warning)


# ---------------------------------------------------------------- our fixture with everything


@pytest.fixture(scope="module")
def rich(data_dir: Path) -> Article:
    return _load(data_dir / "markdown" / "front-matter.md")


def test_front_matter_fields(rich: Article) -> None:
    assert rich.title == "Glasshouse Ward, episode 7: the night shift remembers"
    assert rich.byline == "Þórunn Guðmundsdóttir and Emre Yıldız"
    assert rich.published == "2024-11-03"  # a YAML datetime, reduced to its day
    assert rich.site == "The Late Review"
    assert rich.description.startswith("Our weekly notes on the hospital drama")
    assert rich.blocks[0].text.startswith("Seven episodes in,")


def test_inline_runs(rich: Article) -> None:
    first = rich.blocks[0]
    assert _styled(first) == [
        ("Glasshouse Ward", "italic", None),
        ("plenty", "bold", None),
        ("earlier notes", "link", "https://late-review.example/glasshouse-6"),
    ]
    assert "*" not in first.text and "](" not in first.text
    code = block_starting(rich, "Elsewhere,")
    assert code.text.startswith("Elsewhere, the night-board rota is rewritten twice")


def test_reddit_spoiler_at_line_start_is_not_a_quote(rich: Article) -> None:
    block = block_starting(rich, "The locket in the linen cupboard")
    assert block.kind == "paragraph"
    assert block.is_marked_spoiler
    assert block.spoiler_markup[0].form == "text:>!"
    assert ">!" not in block.text and "!<" not in block.text


def test_discord_and_bbcode_spoilers(rich: Article) -> None:
    block = block_starting(rich, "Elsewhere,")
    assert marked(block) == ["Ásgeir signs the transfer papers", "the lights go out on Ward 4"]
    assert [m.form for m in block.spoiler_markup] == ["text:||", "text:[spoiler]"]
    assert "||" not in block.text and "spoiler]" not in block.text


def test_local_and_remote_images(rich: Article, data_dir: Path) -> None:
    images = [b for b in rich.blocks if b.kind == "image"]
    assert len(images) == 2
    local, remote = images[0].image, images[1].image
    assert local is not None and remote is not None
    assert local.alt == "Two nurses at a window"
    assert local.local_path == (data_dir / "markdown" / "images" / "still.png").resolve()
    assert images[0].text == ""  # alt text is never body text
    assert "Two nurses at a window" not in rich.body_text
    assert remote.src == "https://cdn.late-review.example/poster.jpg"
    assert remote.local_path is None and remote.data is None


def test_italic_credit_under_an_image_is_a_caption(rich: Article) -> None:
    images = [b for b in rich.blocks if b.kind == "image"]
    caption = rich.blocks[images[0].id + 1]
    assert caption.kind == "caption"
    assert caption.text == "Lưu Ngọc Ánh in Glasshouse Ward. Photo: Halcyon Studios"


def test_ordered_and_nested_lists(rich: Article) -> None:
    items = [b for b in rich.blocks if b.kind == "list_item"]
    assert [(b.text, b.ordinal, b.level) for b in items] == [
        ("The corridor chase, shot in one take.", 3, 1),
        ("The tea trolley confession:", 4, 1),
        ("Hoa’s face when she hears it.", None, 2),
        ("The cut to black.", None, 2),
    ]
    assert rich.blocks[items[0].id - 1].text == "Best moments"
    assert rich.blocks[items[0].id - 1].kind == "heading"


def test_details_spoiler_block(rich: Article) -> None:
    hidden = block_starting(rich, "Ásgeir was the anonymous caller")
    assert hidden.is_marked_spoiler
    assert hidden.spoiler_markup[0].form == "details"
    assert all(b.text != "Spoilers" for b in rich.blocks)  # the summary is markup only


def test_hard_break_splits_blocks(rich: Article) -> None:
    first = block_starting(rich, "First line of a poem")
    assert first.text == "First line of a poem"
    assert rich.blocks[first.id + 1].text == "second line of the poem"


def test_sponsor_trailer_and_footer_are_gone(rich: Article) -> None:
    body = rich.body_text
    for clutter in ("Pillowy", "sponsored by", "More stories", "Ten hospital dramas",
                    "night shifts make", "receiving this", "Unsubscribe"):
        assert clutter not in body, clutter
    assert rich.blocks[-1].text == "second line of the poem"
    assert [b.id for b in rich.blocks] == list(range(len(rich.blocks)))


# ---------------------------------------------------------------- front matter variants


def test_malformed_front_matter_is_ignored(data_dir: Path) -> None:
    article = _load(data_dir / "markdown" / "malformed-front-matter.md")
    assert article.title == "Kestrel Point, series 2 finale"
    assert article.byline is None and article.published is None
    assert [b.text for b in article.blocks] == [
        "The finale of Kestrel Point keeps its biggest surprise for the last ninety seconds, "
        "and I will not say what it is.",
        "Where to watch: every episode is on Moorland+.",
    ]


def test_no_front_matter_and_no_h1_takes_the_first_line(data_dir: Path) -> None:
    article = _load(data_dir / "markdown" / "no-front-matter.md")
    assert article.title == "Notes on Ember & Ash, episode 1"
    assert len(article.blocks) == 1
    assert article.blocks[0].text.startswith("Zeynep Aksoy (Deniz Çelik) runs a glassworks")
    # A soft line break is a space, as every Markdown renderer shows it.
    assert article.blocks[0].text.endswith("heat of the furnace. It is a slow start, deliberately so.")


def test_front_matter_title_that_differs_from_the_h1_keeps_the_h1() -> None:
    article = _from("---\ntitle: Short title\n---\n# A longer headline\n\nBody.\n")
    assert article.title == "Short title"
    assert [(b.kind, b.level, b.text) for b in article.blocks] == [
        ("heading", 1, "A longer headline"), ("paragraph", 0, "Body.")
    ]


@pytest.mark.parametrize(
    "front, expected",
    [
        ("date: 2024-02-29\n", "2024-02-29"),
        ("date: 2024-02-29T21:00:00+09:00\n", "2024-02-29"),
        ("published: 'March 5, 2024'\n", "2024-03-05"),
        ("date: tomorrow\n", None),
        ("date: [2024, 1]\n", None),
    ],
)
def test_front_matter_dates(front: str, expected: str | None) -> None:
    assert _from(f"---\n{front}---\n# T\n\nBody.\n").published == expected


def test_front_matter_that_is_not_a_mapping_is_ignored() -> None:
    meta, body = split_front_matter("---\n- a\n- b\n---\nBody\n")
    assert meta == {} and body == "Body\n"


def test_unclosed_front_matter_is_not_front_matter() -> None:
    meta, body = split_front_matter("---\ntitle: x\n\nNo closing line here.\n")
    assert meta == {} and body.startswith("---")


def test_yaml_alias_bomb_is_harmless() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi")
    ) + "title: *i\nauthor: *i\n"
    article = _from(f"---\n{bomb}---\n# Safe title\n\nBody.\n")
    assert article.title == "Safe title" and article.byline is None


def test_toml_front_matter() -> None:
    article = _from('+++\ntitle = "From TOML"\nauthor = "Ana Ruiz"\ndate = 2023-07-01\n+++\nBody.\n')
    assert (article.title, article.byline, article.published) == ("From TOML", "Ana Ruiz", "2023-07-01")


# ---------------------------------------------------------------- blocks


def test_quotes_lists_and_spoilers_in_containers() -> None:
    article = _from("# T\n\n> A real quote.\n\n> >!hidden in a quote!<\n\n- >!hidden item!<\n- plain item\n")
    assert [(b.kind, b.text, b.is_marked_spoiler) for b in article.blocks] == [
        ("quote", "A real quote.", False),
        ("quote", "hidden in a quote", True),
        ("list_item", "hidden item", True),
        ("list_item", "plain item", False),
    ]


def test_spoiler_in_a_code_fence_is_not_escaped() -> None:
    article = _from("# T\n\n```\n>!kept as typed!<\n```\n")
    assert "\\" not in article.body_text
    assert article.blocks[0].text == "kept as typed"


def test_table_rows_become_paragraphs() -> None:
    article = _from("# T\n\n| Who | Played by |\n|---|---|\n| Mara | **Ines Roa** |\n")
    assert [b.text for b in article.blocks] == ["Who · Played by", "Mara · Ines Roa"]
    assert _styled(article.blocks[1]) == [("Ines Roa", "bold", None)]


def test_only_web_and_mail_links_become_link_runs() -> None:
    block = _from("# T\n\nSee [this](other.md), [that](mailto:a@b.example) and "
                  "[x](javascript:alert(1)).\n").blocks[0]
    assert block.text.startswith("See this, that and ")
    assert _styled(block) == [("that", "link", "mailto:a@b.example")]


def test_br_tag_splits_a_paragraph_like_a_hard_break() -> None:
    article = _from("# T\n\nOne line<br>Another line\n")
    assert [b.text for b in article.blocks] == ["One line", "Another line"]


def test_raw_html_block_text_is_read_without_scripts() -> None:
    article = _from("# T\n\n<div><p>Inside html</p><script>document.write('x')</script></div>\n")
    assert [b.text for b in article.blocks] == ["Inside html"]


def test_details_with_a_real_summary_keeps_it_as_a_heading() -> None:
    article = _from("# T\n\n<details><summary>What happened in the finale</summary>\n\nShe left.\n\n</details>\n"
                    "\nAfter the fold.\n")
    assert [(b.kind, b.text, b.is_marked_spoiler, b.folded) for b in article.blocks] == [
        ("heading", "What happened in the finale", False, False),
        ("paragraph", "She left.", True, True),  # folded: a spoiler cue for the analysis
        ("paragraph", "After the fold.", False, False),  # the lone </details> block closed it
    ]


def test_empty_markdown_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="empty"):
        _from("\n\n   \n")


# ---------------------------------------------------------------- images stay inside the folder


@pytest.fixture()
def article_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "article"
    (folder / "pics").mkdir(parents=True)
    (folder / "pics" / "still.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "outside.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_relative_image_inside_the_folder_resolves(article_dir: Path) -> None:
    for src in ("pics/still.png", "./pics/still.png", "pics/still.png?v=2", "pics%2Fstill.png"):
        ref = resolve_image(src, "alt", article_dir)
        assert ref.local_path == (article_dir / "pics" / "still.png").resolve(), src
        assert ref.src == src and ref.alt == "alt"


@pytest.mark.parametrize(
    "src",
    ["../outside.png", "pics/../../outside.png", "..%2Foutside.png", "pics/missing.png",
     "file:///etc/hostname", "C:\\Windows\\x.png", "\\\\server\\share\\x.png", "//cdn.example/x.png",
     "https://cdn.example/x.png", ""],
)
def test_images_outside_the_folder_never_resolve(article_dir: Path, src: str) -> None:
    ref = resolve_image(src, "", article_dir)
    assert ref.local_path is None and ref.data is None
    assert ref.src == src.strip()


def test_absolute_path_never_resolves_even_inside_the_folder(article_dir: Path) -> None:
    inside = article_dir / "pics" / "still.png"
    assert resolve_image(str(inside), "", article_dir).local_path is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_that_leads_out_of_the_folder_never_resolves(article_dir: Path) -> None:
    (article_dir / "escape.png").symlink_to(article_dir.parent / "outside.png")
    assert resolve_image("escape.png", "", article_dir).local_path is None


def test_data_uri_image_keeps_its_bytes() -> None:
    payload = base64.b64encode(b"\x89PNG fake").decode()
    ref = resolve_image(f"data:image/png;base64,{payload}", "dot", None)
    assert ref.data == b"\x89PNG fake" and ref.mime_type == "image/png" and ref.local_path is None
    assert resolve_image("data:text/html;base64,PGI+", "", None).data is None


def test_images_in_a_loaded_file_resolve_against_its_folder(article_dir: Path) -> None:
    md = article_dir / "recap.md"
    md.write_text("# T\n\n![a still](pics/still.png)\n\n![escape](../outside.png)\n", "utf-8")
    images = [b.image for b in _load(md).blocks if b.kind == "image"]
    assert [(i.alt, i.local_path) for i in images if i] == [
        ("a still", (article_dir / "pics" / "still.png").resolve()),
        ("escape", None),
    ]


# ---------------------------------------------------------------- robustness


@given(st.lists(st.sampled_from(list("ab *_|>!<[]()#-\n`~") + ["![x](y.png)", "<br>", "\n\n"]),
                max_size=120).map("".join))
def test_any_markdown_gives_consistent_blocks(text: str) -> None:
    try:
        article = markdown_to_article("# Title\n" + text, source_path=None)
    except LoadError:
        return
    for i, block in enumerate(article.blocks):
        assert block.id == i
        assert block.text == block.text.strip() and "  " not in block.text
        assert block.text or block.kind == "image"
        for span in [*block.runs, *block.spoiler_markup]:
            assert 0 <= span.start <= span.end <= len(block.text)
