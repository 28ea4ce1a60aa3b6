"""More of the character finder's signals: people who play themselves, appositions, cast lists
with a description between name and actor, crew named beside crew, and names shared by a person
and a company. All names here are invented for these tests.
"""

from __future__ import annotations

from reader.analysis.characters import find_characters
from reader.article import Article, Block, Character


def article(*paragraphs: str, title: str = "Night Bus, episode 3 recap", kinds: dict[int, str] | None = None,
            byline: str | None = None, site: str | None = None) -> Article:
    kinds = kinds or {}
    blocks = [Block(i, kinds.get(i, "paragraph"), text) for i, text in enumerate(paragraphs)]  # type: ignore[arg-type]
    return Article(title, blocks, None, "text", byline=byline, site=site)


def names(characters: list[Character]) -> set[str]:
    return {c.name for c in characters}


def by_name(characters: list[Character]) -> dict[str, Character]:
    return {c.name: c for c in characters}


# --- people who play themselves ---------------------------------------------------------------

def test_people_pictured_in_a_reality_show_are_the_people_it_is_about() -> None:
    found = find_characters(article(
        "Tomasz Wierzba, a plumber from Dunmore, made a lemon tart so sharp that the judges winced.",
        "Tomasz Wierzba and Ilona Merrow in the tent.",
        "Later Tomasz said he would bake it again tomorrow.",
        kinds={1: "caption"}))
    assert "Tomasz Wierzba" in names(found)
    assert found[0].actor is None


def test_people_pictured_are_the_actors_when_the_article_names_a_cast() -> None:
    found = find_characters(article(
        "Ngozi Eze (Adaeze Nwosu) runs the night clinic and knows every nurse by name.",
        "Tomasz Wierzba and Adaeze Nwosu on set.",
        "Later Tomasz said he would bake it again tomorrow, and Ngozi laughed.",
        kinds={1: "caption"}))
    assert "Tomasz Wierzba" not in names(found)


# --- grammar that says "a person" ---------------------------------------------------------------

def test_a_name_followed_by_a_verb_in_the_past_is_weighed_as_a_person() -> None:
    found = find_characters(article(
        "The tent was quiet when the results came, with Halina Wrzos and Tobiasz Lenk returning as hosts.",
        "Halina delivered the news with her hand on his shoulder."))
    assert "Halina Wrzos" in names(found)


def test_an_apposition_that_who_goes_on_to_describe_is_a_person() -> None:
    found = find_characters(article(
        "The stranger turns out to be Teodor Malveira, a coastal developer who wants the whole pier.",
        "Nobody in town likes Teodor’s offer."))
    assert "Teodor Malveira" in names(found)


def test_an_apposition_without_who_says_nothing() -> None:
    from reader.analysis.names import find_name_spans
    from reader.analysis.names_evidence import weigh

    text = "The stranger turns out to be Teodor Malveira, a coastal developer with money."
    span = next(s for s in find_name_spans(0, text, frozenset()) if s.key == "Teodor Malveira")
    cues = set(weigh(text, span, frozenset()).cues)
    assert not cues & {"role_apposition", "who_apposition", "who_after"}


def test_a_titled_nickname_used_later_is_the_same_character() -> None:
    found = find_characters(article(
        "Olga Sarmento as Benedita Prado — Dona Dita to everyone on the hill — rules the market.",
        "The scene where Dona Dita reads the letter is the best in the episode."))
    assert [(c.name, c.actor) for c in found] == [("Benedita Prado", "Olga Sarmento")]
    assert "Dona Dita" in found[0].aliases
    assert len(found[0].mentions) == 3


# --- actors ---------------------------------------------------------------------------------------

def test_actor_as_a_role_noun_then_the_name() -> None:
    found = by_name(find_characters(article(
        "Rui Sardinha as her eldest son, Tiago Prado, has the harder job, and does it well.",
        "Later Tiago walks out into the rain.")))
    assert found["Tiago Prado"].actor == "Rui Sardinha"


def test_actor_as_a_word_that_is_no_role_is_no_link() -> None:
    found = by_name(find_characters(article(
        "Rui Sardinha as the odd one out, Tiago Prado, has the harder job.",
        "Later Tiago walks out into the rain.")))
    assert found["Tiago Prado"].actor is None


def test_a_cast_list_describes_the_character_between_name_and_actor() -> None:
    found = by_name(find_characters(article(
        "Chief Obinna Ugwu, the late father’s business partner, played by Kunle Adeyemi",
        "Chidi Nnaji, the family driver (Emeka Okafor-Bell)",
        "Later Chief Ugwu threatens the family and Chidi takes his money.",
        kinds={0: "list_item", 1: "list_item"})))
    assert found["Obinna Ugwu"].actor == "Kunle Adeyemi"
    assert found["Chidi Nnaji"].actor == "Emeka Okafor-Bell"
    assert "Kunle Adeyemi" not in found and "Emeka Okafor-Bell" not in found


# --- crew and nicknames ---------------------------------------------------------------------------

def test_a_director_listed_with_crew_is_crew() -> None:
    found = find_characters(article(
        "Director Marta Quenby and cinematographer Oto Lasker shoot the harbour at dawn in long takes.",
        "Later Ilse Varga confronts her brother at the pier."))
    assert names(found) == {"Ilse Varga"}


def test_a_company_director_is_still_a_character() -> None:
    found = find_characters(article(
        "Director Hwang from the laundry chain tells her, smugly, in front of the whole street.",
        "Later Director Hwang laughs at the offer."))
    assert names(found) == {"Director Hwang"}


def test_everyone_calls_introduces_a_nickname() -> None:
    found = find_characters(article(
        "Han Do-yun as Kim Tae-oh, the night-shift regular everyone calls Sock Guy, says little.",
        "Sock Guy folds the towels again."))
    assert [(c.name, c.actor) for c in found] == [("Kim Tae-oh", "Han Do-yun")]
    assert "Sock Guy" in found[0].aliases


# --- a person and a company that share a name --------------------------------------------------

def test_a_surname_shared_with_a_company_is_the_persons() -> None:
    found = by_name(find_characters(article(
        "The trustee, Ravindra Bhosle, has been meeting lawyers from Bhosle Pharma, his own family’s company.",
        "The final scene reveals that Bhosle knows, and has been using it to keep her quiet.")))
    assert "Bhosle Pharma" not in found
    assert [m.block for m in found["Ravindra Bhosle"].mentions] == [0, 1]


def test_a_name_that_its_refers_back_to_is_a_thing() -> None:
    from reader.analysis.names import find_name_spans
    from reader.analysis.names_evidence import weigh

    text = "The bakery sits on the last lot that Wojtala Holding needs for its condo tower, and nobody will sell."
    span = next(s for s in find_name_spans(0, text, frozenset()) if s.key == "Wojtala Holding")
    assert "its_after" in weigh(text, span, frozenset()).cues


def test_a_person_with_its_further_on_is_still_a_person() -> None:
    found = find_characters(article(
        "Later Wanda Wojtala needs the money badly, and the bakery and its ovens are all she has left."))
    assert names(found) == {"Wanda Wojtala"}
