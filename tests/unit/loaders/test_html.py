"""The HTML loader on our own saved-page fixtures: article kept, clutter gone, files safe."""

from __future__ import annotations

import socket
import os
from pathlib import Path

import pytest

from reader.article import Article
from reader.loaders import load


@pytest.fixture(scope="module")
def recap(data_dir: Path) -> Article:
    return load(data_dir / "html" / "lighthouse-recap.html")


def _texts(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


def _body(article: Article) -> str:
    return "\n".join(_texts(article))


def test_metadata_comes_from_json_ld_and_open_graph(recap: Article) -> None:
    assert recap.format == "html"
    assert recap.title == "‘The Lamplighters’ Episode 3 Recap: Odile Climbs the Stair"
    assert recap.byline == "Priya Vantongeren"  # JSON-LD beats the wrong <meta name=author>
    assert recap.site == "Tidewire"
    assert recap.published == "2026-03-14"
    assert recap.language == "en"


def test_headline_and_byline_are_not_body_blocks(recap: Article) -> None:
    assert recap.blocks[0].text.startswith("Spoiler warning:")
    assert all("Climbs the Stair" not in t for t in _texts(recap))
    assert all(not t.startswith("By Priya") for t in _texts(recap))


@pytest.mark.parametrize(
    "clutter",
    [
        "We use cookies",
        "Advertisement",
        "Share on Facebook",
        "Get the Tidewire TV newsletter",
        "Sign up now",
        "Related Stories",
        "Five coastal dramas",
        "Can't believe the ferry captain twist",
        "Most Popular",
        "Sponsored Stories",
        "gutters",
        "All rights reserved",
        "Injected trending widget",  # written by a script we never run
        "writes about television and the sea",  # author bio box
        "Music",
    ],
)
def test_page_clutter_is_removed(recap: Article, clutter: str) -> None:
    assert clutter not in _body(recap)


def test_article_structure_is_kept(recap: Article) -> None:
    def kind(start: str) -> str:
        [block] = [b for b in recap.blocks if b.text.startswith(start)]
        return block.kind

    assert kind("The Keeper’s Daughter") == "heading"
    assert kind("Stray observations") == "heading"
    assert kind("“A light that nobody tends") == "quote"
    assert kind("Marisol Etxeberria as Odile") == "caption"
    assert kind("The gulls get more screen time") == "list_item"
    numbered = [b for b in recap.blocks if b.text.startswith(("Fourth", "Fifth"))]
    assert [b.ordinal for b in numbered] == [4, 5]
    assert recap.blocks[-1].text.startswith("The Lamplighters airs Sundays")


def test_inline_formatting_runs(recap: Article) -> None:
    warning = recap.blocks[0]
    bold = [warning.text[r.start : r.end] for r in warning.runs if r.style == "bold"]
    italic = [warning.text[r.start : r.end] for r in warning.runs if r.style == "italic"]
    assert bold == ["Spoiler warning:"]
    assert italic == ["The Lamplighters"]
    brother = next(b for b in recap.blocks if b.text.startswith("Her brother"))
    links = [(brother.text[r.start : r.end], r.href) for r in brother.runs if r.style == "link"]
    assert links == [("ferry timetable", "https://example.org/ferry")]


def test_spoiler_markup_is_kept_on_blocks(recap: Article) -> None:
    details = next(b for b in recap.blocks if b.text.startswith("Anselme burned"))
    assert details.is_marked_spoiler and details.spoiler_markup[0].form == "details"
    # A <details> summary that only says "Spoilers" is markup, not content.
    assert "Spoilers" not in _texts(recap)
    item = next(b for b in recap.blocks if b.text.startswith("The ferry captain"))
    assert item.is_marked_spoiler
    inline = next(b for b in recap.blocks if b.text.startswith("And a last thought"))
    assert not inline.is_marked_spoiler
    [mark] = inline.spoiler_markup
    assert inline.text[mark.start : mark.end] == "forged by the mayor"


def test_images_resolve_only_inside_the_pages_files_folder(recap: Article, data_dir: Path) -> None:
    images = {b.image.alt: b.image for b in recap.blocks if b.image}
    local = images["A keeper on the gallery of a lighthouse"]
    assert local.local_path == (data_dir / "html" / "lighthouse-recap_files" / "keeper.png").resolve()
    for name in ("escape attempt", "absolute path", "remote photo"):
        assert images[name].local_path is None and images[name].data is None
    assert "escape attempt" not in _body(recap)  # alt text is never body text


def test_forum_paragraphs_split_on_br_and_keep_spoiler_forms(data_dir: Path) -> None:
    article = load(data_dir / "html" / "forum-post.html")
    assert article.title == "Ep 6 thoughts — The Salt Road"
    assert article.site == "Wayfarers Forum"
    texts = _texts(article)
    assert texts[0].startswith("Finally caught up with episode six")
    assert texts[1].startswith("The caravan scenes look gorgeous")
    hidden = [b for b in article.blocks if b.is_marked_spoiler]
    assert [b.text for b in hidden] == [
        "Yusuf leaves the caravan at the oasis and takes the map with him.",
        "Leila watches him go and says nothing.",
    ]
    assert all("Spoiler: the ending" not in t for t in texts)  # the reveal button's label
    inline = next(b for b in article.blocks if b.text.startswith("Anyway"))
    assert [inline.text[m.start : m.end] for m in inline.spoiler_markup] == ["second well"]
    typed = next(b for b in article.blocks if b.text.startswith("Also the soundtrack"))
    assert "||" not in typed.text
    assert [(typed.text[m.start : m.end], m.form) for m in typed.spoiler_markup] == [("Bashir survives", "text:||")]
    for clutter in ("gravel_and_grit", "Proud member since", "Liked by", "What's new"):
        assert clutter not in "\n".join(texts)


def test_loading_never_touches_the_network(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("loading tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    article = load(data_dir / "html" / "lighthouse-recap.html")
    assert article.blocks


def test_loading_reads_no_file_outside_the_page(data_dir: Path) -> None:
    """Only the page itself is read; images are resolved (not read) inside its _files folder.
    Every open goes through the interpreter's "open" audit event (``open``, ``os.open``), so no
    way of opening a file escapes the check."""
    import sys

    page = (data_dir / "html" / "lighthouse-recap.html").resolve()
    allowed_root = page.parent
    opened: list[Path] = []
    recording = [True]

    def hook(event: str, args: tuple) -> None:  # noqa: ANN401 - audit hook signature
        if recording[0] and event == "open" and isinstance(args[0], (str, bytes, Path)):
            opened.append(Path(os.fsdecode(args[0])).resolve())

    sys.addaudithook(hook)  # hooks cannot be removed; it stops recording when the test ends
    try:
        load(page)
    finally:
        recording[0] = False
    reads = [p for p in opened if p.suffix not in (".py", ".pyc", ".so") and "site-packages" not in p.parts]
    assert page in reads, "the page itself should be read"
    assert all(p == page or allowed_root in p.parents for p in reads), reads


def test_a_file_is_never_written(data_dir: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "page.html"
    shutil.copy(data_dir / "html" / "lighthouse-recap.html", copy)
    before = (copy.read_bytes(), copy.stat().st_mtime_ns)
    load(copy)
    assert (copy.read_bytes(), copy.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_a_reviews_grade_box_is_kept_though_short_like_a_widget(tmp_path: Path) -> None:
    prose = ("The hour moves slowly and on purpose, and the cast makes every silence count; "
             "it is the most assured episode of the season so far, and the best-looking one. ")
    page = tmp_path / "review.html"
    page.write_text(
        "<html><head><title>A review</title></head><body><article>"
        + "".join(f"<p>{prose * 2}</p>" for _ in range(4))
        + '<div class="grade-box"><span>Episode grade:</span> <strong>B+</strong></div>'
        + '<div class="tiny-widget"><span>Most read</span></div>'
        + f"<p>{prose}</p></article></body></html>", encoding="utf-8")
    body = _body(load(page))
    assert "Episode grade: B+" in body
    assert "Most read" not in body
