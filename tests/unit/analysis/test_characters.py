"""The character finder: each way an article introduces a character and its actor, each thing
that looks like a name but is not a character, aliases and mention offsets.

All names here are invented for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.characters import find_characters, mark_spoiler_characters
from reader.article import Article, Block, BlockVerdict, Character, HiddenSpan, InlineRun


def article(*paragraphs: str, title: str = "Night Bus, episode 3 recap", kinds: dict[int, str] | None = None,
            byline: str | None = None, site: str | None = None) -> Article:
    kinds = kinds or {}
    blocks = [Block(i, kinds.get(i, "paragraph"), text) for i, text in enumerate(paragraphs)]  # type: ignore[arg-type]
    return Article(title, blocks, None, "text", byline=byline, site=site)


def by_name(characters: list[Character]) -> dict[str, Character]:
    return {c.name: c for c in characters}


def all_names(characters: list[Character]) -> set[str]:
    return {n for c in characters for n in (c.name, *c.aliases)}


# --- introduction forms -------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Ngozi Eze (Adaeze Nwosu) runs the night clinic and knows every nurse by name.",
    "Ngozi Eze (played by Adaeze Nwosu) runs the night clinic and knows every nurse by name.",
    "Adaeze Nwosu as Ngozi Eze runs the night clinic with a steady hand.",
    "Adaeze Nwosu is wonderful as Ngozi Eze, the doctor who runs the night clinic.",
    "Adaeze Nwosu plays Ngozi Eze, the doctor who runs the night clinic.",
    "Ngozi Eze, played by Adaeze Nwosu, runs the night clinic.",
    "Adaeze Nwosu is Ngozi Eze, the doctor who runs the night clinic.",
    "As Ngozi Eze, Adaeze Nwosu is the calm centre of every scene.",
])
def test_actor_introduction_forms(sentence: str) -> None:
    found = find_characters(article(sentence, "Later Ngozi finds the missing file and tells nobody."))
    assert [(c.name, c.actor) for c in found] == [("Ngozi Eze", "Adaeze Nwosu")]
    assert "Ngozi" in found[0].aliases


def test_voiced_by_keeps_a_capitals_only_name_as_written() -> None:
    found = find_characters(article(
        "The ship’s computer, HALDA (voiced by Rune Aasgaard), counts down the oxygen.",
        "The HALDA scenes are the best thing in the episode."))
    assert [(c.name, c.actor, len(c.mentions)) for c in found] == [("HALDA", "Rune Aasgaard", 2)]


def test_caps_first_mention_gives_normal_case_name_and_caps_alias() -> None:
    found = by_name(find_characters(article(
        "We open with KIM SO-RA (Jang Eun-ji) locking up the flower shop at midnight.",
        "So-ra has not slept in three days, and it shows.")))
    so_ra = found["Kim So-ra"]
    assert so_ra.actor == "Jang Eun-ji"
    assert {"KIM SO-RA", "So-ra"} <= set(so_ra.aliases)


def test_reversed_actor_then_character_reddit_style() -> None:
    found = by_name(find_characters(article(
        "Acting first. Oskar Lindahl (Mats) is doing career-best work and Greta Holm (Liv) matches him.",
        "Mats finally tells Liv about the debt, and Liv just leaves.")))
    assert found["Mats"].actor == "Oskar Lindahl"
    assert found["Liv"].actor == "Greta Holm"
    assert "Oskar Lindahl" not in found and "Greta Holm" not in found


def test_actor_plays_her_links_the_character_just_named() -> None:
    found = find_characters(article(
        "Wiebke is the breakout of the season. She reads every ledger twice, and Tove Berg plays her "
        "with a lovely dry menace."))
    assert [(c.name, c.actor) for c in found] == [("Wiebke", "Tove Berg")]


def test_possessive_introduction_never_keeps_the_s() -> None:
    found = find_characters(article(
        "Hana Novak’s (Jana Dvořák) diary is the key to the whole hour, and Hana knows it."))
    assert [(c.name, c.actor) for c in found] == [("Hana Novak", "Jana Dvořák")]
    assert all("’" not in n for n in all_names(found))


@pytest.mark.parametrize("sentence, nickname", [
    ("Kwabena “Kobby” Mensah (Yaw Boateng) drives the last bus out of the depot.", "Kobby"),
    ("Kwabena Mensah (Yaw Boateng) (or as my sister calls him, Bus Uncle) drives the last bus.", "Bus Uncle"),
    ("Kwabena Mensah (Yaw Boateng) — or Bus Uncle, as he is known on this blog — drives the last bus.",
     "Bus Uncle"),
])
def test_nicknames_introduced_in_the_text(sentence: str, nickname: str) -> None:
    found = find_characters(article(sentence, f"{nickname} refuses to stop for anyone after midnight."))
    assert [(c.name, c.actor) for c in found] == [("Kwabena Mensah", "Yaw Boateng")]
    assert nickname in found[0].aliases
    assert found[0].mentions[-1].block == 1 and found[0].mentions[-1].start == 0


def test_title_with_name_and_title_with_surname_merge() -> None:
    found = find_characters(article(
        "Nkem Obi is superb as Chief Chidi Okafor, the lender nobody crosses.",
        "Chief Okafor’s daughter Amara Okafor (Ife Nnaji) walks out of her own engagement party.",
        "Chidi watches her go and says nothing."))
    people = by_name(found)
    assert people["Chidi Okafor"].actor == "Nkem Obi"
    assert {"Chief Chidi Okafor", "Chief Okafor", "Chidi"} <= set(people["Chidi Okafor"].aliases)
    assert people["Amara Okafor"].actor == "Ife Nnaji"
    assert "Okafor" not in all_names(found), "a shared surname names neither of them"


def test_title_apposition_after_the_introduction() -> None:
    found = find_characters(article(
        "Moon Mi-rae (Song Ha-na) runs the ferry. Her father, Moon Dong-su (Yoo Jin-ho) – Captain Moon to "
        "everyone on the island – vanished in the spring.",
        "Nobody has seen Captain Moon since."))
    father = by_name(found)["Moon Dong-su"]
    assert "Captain Moon" in father.aliases and len(father.mentions) == 3


def test_particles_and_titles_in_spanish_names() -> None:
    found = by_name(find_characters(article(
        "Don Álvaro de la Serna (Luis Ortega) arrives with lawyers. Beatriz del Valle (Ana Ruiz) refuses "
        "to sign, and Doña Pilar laughs in his face.",
        "Don Álvaro leaves without the deed.")))
    assert found["Álvaro de la Serna"].actor == "Luis Ortega"
    assert "Don Álvaro" in found["Álvaro de la Serna"].aliases
    assert found["Beatriz del Valle"].actor == "Ana Ruiz"
    assert found["Doña Pilar"].actor is None


def test_accent_free_spelling_and_short_form_are_aliases() -> None:
    found = find_characters(article(
        "Kōji Arai (Daisuke Mori) and Valentina Russo (Marta Bassi) share the night shift.",
        "When Koji asks for the keys, Tina tells him no."))
    people = by_name(found)
    assert "Koji" in people["Kōji Arai"].aliases
    assert "Tina" in people["Valentina Russo"].aliases


def test_given_name_first_mention_then_full_name() -> None:
    found = find_characters(article(
        "Mira Kaur is leaving town, and the show has never been better.",
        "For newcomers: Mira (Simran Gill) runs the late pharmacy."))
    assert [(c.name, c.actor) for c in found] == [("Mira Kaur", "Simran Gill")]


def test_characters_without_actor_found_from_grammar() -> None:
    found = all_names(find_characters(article(
        "Meanwhile Inspector Bogdan Nowak finally turns up at the depot with a folder of unpaid fines.",
        "The dead man is Tadeusz Mazur, the broker who arranged the loan.",
        "Nowak doesn’t call anyone. Zofia finding the folder changes everything, and she knows it.")))
    assert {"Bogdan Nowak", "Tadeusz Mazur", "Zofia"} <= found


# --- not characters -----------------------------------------------------------------------

def test_actors_in_a_caption_are_not_characters() -> None:
    found = find_characters(article(
        "Efe Adeyemi and Tolu Bankole in Night Bus. Photo: Dayo Kuti/Sunline TV",
        "The series keeps finding new corners of the city.",
        kinds={0: "caption"}))
    assert found == []


@pytest.mark.parametrize("sentence", [
    "This week’s episode (written by Femi Ade, directed by Grace Obi) is the best yet.",
    "“Crossing” (teleplay by Lola Martins) is the tightest hour of the season.",
    "Episode 3 (screenplay by Kenta Ono) finally pulls the rug out.",
    "The series was created by Hollis Quist (Riverbend, 2018), who wrote four episodes.",
    "Critic’s note: Photo: Ines Kaur/Sunline TV",
])
def test_crew_credits_are_not_characters(sentence: str) -> None:
    found = find_characters(article(sentence, "Quist is more interested in routine than revelation."))
    assert found == []


@pytest.mark.parametrize("sentence", [
    "It is a loose remake of Golden Hour (2019), which nobody remembers.",
    "The show airs on a network (Sunline TV) that has not had a hit in years.",
    "Edda Stroud (no relation to the painter) directs the premiere.",
    "The bakery scenes (Photo: Sunline TV) are the warmest of the year.",
])
def test_parentheses_that_hold_no_actor(sentence: str) -> None:
    assert all_names(find_characters(article(sentence))) & {
        "Golden Hour", "Sunline TV", "Edda Stroud", "Photo"} == set()


def test_company_bar_ship_and_place_sharing_names_are_not_characters() -> None:
    texts = [
        "Chidi Okafor (Nkem Obi) owns Okafor Logistics, and its trucks are everywhere.",
        "Chidi drinks at Kemi’s, the bar by the depot in Apapa, before he boards the Esther Bright.",
        "Aboard the Esther Bright, Chidi counts the crates. Okafor Logistics has lied to him.",
        "The notice comes from Lagoon Holdings, and Okafor Logistics is going under.",
    ]
    found = find_characters(article(*texts))
    assert [c.name for c in found] == ["Chidi Okafor"]
    written = [texts[m.block][m.start:m.end] for m in found[0].mentions]
    assert written == ["Chidi Okafor", "Chidi", "Chidi"], "the company's name is not a mention of him"


def test_actor_brings_a_quality_to_a_character() -> None:
    found = find_characters(article(
        "Yaw Mensah-Owusu brings a loose, wounded charm to Kojo, the son who left for London.",
        "Kojo comes home for the funeral and stays."))
    assert [(c.name, c.actor) for c in found] == [("Kojo", "Yaw Mensah-Owusu")]


def test_giving_something_to_a_character_is_no_actor_link() -> None:
    found = by_name(find_characters(article(
        "Ama Darko (Efua Ansah) runs the house. Kwesi Ansah gives the letter to Ama and leaves.")))
    assert found["Ama Darko"].actor == "Efua Ansah"
    assert "Kwesi Ansah" not in found or found["Kwesi Ansah"].actor is None


def test_byline_site_and_show_are_not_characters() -> None:
    found = find_characters(article(
        "Night Bus has found its rhythm. Tunde Bello (Segun Ade) drives the last route.",
        "I have watched every episode twice. Until next week, Ronke",
        title="‘Night Bus’ episode 3 recap: the last route", byline="Ronke Adisa", site="Bus Stop Weekly"))
    assert [c.name for c in found] == ["Tunde Bello"]


def test_an_actor_only_praised_for_acting_is_not_a_character() -> None:
    found = find_characters(article(
        "Lars Vik (Anton) is great again. And Sofie Dahl only has four minutes of screen time, but she "
        "makes every one of them count.",
        "Anton finally tells the truth."))
    assert [c.name for c in found] == ["Anton"]


def test_actor_surname_alone_is_not_a_character() -> None:
    found = find_characters(article(
        "Bao Tran (Minh Pham) runs the noodle stall. Pham plays the whole scene with his back turned.",
        "Bao finally closes the stall."))
    assert [c.name for c in found] == ["Bao Tran"]


def test_title_case_headings_give_no_characters() -> None:
    found = find_characters(article(
        "Zofia Asks the Question Nobody Else Would",
        "Zofia Mazur (Ewa Lis) asks about the ledger.",
        kinds={0: "heading"}))
    assert [c.name for c in found] == ["Zofia Mazur"]
    assert any(m.block == 0 for m in found[0].mentions), "the heading still mentions her"


# --- mentions -----------------------------------------------------------------------------

def test_mention_offsets_after_an_emoji_and_before_a_possessive() -> None:
    texts = ["Kunle Bello (Gbenga Ajayi) drives the bus.",
             "The bus scenes are a riot 🚌😂 Kunle’s commentary is the funniest thing on TV."]
    found = find_characters(article(*texts))
    kunle = found[0]
    assert [texts[m.block][m.start:m.end] for m in kunle.mentions] == ["Kunle Bello", "Kunle"]
    second = kunle.mentions[1]
    assert second.start == texts[1].index("Kunle") and texts[1][second.end] == "’"


def test_longest_form_wins_and_whole_words_only() -> None:
    texts = ["Nkem Obi is superb as Chief Chidi Okafor.",
             "Chief Okafor shouts. Chidiebere, his cousin, does not answer, and Chidi leaves."]
    found = find_characters(article(*texts))
    chidi = by_name(found)["Chidi Okafor"]
    assert [texts[m.block][m.start:m.end] for m in chidi.mentions] == [
        "Chief Chidi Okafor", "Chief Okafor", "Chidi"]


def test_characters_are_listed_in_reading_order() -> None:
    found = find_characters(article(
        "Wanjiru Kamau (Njeri Mwangi) opens the shop.",
        "Baraka Otieno (Otieno Ouma) walks in at noon and Wanjiru smiles."))
    assert [c.name for c in found] == ["Wanjiru Kamau", "Baraka Otieno"]


# --- spoiler characters -------------------------------------------------------------------

def spoiler_case(verdicts: list[BlockVerdict]) -> list[Character]:
    doc = article("Halima Musa (Zainab Ali) runs the radio station.",
                  "Then Idris Bello shows up at the station, and Halima tells him to leave.")
    found = find_characters(doc)
    mark_spoiler_characters(found, doc, verdicts)
    return found


def test_character_named_only_in_a_hidden_block_is_a_spoiler() -> None:
    found = by_name(spoiler_case([BlockVerdict(), BlockVerdict(spoiler=True, reason="narrates plot")]))
    assert found["Idris Bello"].spoiler is True
    assert found["Halima Musa"].spoiler is False


def test_character_named_only_inside_a_hidden_span_is_a_spoiler() -> None:
    text = "Then Idris Bello shows up at the station, and Halima tells him to leave."
    span = HiddenSpan(0, text.index(" and"), "marked as spoiler on the page")
    found = by_name(spoiler_case([BlockVerdict(), BlockVerdict(spans=[span])]))
    assert found["Idris Bello"].spoiler is True
    assert found["Halima Musa"].spoiler is False


def test_character_also_named_in_readable_text_is_not_a_spoiler() -> None:
    found = by_name(spoiler_case([BlockVerdict(), BlockVerdict()]))
    assert not found["Idris Bello"].spoiler and not found["Halima Musa"].spoiler


@pytest.mark.parametrize("sentence", [
    "Adaeze Nwosu’s Ngozi Eze is the calm centre of every scene.",
    "Adaeze Nwosu’s quiet turn as Ngozi Eze holds the hour together.",
    "Adaeze Nwosu, who plays Ngozi Eze, is the calm centre of every scene.",
    "Adaeze Nwosu, as Ngozi Eze, is the calm centre of every scene.",
    "Ngozi Eze (Adaeze Nwosu, right) is the calm centre of every scene.",
    "Inspector Ngozi Eze, played by Adaeze Nwosu, is the calm centre of every scene.",
])
def test_more_actor_introduction_forms(sentence: str) -> None:
    found = find_characters(article(sentence, "Later Ngozi finds the missing file and tells nobody."))
    assert [(c.name, c.actor) for c in found] == [("Ngozi Eze", "Adaeze Nwosu")]


def test_a_place_owning_a_place_is_no_actor_link() -> None:
    found = find_characters(article("Port Harlow’s Harbour Festival opens the episode, and Ida Lunde (Sara Moe) "
                                    "sells fish there."))
    assert [(c.name, c.actor) for c in found] == [("Ida Lunde", "Sara Moe")]


def test_a_surname_used_as_a_modifier_is_not_a_mention() -> None:
    texts = ["Eileen Farrelly (Rosa Hart) runs the farm.", "Dinner at the Farrelly farmhouse is tense, and Farrelly "
             "herself says nothing."]
    found = find_characters(article(*texts))
    written = [texts[m.block][m.start:m.end] for m in found[0].mentions]
    assert written == ["Eileen Farrelly", "Farrelly"]
    assert found[0].mentions[1].start == texts[1].rindex("Farrelly")


def test_initials_inside_an_actor_name() -> None:
    found = find_characters(article("Samuel J. Okonjo, who plays Deputy Marcus Hale, has the harder job.",
                                    "Marcus wants to call the state police."))
    assert [(c.name, c.actor) for c in found] == [("Marcus Hale", "Samuel J. Okonjo")]


def test_company_with_ampersand_is_not_a_character() -> None:
    found = find_characters(article("Tobías Reyes (Iker Sanz) drives to the Reyes & Sons depot at dawn.",
                                    "Reyes & Sons has lied to him, and Sons keeps the books."))
    assert [c.name for c in found] == ["Tobías Reyes"]


def test_full_name_pairs_follow_the_articles_own_order() -> None:
    """Reddit style "Actor (Character)" with full names on both sides: the clear pair (the
    character's given name recurs) sets the order for the unclear one."""
    found = by_name(find_characters(article(
        "The performances first. Wu Meilin (Qiao Xinyue) is superb, and He Jun (Bai Zhen) matches her.",
        "Xinyue walks into the banquet late. Xinyue refuses the wine. Xinyue knows.",
        "Bai Zhen says nothing at all.")))
    assert found["Qiao Xinyue"].actor == "Wu Meilin"
    assert found["Bai Zhen"].actor == "He Jun"
    assert "Wu Meilin" not in found and "He Jun" not in found


def test_minor_characters_from_weaker_cues() -> None:
    # "tells Hedda" alone is a cue the fitted model weighs (tests/unit/analysis/test_names_model.py),
    # not enough by itself for a name written once.
    found = all_names(find_characters(article(
        "Bram (a never-better Lionel Carver) finally breaks. Bram tells Hedda everything.",
        "Later, Min-jae arrives with the money and hides it under the floor.")))
    assert {"Bram", "Min-jae"} <= found


def test_places_listed_after_a_preposition_are_not_characters() -> None:
    found = all_names(find_characters(article(
        "Seun Adeyemi (Tobi Lawal) drives between Oshodi and Yaba, and owes every naira he earns.",
        "In Ikeja and Surulere, nobody has heard of him.")))
    assert found == {"Seun Adeyemi"}


def test_a_one_word_place_with_korean_suffix_is_not_a_given_name() -> None:
    found = all_names(find_characters(article(
        "Jang Ji-ho (Kim Tae-ri) runs a bakery. Later, Jung-gu floods and Ji-ho loses everything.")))
    assert "Jung-gu" not in found


@pytest.mark.parametrize("italic", [True, False])
def test_a_title_in_italics_is_a_work_not_a_character(italic: bool) -> None:
    text = "Sara Lind (Moa Berg) is back, and Quiet Margins says more in one look than most shows do."
    start = text.index("Quiet Margins")
    runs = [InlineRun(start, start + len("Quiet Margins"), "italic")] if italic else []
    block = Block(0, "paragraph", text, runs=runs)
    found = find_characters(Article("Frost, episode 1 recap", [block], None, "html"))
    assert ("Quiet Margins" in all_names(found)) is not italic


def test_a_subreddit_name_is_the_show() -> None:
    found = find_characters(article(
        "Ida Berg (Moa Lund) is great. Copper Sound keeps getting better, and Copper Sound knows it.",
        title="S1E2 discussion", site="CopperSound"))
    assert [c.name for c in found] == ["Ida Berg"]


def test_family_name_first_in_one_place_given_name_first_in_another() -> None:
    found = find_characters(article("Kenji Sato (Ryo Abe) runs the night pharmacy.",
                                    "Sato Kenji, as the sign on the door says, never closes."))
    assert [(c.name, len(c.mentions)) for c in found] == [("Kenji Sato", 2)]


def test_japanese_honorific_suffixes() -> None:
    texts = ["Aiko Mori (Rin Sato) runs the diner. Her son Jun (child actor Kaito Abe) does homework there.",
             "Mori-san, the regulars call her. Kimura-sensei turns up at two in the morning looking for Jun."]
    found = by_name(find_characters(article(*texts)))
    assert found["Jun"].actor == "Kaito Abe"
    assert "Mori-san" in found["Aiko Mori"].aliases
    assert "Kimura-sensei" in found


def test_title_words_inside_names_on_either_side_of_a_parenthesis() -> None:
    found = by_name(find_characters(article("Sonny Vega (Don Johnston) drives the boat. Sonny says nothing.")))
    assert found["Sonny Vega"].actor == "Don Johnston" and "Don Johnston" not in found
    found = by_name(find_characters(article(
        "First, the acting. Gloria Oyo (Sheriff Whitby) is great. Whitby arrests the mayor and Whitby smiles.")))
    assert found["Sheriff Whitby"].actor == "Gloria Oyo" and "Gloria Oyo" not in found


def test_a_given_name_that_is_also_a_word_is_kept_at_sentence_start() -> None:
    found = find_characters(article("Grace Kim (Ha Yoon) opens the shop. Grace smiles with grace."))
    assert [(c.name, c.actor) for c in found] == [("Grace Kim", "Ha Yoon")]


def test_job_words_before_a_name_make_crew_or_cast() -> None:
    found = find_characters(article(
        "Showrunner Hana Okoye says the finale was always the plan. Actor Bram Lowe says nothing.",
        "Detective Sergeant Ewan Reid (Tomas Wilk) agrees, and Reid says so twice."))
    assert [(c.name, c.actor) for c in found] == [("Ewan Reid", "Tomas Wilk")]


def test_one_mention_with_a_verb_and_a_pronoun_is_enough_for_a_full_name() -> None:
    found = all_names(find_characters(article(
        "Finally caught up with episode six and I have opinions.",
        "Yaqub Haddad leaves the caravan at the oasis and takes the map with him.",
        "Lina watches the dunes. Lina says nothing.")))
    assert {"Yaqub Haddad", "Lina"} <= found


def test_a_lone_word_written_once_needs_more_than_a_verb() -> None:
    found = all_names(find_characters(article(
        "Netflix renewed the show last week, and Variety says a fourth season is likely.",
        "Bergen gets a mention too, and Oslo feels very far away. Creator Lars Heggen told Deadline so.")))
    assert found == set()


def test_a_work_in_parentheses_with_its_year() -> None:
    found = all_names(find_characters(article(
        "The writing, by showrunner Esi Owusu-Hart (Harbour of Glass Nights, 2019), is at its best here. "
        "(Silver Coast Stories, 2017) said the same thing.")))
    assert found == set()


def test_titles_written_after_the_name() -> None:
    found = by_name(find_characters(article(
        "Defne Kaya (Seda Ak) walks into the mansion. Defne Hanım, as the staff call her, has not slept.",
        "Kerem Bey arrives late, and Kerem argues with Defne in the garden.")))
    assert "Defne Hanım" in found["Defne Kaya"].aliases
    assert "Kerem Bey" in found and found["Kerem Bey"].actor is None


def test_a_network_in_parentheses_is_no_actor() -> None:
    found = all_names(find_characters(article(
        "The finale of Amor en Llamas (Canal Sol) finally gave us the wedding, and Sunrise (KBS) did not.",
        "Valentina Ríos (Camila Ortega) marries at dawn.")))
    assert found == {"Valentina Ríos"}


def test_two_capitalised_words_with_no_cue_are_not_a_character() -> None:
    found = all_names(find_characters(article(
        "Diego Fuentes (Andrés Mejía) is back. The family owns Fuentes Agave, the biggest distillery in Jalisco.")))
    assert "Fuentes Agave" not in found


def test_single_letters_are_not_names() -> None:
    assert find_characters(article("Option A (B) beats option C (D E), says the chart.")) == []


_WORDS = ["Ama Darko", "(Efua Ansah)", "Kofi", "the", "Ama’s", "🚌", "at", "Lagoon Holdings", "says", "and",
          "“Kay”", "(played by", "Yaw Boateng)", "Kwabena", "Mensah", ",", ".", "Chief", "tells", "her"]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40), st.integers(0, 3))
def test_mentions_always_point_at_a_name_or_alias(words: list[str], split: int) -> None:
    """Whatever the text, every mention's offsets cut out the character's name or an alias."""
    text = " ".join(words)
    paragraphs = [text[: len(text) * split // 4], text[len(text) * split // 4:]]
    doc = article(*[p for p in paragraphs if p.strip()] or ["empty"])
    for character in find_characters(doc):
        for mention in character.mentions:
            written = doc.blocks[mention.block].text[mention.start:mention.end]
            assert written in (character.name, *character.aliases)
