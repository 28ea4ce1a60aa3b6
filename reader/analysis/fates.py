"""Fates told without a name: a death or a betrayal of someone the text only calls "he".

The narration reader counts events by their subject (a character, or he/she/they followed by a
plot verb). A recap also tells the worst news sideways: "the body on the rocks was his", "that
trust drowned with him", "the man she loved is dead". No character is named and no pronoun is a
subject, so such a block looks quiet, yet it is the biggest spoiler of the episode. After a
spoiler warning, a block that speaks of a person (he/she/they/his...) and holds a word of death,
killing or betrayal is plot, not an aside.
"""

from __future__ import annotations

import re

from reader.analysis.text import folded_words, lacks_words, lazy_compile


# Deaths, killings and betrayals, and their traces, as words a recap uses without a subject.
# Not "shot" or "revealed": craft and news talk use them too ("the wide shots", "the trailer
# revealed").
_FATE_WORDS = frozenset("""
dead death deaths deathbed corpse corpses body bodies drown drowns drowned drowning die dies died
dying kill kills killed killing killer murder murders murdered murderer stab stabs stabbed
poison poisons poisoned strangled funeral funerals grave buried burial suicide overdose
overdosed slain executed execution hanged beheaded betrays betrayed betrayal confesses confessed
kidnapped
""".split())
# "His body of work", "the body of the episode": the idiom, not a corpse.
_BODY_IDIOM = lazy_compile(r"\bbod(?:y|ies) of\b", re.I)
_PERSON = frozenset("he she they him her them his their hers theirs himself herself themselves".split())


def tells_a_fate(text: str, words: list[str] | None = None) -> bool:
    """Does ``text`` speak of a person and of a death, a killing or a betrayal (killed, drowned, his body)?

    ``words`` are ``text``'s folded words when the caller has them already: they are used as
    they are unless the idiom has to be cut out first."""
    if words is None or (not lacks_words(text, ("bod",)) and _BODY_IDIOM.search(text)):
        words = folded_words(_BODY_IDIOM.sub(" ", text))
    if _PERSON.isdisjoint(words):
        return False
    return not _FATE_WORDS.isdisjoint(words)
