"""More ways writers tie an actor to a role, read as patterns of context: a titled possessive,
an adverb inside "played by", a described role after "as"/"plays"/"returns as", a relative
named after someone's possessive, and "the" epithets. All names are invented."""

from __future__ import annotations

import pytest

from reader.analysis.characters import find_characters
from reader.article import Article, Block


def cast(*paragraphs: str) -> dict[str, str | None]:
    article = Article("Tidewater, episode 3 recap", [Block(i, "paragraph", t) for i, t in enumerate(paragraphs)],
                      None, "text")
    return {c.name: c.actor for c in find_characters(article)}


@pytest.mark.parametrize(("text", "character", "actor"), [
    ("Both get their endings: Wale Adeyemi’s DI Corin Hale walks out into the rain.",
     "Corin Hale", "Wale Adeyemi"),
    ("Chief among them is the cook, Mirela “Mira” Stan – played with real bite by Ines Varga – who runs the pass.",
     "Mirela Stan", "Ines Varga"),
    ("Tobi Adewale, as the firm’s ambitious junior partner Femi Okafor, has less to do this week.",
     "Femi Okafor", "Tobi Adewale"),
    ("Pavel Roth plays her estranged son, Emil Vasko, with a kind of apologetic stubbornness.",
     "Emil Vasko", "Pavel Roth"),
    ("Arlo Penn returns as her engineer and reluctant conscience, Dace Morrow.",
     "Dace Morrow", "Arlo Penn"),
    ("Stage actor Hal Greer also joins in a recurring role as Auditor Pell Varn, who audits everyone.",
     "Auditor Pell Varn", "Hal Greer"),
])
def test_actor_links_in_more_forms(text: str, character: str, actor: str) -> None:
    found = cast(text, f"Later {character.split()[-1]} is seen again at the docks.")
    assert found.get(character) == actor, found


def test_a_relative_named_after_a_possessive_is_the_role() -> None:
    found = cast("Noor Hale is wonderful as Maud Lind, and Ida Crane, as Maud’s daughter Clementine, "
                 "known to everyone as Clem, is the audience’s way in.",
                 "Clementine finds the deed in the barn and tells Maud.")
    assert found.get("Clementine") == "Ida Crane"
    assert found.get("Maud Lind") == "Noor Hale"


def test_a_kinship_title_after_a_possessive_is_family_not_a_role() -> None:
    found = cast("Later Rosa Ibarra’s Aunt Pilar arrives with the ledger and Rosa Ibarra hides it.")
    assert found.get("Pilar") != "Rosa Ibarra" and found.get("Aunt Pilar") != "Rosa Ibarra"


def test_an_epithet_keeps_its_the() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Tehran opens the gate at midnight to the Warden (played by Gideon Vail) and his riders."),
        Block(1, "paragraph", "The final reveal is that the Warden calls him brother.")], None, "text")
    warden = next(c for c in find_characters(article) if c.name == "Warden")
    assert "the Warden" in warden.aliases and warden.actor == "Gideon Vail"


def test_a_title_with_an_initial_is_a_form_of_the_one_person_it_fits() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Sheriff Ada Whitcomb (Lena Ford) arrives. Later Sheriff W. tells Nora Keane to leave."),
        Block(1, "paragraph", "Nora refuses and Whitcomb sighs.")], None, "text")
    found = {c.name: c for c in find_characters(article)}
    assert set(found) == {"Ada Whitcomb", "Nora Keane"}
    assert any(a.startswith("Sheriff W") and len(a) <= 10 for a in found["Ada Whitcomb"].aliases)


def test_a_title_with_an_initial_that_fits_two_people_names_nobody() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Walt Ames (Dennis Farrow) and Wren Holt (Tessa Lo) wait. Then Sheriff W arrives.")],
        None, "text")
    assert all("Sheriff W" not in (c.name, *c.aliases) for c in find_characters(article))


@pytest.mark.parametrize("variant", ["Hae Won", "Haewon", "Hae-won Jeon"])
def test_romanisation_variants_are_one_person(variant: str) -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Jeon Hae-won (Kim Ji-ahn) runs the salt farm."),
        Block(1, "paragraph", f"Later {variant} finally tells her sister the truth, and she cries.")], None, "text")
    found = find_characters(article)
    assert [c.name for c in found] == ["Jeon Hae-won"]
    assert variant in found[0].aliases


