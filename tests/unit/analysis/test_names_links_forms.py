"""More ways writers tie an actor to a role, read as patterns of context: a titled possessive,
a described role after "as"/"plays"/"returns as", acting verbs in any tense, cast-list lines,
and "the" epithets. All names are invented. Forms no two labelled sites back (an adverb inside
"played by", "also joins as", a relative after a possessive, the part named first, the passive
"brought to life by", "(Actor, superb)") were removed by the rule audit
(tests/benchmarks/README.md)."""

from __future__ import annotations

import pytest

from reader.analysis.characters import find_characters
from reader.article import Article, Block


def cast(*paragraphs: str) -> dict[str, str | None]:
    article = Article("Tidewater, episode 3 recap", [Block(i, "paragraph", t) for i, t in enumerate(paragraphs)],
                      None, "text")
    return {c.name: c.actor for c in find_characters(article)}


@pytest.mark.parametrize(("text", "character", "actor"), [
    ("In the end Wale Adeyemi’s DI Corin Hale walks out into the rain.",
     "Corin Hale", "Wale Adeyemi"),
    ("Tobi Adewale, as the clinic’s overworked deputy registrar Femi Okafor, gets one great scene.",
     "Femi Okafor", "Tobi Adewale"),
    ("Pavel Roth plays her youngest son, Emil Vasko, with quiet menace.",
     "Emil Vasko", "Pavel Roth"),
    ("Arlo Penn comes back as her pilot and oldest friend, Dace Morrow.",
     "Dace Morrow", "Arlo Penn"),
])
def test_actor_links_in_more_forms(text: str, character: str, actor: str) -> None:
    found = cast(text, f"Later {character.split()[-1]} is seen again at the docks.")
    assert found.get(character) == actor, found


def test_a_kinship_title_after_a_possessive_is_family_not_a_role() -> None:
    found = cast("Later Rosa Ibarra’s Aunt Pilar arrives with the ledger and Rosa Ibarra hides it.")
    assert found.get("Pilar") != "Rosa Ibarra" and found.get("Aunt Pilar") != "Rosa Ibarra"


def test_an_epithet_keeps_its_the() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "At dawn Osric lets in the Ferryman (played by Tomas Vail) and his crew."),
        Block(1, "paragraph", "By the end the Ferryman has the keys to the lighthouse.")], None, "text")
    ferryman = next(c for c in find_characters(article) if c.name == "Ferryman")
    assert "the Ferryman" in ferryman.aliases and ferryman.actor == "Tomas Vail"


def test_a_title_with_an_initial_is_a_form_of_the_one_person_it_fits() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Sheriff Ada Pryce (Lena Ford) arrives. Later Sheriff P. tells Odile Marsh to leave."),
        Block(1, "paragraph", "Odile refuses and Pryce sighs.")], None, "text")
    found = {c.name: c for c in find_characters(article)}
    assert set(found) == {"Ada Pryce", "Odile Marsh"}
    assert any(a.startswith("Sheriff P") and len(a) <= 10 for a in found["Ada Pryce"].aliases)


def test_a_title_with_an_initial_that_fits_two_people_names_nobody() -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Wim Ames (Bo Farr) and Wren Holt (Tessa Lo) wait. Then Sheriff W arrives.")],
        None, "text")
    assert all("Sheriff W" not in (c.name, *c.aliases) for c in find_characters(article))


@pytest.mark.parametrize("variant", ["Ha Jin", "Hajin", "Ha-jin Seo"])
def test_romanisation_variants_are_one_person(variant: str) -> None:
    article = Article("Tidewater, episode 3 recap", [
        Block(0, "paragraph", "Seo Ha-jin (Lee Na-ra) runs the noodle stall."),
        Block(1, "paragraph", f"Later {variant} finally tells her sister the truth, and she cries.")], None, "text")
    found = find_characters(article)
    assert [c.name for c in found] == ["Seo Ha-jin"]
    assert variant in found[0].aliases


@pytest.mark.parametrize(("kind", "text"), [
    ("list_item", "Mara Quist – Tessa Hollin"),
    ("list_item", "Mara Quist: Tessa Hollin"),
    ("paragraph", "Tessa Hollin has been cast as Mara Quist for the second season."),
    ("paragraph", "Tessa Hollin will play Mara Quist in the second season."),
    ("paragraph", "Tessa Hollin, playing Mara Quist, is the find of the year."),
    ("paragraph", "Tessa Hollin takes on the role of Mara Quist with relish."),
    ("paragraph", "Tessa Hollin (who plays Mara Quist) is the find of the year."),
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
