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
    from reader.article import Article, Character, EpisodeInfo

    cast = [Character("Hamish Oduya", None, []), Character("Ingrid Solberg", None, ["Ingrid"])]
    index = build_index(Article("t", [], None, "text"), cast, EpisodeInfo("Cold Harbour"))
    craft = read_narration("Director Hamish Oduya shoots the valley in flat grey light.", index)
    assert not craft.characters and not craft.named_events and not craft.narrates()
    plot = read_narration("Ingrid shoots the intruder in flat grey light.", index)
    assert plot.narrates()


def test_a_paragraph_opening_with_a_crew_credit_is_a_craft_aside() -> None:
    from reader.analysis.crew import opens_with_credit
    from reader.analysis.shield_features import feature_records
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
    cast, episode = [Character("Ingrid Solberg", None, ["Ingrid"])], EpisodeInfo("Cold Harbour", 1, 3)
    records = feature_records(article, cast, episode)
    assert [r["credit_line"] for r in records] == [1.0, 1.0]
    assert [r["aside"] for r in records] == [1.0, 0.0]  # the second goes on to tell the plot
    assert judge_blocks(article, cast, episode)[1].spoiler


def test_full_name_credited_before_or_after_is_crew() -> None:
    from reader.analysis.crew import is_crew_credit

    for text, name in [
        ("The writers' room has added novelist Tamsin Ezeoke-Brandt this year.", "Tamsin Ezeoke-Brandt"),
        ("Director Corwin Albescu keeps the camera low.", "Corwin Albescu"),
        ("Tamsin Ezeoke-Brandt, who wrote the source novel, is on set.", "Tamsin Ezeoke-Brandt"),
        ("Corwin Albescu, who directed the premiere, is back.", "Corwin Albescu"),
    ]:
        assert is_crew_credit(text, *_span(text, name)), text
    for text, name in [
        ("Director Pyo slams the file on the desk.", "Pyo"),  # a character's title
        ("Tamsin Ezeoke-Brandt, who wrote the anonymous letters, flees.", "Tamsin Ezeoke-Brandt"),
        ("Later, Corwin Albescu keeps the ledger.", "Corwin Albescu"),
    ]:
        assert not is_crew_credit(text, *_span(text, name)), text


def _names(*paragraphs: str) -> set[str]:
    from reader.analysis.characters import find_characters
    from reader.article import Article, Block

    blocks = [Block(i, "paragraph", text) for i, text in enumerate(paragraphs)]
    return {c.name for c in find_characters(Article("Salt Ledger, episode 4 recap", blocks, None, "text"))}


def test_credited_crew_are_not_listed_as_characters() -> None:
    names = _names(
        "Wenna Trelawny (Odile Farquhar) burns the ledger before the tide comes in.",
        "Director Corwin Albescu shoots the harbour in flat grey light, and novelist Tamsin "
        "Ezeoke-Brandt, who wrote the books, joins the writers' room.",
        "Wenna runs to the quay as the boat leaves.",
    )
    assert "Wenna Trelawny" in names
    assert not {"Corwin Albescu", "Tamsin Ezeoke-Brandt"} & names


def test_director_before_a_single_name_stays_a_character() -> None:
    names = _names(
        "Wenna Trelawny (Odile Farquhar) is called in by Director Pyo, who wants the ledger back.",
        "Director Pyo threatens Wenna in the lift, and Director Pyo leaves without it.",
    )
    assert "Director Pyo" in names


def test_a_plot_strand_is_not_a_character() -> None:
    names = _names(
        "Wenna Trelawny (Odile Farquhar) spends the whole A-plot hiding the ledger from her boss.",
        "The B-plot is thinner, but Wenna gets the best line of the night.",
    )
    assert "Wenna Trelawny" in names
    assert not {"A-plot", "B-plot"} & names