@pytest.mark.parametrize(("kind", "text"), [
    ("list_item", "Mara Quist – Tessa Hollin"),
    ("list_item", "Mara Quist: Tessa Hollin"),
    ("paragraph", "The actor playing Mara Quist, Tessa Hollin, is the find of the year."),
    ("paragraph", "Tessa Hollin has been cast as Mara Quist for the second season."),
    ("paragraph", "Tessa Hollin will play Mara Quist in the second season."),
    ("paragraph", "Tessa Hollin, playing Mara Quist, is the find of the year."),
    ("paragraph", "Mara Quist, brought to life by Tessa Hollin, is the find of the year."),
    ("paragraph", "Tessa Hollin takes on the role of Mara Quist with relish."),
    ("paragraph", "Tessa Hollin (who plays Mara Quist) is the find of the year."),
    ("paragraph", "Mara Quist (Tessa Hollin, superb) is the find of the year."),
    ("paragraph", "In the role of Mara Quist, Tessa Hollin is the find of the year."),
    ("paragraph", "Mara Quist, Tessa Hollin’s wonderfully prickly character, finally snaps."),
    ("paragraph", "Mara Quist, as played by Tessa Hollin, finally snaps."),
    ("paragraph", "Tessa Hollin will star as Mara Quist in the second season."),
    ("paragraph", "Tessa Hollin is set to play Mara Quist in the second season."),
    ("paragraph", "Tessa Hollin has signed on to play Mara Quist."),
    ("paragraph", "Tessa Hollin landed the role of Mara Quist after one audition."),
])
def test_acting_links_read_from_the_words_between(kind: str, text: str) -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, kind, text),  # type: ignore[arg-type]
        Block(1, "paragraph", "Later Mara Quist tells Odo Brill the truth and Mara cries."),
        Block(2, "paragraph", "Odo Brill leaves; Mara stays.")], None, "text")
    found = {c.name: c.actor for c in find_characters(article)}
    assert found.get("Mara Quist") == "Tessa Hollin" and "Tessa Hollin" not in found


def test_parentheses_with_a_year_are_no_praised_actor() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Mara Quist (Lowlands, 2018) walks the pier."),
        Block(1, "paragraph", "Later Mara Quist tells Odo Brill the truth and Mara cries.")], None, "text")
    assert {c.name: c.actor for c in find_characters(article)}.get("Mara Quist") is None


def test_a_word_used_as_a_name_at_a_sentence_start_keeps_its_actor_credit() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Hope (Ava Lind) finally admits it. There is no hope for the farm, and Hope cries.")],
        None, "text")
    assert [(c.name, c.actor) for c in find_characters(article)] == [("Hope", "Ava Lind")]


@pytest.mark.parametrize(("intro", "later", "alias"), [
    ("Pieter van der Berg (Jan Smit) arrives.", "Van der Berg admits everything to the council.", "Van der Berg"),
    ("Inés de la Vega (Rita Lobo) arrives.", "De la Vega admits everything to the council.", "De la Vega"),
])
def test_a_surname_with_its_particles_is_an_alias(intro: str, later: str, alias: str) -> None:
    article = Article("Tidewater, episode 3 recap", [Block(0, "paragraph", intro), Block(1, "paragraph", later)],
                      None, "text")
    found = find_characters(article)
    assert len(found) == 1 and alias in found[0].aliases


def test_a_relative_after_a_comma_is_no_actor() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Mara Quist, Odo Brill’s sister, finally snaps."),
        Block(1, "paragraph", "Later Mara Quist tells Odo Brill the truth and Mara cries.")], None, "text")
    assert {c.name: c.actor for c in find_characters(article)}.get("Mara Quist") is None


def test_a_character_who_refuses_to_play_someone_is_no_actor() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Odo Brill refuses to play Mara Quist at chess again."),
        Block(1, "paragraph", "Later Mara Quist tells Odo Brill the truth and Mara cries.")], None, "text")
    assert {c.name: c.actor for c in find_characters(article)}.get("Mara Quist") is None
