"""Spoiler-safe sharing (reader/export.py): nothing hidden leaves, what is visible reads as it did.

The leak checks read every output three ways (the raw text, the text a Markdown or HTML reader
shows, and every attribute value), so a hidden word cannot slip out escaped, in a link address
or in alt text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.article import (
    Analysis,
    Article,
    Block,
    BlockVerdict,
    EpisodeInfo,
    HiddenSpan,
    ImageRef,
    InlineRun,
)
from reader.export import hidden_only_words, spoiler_marker, to_html, to_markdown
from reader.library.reveal_state import RevealState
from reader.pipeline import open_article

_WORD = re.compile(r"\w{3,}")
RECAPS = Path(__file__).resolve().parents[1] / "data" / "recaps"


def _state(article: Article, analysis: Analysis) -> RevealState:
    return RevealState(analysis, texts=[b.text for b in article.blocks])


def _rendered_markdown(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(MarkdownIt("commonmark").render(markdown), "html.parser")


def _everything_readable(markdown: str, page: str) -> set[str]:
    """Every word a friend could see: raw outputs, rendered text, and all attribute values."""
    texts = [markdown, page]
    for soup in (_rendered_markdown(markdown), BeautifulSoup(page, "html.parser")):
        texts.append(soup.get_text(" "))
        for tag in soup.find_all(True):
            texts.extend(str(v) for v in tag.attrs.values())
    return {w.casefold() for text in texts for w in _WORD.findall(text.replace("\\", " "))}


def _own_words(article: Article, state: RevealState) -> set[str]:
    """Words the export writes of its own (style sheet, markers, closing note, metadata)."""
    bare = Article(state.display_title(article.title), [], None, article.format, byline=article.byline,
                   site=article.site, published=article.published)
    markers = spoiler_marker(state.analysis.episode) + spoiler_marker(state.analysis.episode, other_show=True)
    words = {w.casefold() for w in _WORD.findall(markers)}
    for title_hidden in (False, True):  # the closing note says whether anything was hidden
        empty = RevealState(replace(state.analysis, verdicts=[], title_spoiler=title_hidden))
        words |= _everything_readable(to_markdown(bare, empty), to_html(bare, empty))
    return words


def _labelled_articles() -> list[Path]:
    shared = Path(__file__).resolve().parents[3] / "shared" / "samples" / "soundtrack-1-episode-1.txt"
    own = sorted(p for p in RECAPS.iterdir() if p.suffix in (".html", ".md", ".txt", ".mhtml")
                 and p.with_suffix(".labels.json").exists())
    return ([shared] if shared.exists() else []) + own


# ------------------------------------------------------------------- the labelled articles


@pytest.mark.parametrize("path", _labelled_articles(), ids=lambda p: p.name)
def test_no_hidden_word_leaves_a_labelled_article(path: Path) -> None:
    opened = open_article(path, [])
    article, state = opened.article, _state(opened.article, opened.analysis)
    markdown, page = to_markdown(article, state), to_html(article, state)
    secret = hidden_only_words(article, state) - _own_words(article, state)
    assert secret & _everything_readable(markdown, page) == set()
    # What stays readable is there: the visible text of every readable paragraph, in order.
    readable = " ".join(_rendered_markdown(markdown).get_text().split())
    shown = [b for b in article.blocks if b.kind == "paragraph" and not state.block_hidden(b.id)
             and not state.hidden_spans(b.id) and len(b.text) > 40]
    assert shown, path.name
    position = 0
    for block in shown:
        found = readable.find(" ".join(block.text.split()), position)
        assert found >= 0, block.text[:60]
        position = found
    # Every hidden block is marked where it stood (one article of the set hides nothing).
    marker = spoiler_marker(opened.analysis.episode)
    if state.hidden_block_ids():
        assert marker in readable and marker in BeautifulSoup(page, "html.parser").get_text()
    else:
        assert "[spoiler" not in markdown and "Nothing in it was hidden" in page


def test_the_labels_must_hide_passages_never_appear(shared_dir: Path) -> None:
    """The human labels of the reference article: the passages that must be hidden are not in
    the export (the analysis hides them; the export must not undo that)."""
    import json

    labels = json.loads((shared_dir / "samples" / "soundtrack-1-episode-1.labels.json").read_text(encoding="utf-8"))
    opened = open_article(shared_dir / "samples" / "soundtrack-1-episode-1.txt", [])
    state = _state(opened.article, opened.analysis)
    markdown, page = to_markdown(opened.article, state), to_html(opened.article, state)
    readable = " ".join(_rendered_markdown(markdown).get_text(" ").split())
    page_text = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
    for snippet in labels["must_hide"]:
        assert snippet not in readable and snippet not in page_text
    for snippet in labels["must_show"]:
        assert snippet in readable and snippet in page_text
    assert "[spoiler: Soundtrack #1, episode 1]" in markdown.replace("\\#", "#")


def test_revealed_text_is_exported_and_hidden_text_is_not(data_dir: Path) -> None:
    from reader.bundled import sample_article_path

    opened = open_article(sample_article_path(), [])
    article, analysis = opened.article, opened.analysis
    state = _state(article, analysis)
    hidden = state.hidden_block_ids()
    assert len(hidden) >= 3 and analysis.title_spoiler
    state.reveal_block(hidden[0])
    markdown = to_markdown(article, state)
    assert " ".join(article.blocks[hidden[0]].text.split()[:8]) in markdown
    assert " ".join(article.blocks[hidden[-1]].text.split()[:8]) not in markdown
    assert markdown.startswith(f"# {analysis.safe_title}\n") and article.title not in markdown
    state.reveal_all()
    page = to_html(article, state)
    assert "[spoiler" not in page and "Nothing in it was hidden" in page
    assert f"<title>{article.title}</title>" in page and f"<h1>{article.title}</h1>" in page


# ------------------------------------------------------------------------ small articles


def _article(blocks: list[Block], verdicts: list[BlockVerdict], title: str = "Harbor Lights 2x05: Mia leaves",
             episode: EpisodeInfo | None = None, title_spoiler: bool = False) -> tuple[Article, RevealState]:
    article = Article(title, blocks, None, "html", byline="Ana Ruiz", site="Screenbuzz", published="2026-03-14")
    analysis = Analysis(episode or EpisodeInfo("Harbor Lights", 2, 5), verdicts, [], [],
                        title_spoiler=title_spoiler, safe_title="Harbor Lights season 2, episode 5 recap")
    return article, _state(article, analysis)


def test_the_marker_names_what_the_analysis_knows() -> None:
    assert spoiler_marker(EpisodeInfo("Salt and Honey", None, 7)) == "[spoiler: Salt and Honey, episode 7]"
    assert spoiler_marker(EpisodeInfo("Salt and Honey", 2, 7)) == "[spoiler: Salt and Honey, season 2, episode 7]"
    assert spoiler_marker(EpisodeInfo("Salt and Honey", 2, None, finale=True)) == \
        "[spoiler: Salt and Honey, season 2, finale]"
    assert spoiler_marker(EpisodeInfo("Salt and Honey")) == "[spoiler: Salt and Honey]"
    assert spoiler_marker(EpisodeInfo(None, 3, None)) == "[spoiler]"
    assert spoiler_marker(EpisodeInfo()) == "[spoiler]"
    assert spoiler_marker(EpisodeInfo("Salt and Honey", 1, 7), other_show=True) == "[spoiler about another show]"


def test_spans_links_images_and_the_title_keep_their_secrets() -> None:
    text = "Mia packs her bags, says Theo, who reads the recap and the producer interview."
    mia = text.index("Mia packs her bags")
    theo_link = (text.index("recap"), text.index("recap") + len("recap"))
    interview = (text.index("producer interview"), text.index("producer interview") + len("producer interview"))
    blocks = [
        Block(0, "paragraph", text, runs=[
            InlineRun(mia, mia + 18, "bold"),
            InlineRun(*theo_link, "link", "https://screenbuzz.example/harbor-lights-mia-packs-gone"),
            InlineRun(*interview, "link", "https://screenbuzz.example/interviews/showrunner-q-and-a"),
        ]),
        Block(1, "image", "", image=ImageRef("mia-coffin.jpg", alt="Mia in her coffin, gone for good")),
        Block(2, "image", "The harbour at dawn.", image=ImageRef("harbour.jpg", alt="Coffin of Mia")),
        Block(3, "paragraph", "Coffin scene: Mia is buried at sea, gone for good."),
        Block(4, "paragraph", "A javascript link.", runs=[InlineRun(2, 12, "link", "javascript:alert('Mia')")]),
    ]
    verdicts = [BlockVerdict(spans=[HiddenSpan(mia, mia + 18, "plot")]), BlockVerdict(), BlockVerdict(),
                BlockVerdict(spoiler=True, reason="plot"), BlockVerdict()]
    article, state = _article(blocks, verdicts, title_spoiler=True)
    markdown, page = to_markdown(article, state), to_html(article, state)
    readable = _everything_readable(markdown, page)
    for secret in ("packs", "bags", "coffin", "buried", "leaves", "gone", "good", "alert"):
        assert secret not in readable, secret
    # The safe link stays a link; the one whose address repeats hidden words, and the script one, do not.
    soup = BeautifulSoup(page, "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == ["https://screenbuzz.example/interviews/showrunner-q-and-a"]
    assert "[producer interview](<https://screenbuzz.example/interviews/showrunner-q-and-a>)" in markdown
    assert "the recap and" in markdown and "A javascript link." in markdown
    # The span's marker stands where the bold words were, without their bold.
    assert markdown.count("[spoiler: Harbor Lights, season 2, episode 5]") == 2
    assert "[spoiler: Harbor Lights, season 2, episode 5], says Theo" in markdown
    assert "[Image: The harbour at dawn.]" in markdown and "[Image: The harbour at dawn.]" in soup.get_text()
    assert soup.find("img") is None and soup.title.string == "Harbor Lights season 2, episode 5 recap"
    assert "*Screenbuzz · by Ana Ruiz · 14 March 2026*" in markdown


def test_the_page_is_standalone_and_escapes_the_article() -> None:
    hostile = '<script>alert(1)</script> & <img src="https://tracker.example/x.png"> “quotes”'
    blocks = [Block(0, "paragraph", hostile), Block(1, "quote", "<b>not bold</b>")]
    article, state = _article(blocks, [BlockVerdict(), BlockVerdict()], title="</title><script>x()</script>")
    article.language = 'en" onload="x()'
    page = to_html(article, state)
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None and soup.find("b") is None
    assert not any(tag.get("src") or tag.get("onload") for tag in soup.find_all(True))
    assert soup.find("link") is None and soup.find("html").get("lang") is None
    assert [p.get_text() for p in soup.select("article > p")] == [hostile]
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in policy
    assert soup.title.string == "</title><script>x()</script>"


def test_markdown_formatting_and_lists_read_back_as_written() -> None:
    blocks = [
        Block(0, "heading", "Who is who", level=2),
        Block(1, "paragraph", "Ines is bold and Theo italic; both in a link.", runs=[
            InlineRun(0, 4, "bold"), InlineRun(17, 21, "italic"), InlineRun(38, 44, "link", "https://a.example/cast"),
        ]),
        Block(2, "list_item", "First moment", level=1, ordinal=1),
        Block(3, "list_item", "A detail under it", level=2),
        Block(4, "list_item", "Second moment", level=1, ordinal=2),
        Block(5, "list_item", "A hidden third one", level=1, ordinal=3),
        Block(6, "caption", "Photo: the harbour"),
        Block(7, "quote", "“We are the harbour,” she says."),
    ]
    verdicts = [BlockVerdict() for _ in blocks]
    verdicts[5] = BlockVerdict(spoiler=True)
    article, state = _article(blocks, verdicts)
    for soup in (_rendered_markdown(to_markdown(article, state)), BeautifulSoup(to_html(article, state), "html.parser")):
        paragraph = soup.find("h2").find_next("p")
        assert paragraph.find("strong").get_text() == "Ines" and paragraph.find("em").get_text() == "Theo"
        assert paragraph.find("a")["href"] == "https://a.example/cast" and paragraph.find("a").get_text() == "a link"
        top = soup.find("ol")
        items = top.find_all("li", recursive=False)
        assert [" ".join("".join(t for t in li.strings if t.find_parent(["ul", "ol"]) is top).split())
                for li in items] == \
            ["First moment", "Second moment", "[spoiler: Harbor Lights, season 2, episode 5]"]
        assert items[0].find("ul").get_text(strip=True) == "A detail under it"
        assert soup.find("blockquote").get_text(strip=True) == "“We are the harbour,” she says."


_PROSE = st.text(alphabet=st.sampled_from(list("ab *_`[]()<>#!&;:-+=~|\\1.")), min_size=1, max_size=40).filter(str.strip)


@given(_PROSE, st.booleans())
def test_markdown_shows_any_text_exactly_as_it_was(text: str, bold: bool) -> None:
    """Whatever characters a paragraph holds, a Markdown reader shows that text, no more, no less
    (escaping is what keeps a stray "*" or "[x](y)" in a recap from turning into formatting)."""
    runs = [InlineRun(0, len(text), "bold")] if bold and text.strip() else []
    article, state = _article([Block(0, "paragraph", text, runs=runs)], [BlockVerdict()])
    shown = _rendered_markdown(to_markdown(article, state)).find_all("p")[2].get_text()
    assert " ".join(shown.split()) == " ".join(text.split())


@given(_PROSE, _PROSE)
def test_a_marker_stays_a_marker_whatever_follows_it(hidden: str, after: str) -> None:
    text = "X" + hidden + after
    span = HiddenSpan(1, 1 + len(hidden), "plot")
    article, state = _article([Block(0, "paragraph", text)], [BlockVerdict(spans=[span])])
    shown = _rendered_markdown(to_markdown(article, state)).get_text(" ")
    assert "[spoiler: Harbor Lights, season 2, episode 5]" in shown
