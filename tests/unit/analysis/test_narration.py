"""The content signal: narration of plot versus opinion, premise and where-to-watch lines."""

from __future__ import annotations

from reader.analysis.narration import plot_actors, read_narration
from reader.analysis.spoiler_names import build_index
from reader.article import Article, Block, Character, EpisodeInfo

CAST = [
    Character("Ingrid Solberg", "Marte Lunde", ["Ingrid"]),
    Character("Tomasz Wrona", "Piotr Zalewski", ["Tomasz"]),
]


def _index(characters: list[Character] = CAST, texts: tuple[str, ...] = ()):  # noqa: ANN202
    article = Article("t", [Block(i, "paragraph", t) for i, t in enumerate(texts)], None, "text")
    return build_index(article, characters, EpisodeInfo("Cold Harbour"))


def test_a_character_doing_something_narrates() -> None:
    n = read_narration("Ingrid finds the key under the boathouse floor.", _index())
    assert n.named_events == 1 and n.characters == {"Ingrid Solberg"}
    assert n.narrates()


def test_pronouns_alone_can_narrate() -> None:
    n = read_narration("She finds it that night. He waits until dawn and then burns the letter.", _index())
    assert n.pronoun_events == 2
    assert n.narrates()


def test_negation_and_auxiliaries_still_narrate() -> None:
    n = read_narration("Tomasz does not call the police. He has finally decided to leave.", _index())
    assert n.named_events == 1 and n.pronoun_events == 1


def test_list_style_gerunds_narrate() -> None:
    assert read_narration("Tomasz (or as I call him, Sad Coat) voting against the sale.", _index()).narrates()


def test_actor_credits_are_not_characters_acting() -> None:
    text = "Marte Lunde (Ingrid) has been doing the best work of her career, and Lunde finds new notes."
    n = read_narration(text, _index())
    assert n.characters == set()
    assert n.named_events == 0
    assert not n.narrates()


def test_actor_as_character_is_a_credit() -> None:
    n = read_narration("Marte Lunde is terrific as Ingrid Solberg, brittle and funny.", _index())
    assert n.characters == set() and not n.narrates()


def test_the_role_an_actor_played_is_a_credit() -> None:
    text = "Marte Lunde deserves every award going. She has never once played Ingrid as a hero."
    assert read_narration(text, _index()).characters == set()


def test_possessives_are_not_subjects() -> None:
    n = read_narration("Ingrid’s kitchen falls silent.", _index())
    assert n.characters == {"Ingrid Solberg"} and n.named_events == 0


def test_opinion_about_craft_does_not_narrate() -> None:
    text = ("The score is lush and the direction patient. He plays stillness better than anyone, "
            "and she carries whole scenes with her eyes.")
    n = read_narration(text, _index())
    assert n.pronoun_events == 0
    assert not n.narrates()


def test_musings_are_quiet() -> None:
    text = "All of us carry a map of the places we left. Some of us never unfold it."
    assert read_narration(text, _index()).quiet


def test_premise_lowers_suspicion_unless_it_reveals() -> None:
    premise = "The series follows Ingrid, who walks out of the family firm and never goes back."
    assert read_narration(premise, _index()).premise
    assert not read_narration(premise, _index()).narrates()
    reveal = "The premise, in short: Ingrid kills her brother in the first scene."
    assert read_narration(reveal, _index()).narrates()


def test_where_to_watch() -> None:
    n = read_narration("Cold Harbour streams Fridays on Nordlys+. Episode 4 arrives June 2.", _index())
    assert n.availability and not n.narrates()


def test_dialogue_with_a_character_narrates() -> None:
    text = "Tomasz’s face when she says “I kept every letter you never sent” will stay with me."
    n = read_narration(text, _index())
    assert n.dialogue and n.narrates()


def test_scene_pointers() -> None:
    n = read_narration("The final scene belongs to the two of them at the breakfast table.", _index())
    assert n.scene and n.narrates()
    assert not read_narration("The final scene is gorgeously lit.", _index()).narrates()


def test_lenient_reading_for_spoiler_free_articles() -> None:
    one = read_narration("Ingrid walks into the fog and the show begins.", _index())
    assert one.narrates() and not one.narrates(lenient=True)
    reveal = read_narration("Ingrid dies in the fog.", _index())
    assert reveal.narrates(lenient=True)


def test_names_the_finder_missed_count_once_they_act() -> None:
    texts = ("Then Ruta Kalnina shows up at the pier.", "Later Ruta Kalnina steals the boat.",
             "The film premieres in Riga.")
    index = _index([], texts)
    assert "Ruta Kalnina" in plot_actors(texts, index)
    index = _index(CAST, texts)
    assert "Ruta Kalnina" in plot_actors(texts, index)
    assert not plot_actors(texts[2:], index)


def test_unnamed_people_of_the_plot_act_too() -> None:
    n = read_narration("Her brother turns up drunk. The widow notices first.", _index())
    assert n.pronoun_events == 2 and n.narrates()
    titled = read_narration("The Emperor refuses to look at him.", _index())
    assert titled.pronoun_events == 1


def test_a_noun_that_looks_like_a_verb_is_not_an_event() -> None:
    text = "Nordlys has finally found the Sunday-night hit it has been chasing for years."
    assert read_narration(text, _index()).pronoun_events == 0


def test_a_cast_introduction_names_characters_without_narrating() -> None:
    text = ("Cast, quickly: Ingrid Solberg (Marte Lunde), the harbour master; and Tomasz Wrona "
            "(Piotr Zalewski), the cook she keeps trying to fire.")
    n = read_narration(text, _index())
    assert n.cast_intro and not n.narrates()
    assert not read_narration("Ingrid Solberg (Marte Lunde) burns the ledger.", _index()).cast_intro


def test_an_actors_possessive_credits_the_role() -> None:
    n = read_narration("Marte Lunde’s Ingrid remains the show’s spine.", _index())
    assert n.characters == set()


def test_a_quoted_line_alone_is_dialogue_from_the_episode() -> None:
    n = read_narration("“You were never going to tell the police, were you?”", _index())
    assert n.quoted_line and n.narrates()


def test_telling_phrases_by_kind() -> None:
    from reader.analysis.phrases import phrase_kinds

    def kinds(text: str) -> set[str]:
        return phrase_kinds(text.replace(",", " ,").replace(".", " .").split())

    assert kinds("The episode opens on a wedding.") >= {"scene"}
    assert kinds("Then the galley.") == {"timeline"}
    assert kinds("She calls that night.") == {"timeline"}
    assert kinds("The series follows a ferry captain.") == {"premise"}
    assert kinds("Episode 9 arrives March 27.") == {"availability"}
    assert kinds("The score swells where it should stay quiet.") == {"craft"}  # the making, not the story


def test_verbs_missing_from_the_lists_are_known_by_their_shape() -> None:
    assert read_narration("Ingrid handles the delivery herself.", _index()).named_events == 1
    assert read_narration("She mentions the ferry ticket twice.", _index()).pronoun_events == 1
    # ...but not being, seeming or performing verbs, nor an adjective after "is".
    assert read_narration("Ingrid remains the heart of the show.", _index()).named_events == 0
    assert read_narration("She underplays every scene.", _index()).pronoun_events == 0
    assert read_narration("Ingrid is tired and it shows.", _index()).named_events == 0


def test_a_relative_clause_after_a_name_narrates() -> None:
    assert read_narration("Tomasz, who finally confesses to the fire.", _index()).named_events == 1
    # An appositive still describes: "Tomasz, the engineer, is back" tells nothing.
    assert read_narration("Tomasz, the engineer, is back.", _index()).named_events == 0
