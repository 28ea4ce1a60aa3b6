"""Which files a drop or an Open asks for: folders walked, resource folders skipped."""

from __future__ import annotations

from pathlib import Path

from reader.paths import acceptable, dialog_filter, expand_paths


def test_a_folder_opens_its_supported_files_in_natural_order_skipping_resources(articles: Path) -> None:
    names = [p.relative_to(articles).as_posix() for p in expand_paths([articles])]
    assert names == ["Episode 2.html", "episode-2.txt", "episode-10.md", "nested/episode-3.markdown"]


def test_explicit_files_keep_any_extension_only_when_asked(articles: Path) -> None:
    pdf = articles / "notes.pdf"
    assert expand_paths([pdf]) == []
    assert expand_paths([pdf], any_named_file=True) == [pdf]
    page = articles / "Episode 2.html"
    assert expand_paths([page, page, articles / "." / "Episode 2.html"]) == [page]


def test_drops_accept_supported_files_and_folders_only(articles: Path) -> None:
    assert acceptable(articles) and acceptable(articles / "episode-10.md")
    assert acceptable(articles / "EPISODE.HTM")  # extension case does not matter
    assert not acceptable(articles / "cover.jpg")


def test_the_open_dialog_filter_lists_every_supported_extension() -> None:
    text = dialog_filter()
    for ext in ("html", "htm", "xhtml", "mhtml", "mht", "txt", "md", "markdown"):
        assert f"*.{ext} " in text or f"*.{ext})" in text
