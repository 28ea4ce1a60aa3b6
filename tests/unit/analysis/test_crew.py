"""Crew credits in running text are not characters: craft paragraphs stay readable."""

from reader.analysis.crew import after_crew_title


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_job_title_before_a_full_name_is_a_credit() -> None:
    text = "Director Hamish Oduya shoots the valley in grey light."
    assert after_crew_title(text, *_span(text, "Hamish Oduya"))


def test_job_title_inside_the_matched_name_is_a_credit() -> None:
    text = "Director Hamish Oduya shoots the valley in grey light."
    assert after_crew_title(text, *_span(text, "Director Hamish Oduya"))


def test_title_before_a_single_name_is_how_a_character_is_addressed() -> None:
    text = "It is Director Hwang from the chain store who walks in."
    assert not after_crew_title(text, *_span(text, "Director Hwang"))
    assert not after_crew_title(text, *_span(text, "Hwang"))


def test_a_name_without_a_job_is_not_a_credit() -> None:
    text = "Later, Hamish Oduya shoots the intruder."
    assert not after_crew_title(text, *_span(text, "Hamish Oduya"))


def test_a_director_the_finder_took_for_a_character_does_not_narrate() -> None:
    from reader.analysis.narration import read_narration
    from reader.analysis.spoiler_names import build_index
    from reader.article import Article, Block, Character, EpisodeInfo

    cast = [Character("Hamish Oduya", None, []), Character("Ingrid Solberg", None, ["Ingrid"])]
    index = build_index(Article("t", [], None, "text"), cast, EpisodeInfo("Cold Harbour"))
    craft = read_narration("Director Hamish Oduya shoots the valley in flat grey light.", index)
    assert not craft.characters and not craft.named_events and not craft.narrates()
    plot = read_narration("Ingrid shoots the intruder in flat grey light.", index)
    assert plot.narrates()


def test_a_paragraph_opening_with_a_crew_credit_is_a_craft_aside() -> None:
    from reader.analysis.crew import opens_with_credit
    from reader.analysis.spoilers import judge_blocks
    from reader.article import Article, Block, Character, EpisodeInfo

    assert opens_with_credit("Writer Ada Moe-Lind handled this one.")
    assert not opens_with_credit("Director Hwang walks into the laundromat.")  # a character's title
    assert not opens_with_credit("The director says nothing.")
    craft = ("Writer Ada Moe handled this one, and you can tell. Her episodes always hide one background "
             "gag per scene, and the cold open is the best the show has done in years.")
    plot = "Writer Ada Moe handled this one. Ingrid burns the ledger in the final shot."
    article = Article("Cold Harbour episode 3", [Block(0, "paragraph", craft), Block(1, "paragraph", plot)],
                      None, "text")
    verdicts = judge_blocks(article, [Character("Ingrid Solberg", None, ["Ingrid"])],
                            EpisodeInfo("Cold Harbour", 1, 3))
    assert [v.spoiler for v in verdicts] == [False, True]
