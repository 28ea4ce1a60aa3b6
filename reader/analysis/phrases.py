"""Telling phrases: words that point at scenes, plot, time, premise or where to watch.

"The final shot", "the episode opens on", "that night", "the series follows", "streams on":
none of them is plot on its own, but the judge weighs them with who does what. Craft ("the
score", "the cinematographer") and production news ("renewed", "next season") mark what a
reader takes as talk about the making of the show, not its story. They are matched
word by word over a text's tokens (one dictionary look-up per word), which is far cheaper than
running a dozen alternation regexes over every block.
"""

from __future__ import annotations

# Each phrase is a sequence of slots; a slot lists its alternatives with "|", "#" is a number,
# "*" any word. A text whose first words are "Then", "And then", "Finally"... is on the time line.
_PHRASE_SPECS = {
    "scene": """
        the|this episode|hour|finale|premiere|chapter|season opens|ends|closes|begins|cuts|jumps|culminates|wraps
        the|this episode|hour|finale|premiere|chapter|season kicks off
        opens on|with a|an|the
        we open on
        final|last|closing scene|shot|image|frame|sequence
        cold open
        tag scene
        cliffhanger
        turns|turn out to be
        turns|turn out that
        turned out
        is revealed
        it’s|it's|was revealed
        we learn that
        roll credits
        cut|cuts to black
    """,
    "cue": """
        revealed
        reveal
        reveals
        final|last|closing moments|minutes
        plot twist
        twist
        we learn|discover
        we find out
        we pick up
        flashback
        confession
        confront|confronts
    """,
    "timeline": """
        that night|morning|evening|afternoon
        the next day|morning|night|evening
        later that
        by nightfall|morning
        at dawn|midnight
        moments later
        afterwards
        in the present|morning
        back in the present
        years ago
        the night before
        until|before dawn
        all night
        meanwhile
        overnight
    """,
    "premise": """
        premise
        synopsis
        logline
        setup
        set-up
        for newcomers
        for the newcomers|uninitiated
        for anyone joining
        for anyone just joining
        official description|blurb
        the|this show|series|drama follows
        the|this show|series|drama centers|centres on
        the|this show|series|drama is about
        the|this show|series|drama tells the story
    """,
    "craft": """
        cinematographer|cinematography|camerawork|composer|soundtrack|ost|vfx|costumes|costuming
        performance|performances|career-best|acting|choreography|two-shot|two-shots
        score|award|awards|wardrobe
        theme song|tune|music
        sound design|designer|mix
        production design|designer
        colour|color grade|grading
        the writing|direction|editing|casting
    """,
    "news": """
        renewed|renewal|renews|filming|showrunner|showrunners
        next|another season|series
        production|casting news
    """,
    "availability": """
        airs
        aired
        streams
        streaming
        is|are available
        available on
        available to stream
        premieres
        new episodes
        episode|episodes #|* arrives|airs|drops|lands
        episode|episodes #|* is|comes out
        is out
        where to watch
        subtitles
        catch up on
        on demand
    """,
}
_OPENERS = frozenset("then next later finally".split())


def _compile_phrases() -> tuple[dict[str, str], dict[str, list[tuple[str, list[frozenset[str]]]]],
                                 dict[str, list[tuple[str, list[frozenset[str]]]]]]:
    """Single words -> category; "first second" -> [(category, later slots)]; and first words
    of phrases whose second slot is any word or a number."""
    single: dict[str, str] = {}
    pairs: dict[str, list[tuple[str, list[frozenset[str]]]]] = {}
    wild: dict[str, list[tuple[str, list[frozenset[str]]]]] = {}
    for category, spec in _PHRASE_SPECS.items():
        for line in spec.strip().splitlines():
            slots = [frozenset(slot.split("|")) for slot in line.split()]
            for first in slots[0]:
                if len(slots) == 1:
                    single[first] = category
                elif "*" in slots[1] or "#" in slots[1]:
                    wild.setdefault(first, []).append((category, slots[2:]))
                else:
                    for second in slots[1]:
                        pairs.setdefault(f"{first} {second}", []).append((category, slots[2:]))
    return single, pairs, wild


_SINGLE, _PAIRS, _WILD = _compile_phrases()
_PAIR_FIRSTS = frozenset(key.split(" ", 1)[0] for key in _PAIRS)
_FIRSTS = _PAIR_FIRSTS | frozenset(_SINGLE) | frozenset(_WILD)


def _slot_matches(slot: frozenset[str], word: str) -> bool:
    return word in slot or "*" in slot or ("#" in slot and word.isdigit())


def _rest_matches(folded: list[str], start: int, rest: list[frozenset[str]]) -> bool:
    if start + len(rest) > len(folded):
        return False
    return all(_slot_matches(slot, folded[start + k]) for k, slot in enumerate(rest))


_POSSESSIVE = ("’s", "'s")


def phrase_kinds(words: list[str]) -> set[str]:
    """Which kinds of telling phrase (scene, cue, timeline, premise, craft, news, availability) occur in
    ``words``, a text's words (and punctuation) in order."""
    return phrase_kinds_folded([w.casefold() for w in words])


def phrase_kinds_folded(folded: list[str]) -> set[str]:
    """``phrase_kinds`` for words already case-folded."""
    found: set[str] = set()
    if folded and (folded[0] in _OPENERS or (folded[0] == "and" and len(folded) > 1 and folded[1] in _OPENERS)
                   or folded[:2] == ["after", "that"]):
        found.add("timeline")
    last = len(folded) - 1
    for i, word in enumerate(folded):
        if word not in _FIRSTS:  # most words: no call per word for the possessive test
            if not word.endswith(_POSSESSIVE):
                continue
            word = word[:-2]  # "the composer’s mix", "the premise’s promise"
            if word not in _FIRSTS:
                continue
        category = _SINGLE.get(word)
        if category is not None:
            found.add(category)
        if i < last:
            if word in _PAIR_FIRSTS:
                for category, rest in _PAIRS.get(f"{word} {folded[i + 1]}", ()):
                    if category not in found and _rest_matches(folded, i + 2, rest):
                        found.add(category)
            for category, rest in _WILD.get(word, ()):
                if category not in found and _rest_matches(folded, i + 2, rest):
                    found.add(category)
    return found
