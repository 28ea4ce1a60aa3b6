"""Season previews: release news about a season to come is readable; the story so far is not."""

from __future__ import annotations

from reader.analysis.spoilers import judge_blocks
from reader.analysis.warnings import line_signal
from reader.analysis.preview import is_season_preview
from reader.article import Article, Block, Character, EpisodeInfo

CAST = [
    Character("Ingrid Solberg", "Marte Lunde", ["Ingrid"]),
    Character("Tomasz Wrona", "Piotr Zalewski", ["Tomasz"]),
    Character("Halvard Berg", "Ola Dahl", ["Halvard"]),
    Character("Ada Moe", None, []),  # the showrunner, taken for a character as finders do
]
PREVIEW = EpisodeInfo("Cold Harbour", 3, None)
TITLE = "Cold Harbour season 3: release date, cast and trailer"

DATE = ("Season 3 premieres on March 4 with two episodes, six in all, which Ada Moe says was a "
        "deliberate choice.")
CAST_NEWS = "Marte Lunde is back as Ingrid Solberg, and Piotr Zalewski returns as Tomasz Wrona."
TRAILER = ("There is no trailer yet. A teaser played at a festival, and Ada Moe confirms a full one in "
           "June. Filming wrapped in May.")
STORY_SO_FAR = ("Season 2 ended with Ingrid burning the ledger while Tomasz watched, and Halvard "
                "drowned off the pier in the final shot.")


def _article(title: str, *texts: str) -> Article:
    return Article(title, [Block(i, "paragraph", t) for i, t in enumerate(texts)], None, "text")


def test_release_news_about_a_coming_season_is_a_preview() -> None:
    assert is_season_preview(_article(TITLE, DATE, CAST_NEWS, TRAILER), PREVIEW)


def test_a_recap_of_an_episode_is_never_a_preview() -> None:
    article = _article(TITLE, DATE, CAST_NEWS, TRAILER)
    assert not is_season_preview(article, EpisodeInfo("Cold Harbour", 3, 2))


def test_one_kind_of_news_is_not_enough() -> None:
    assert not is_season_preview(_article("Cold Harbour season 3 thoughts", TRAILER), PREVIEW)


def test_preview_news_readable_but_the_story_so_far_hidden() -> None:
    article = _article(TITLE, DATE, CAST_NEWS, TRAILER, STORY_SO_FAR)
    hidden = [v.spoiler for v in judge_blocks(article, CAST, PREVIEW)]
    assert hidden == [False, False, False, True]


def test_a_section_about_an_earlier_season_stays_hidden() -> None:
    blocks = [Block(0, "paragraph", DATE), Block(1, "paragraph", CAST_NEWS), Block(2, "paragraph", TRAILER),
              Block(3, "heading", "How did season 2 end?", level=2),
              Block(4, "paragraph", "Ingrid takes the ferry north, and Tomasz follows her.")]
    verdicts = judge_blocks(Article(TITLE, blocks, None, "text"), CAST, PREVIEW)
    assert verdicts[4].spoiler and not verdicts[1].spoiler


def test_plot_details_kept_secret_is_no_spoiler_warning() -> None:
    assert line_signal("Plot details are being kept under tight wraps, the studio said.") is None
    assert line_signal("Warning: plot details below.") is not None
