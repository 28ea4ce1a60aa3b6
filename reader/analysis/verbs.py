"""The plot verbs a recap narrates with: generic English word lists, inflected once at import.

A recap tells what characters *do* ("she finds the ledger", "he confesses", "Bram voting no");
a review says how the show *is* ("she plays stillness", "he carries the episode"). These lists
hold verbs of the first kind only, so a character or pronoun followed by one of them reads as
narration. Verbs that mostly describe acting or the show itself (play, carry, deliver, make,
give, get, become) are left out on purpose.
"""

from __future__ import annotations

import re

# Regular verbs: inflected by rule (finds, found is irregular below, walked, walking, ...).
_REGULAR = """
accept accuse admit agree announce apologise apologize arrest arrive ask attack bail bargain
beg betray blackmail blame bribe burn bury call chase cheat climb collapse confess confide
confront console convince crash crawl cry cuddle cuff decide decipher decode delete deny
destroy disappear discover dismiss drag drop drown dump elope embrace escape evict explain
faint follow force forge grab hand handcuff hug hunt inherit interrogate invite jump kick
kidnap kill kiss knock learn lie lock marry move mull murder notice offer open order pack
phone plead poison promise propose pull punch push reach realise realize recognise recognize
refuse reject rescue resign return reveal rob row rush sabotage save scream seal search serve
shout sign slap smash snap sneak sob spy stab stare stay stop storm strangle surrender survive
threaten trap trick uncover vanish vent visit vote wait walk warn watch whisper witness wrap
wrangle settle text kneel leak vow plot pretend faint poison overdose cook swap switch argue
comfort corner date enter expose fake flirt greet hack ignore inform insult interrupt investigate
join lure manipulate obey persuade plant pour pray protect prove punish question race recover
release replace report request resist retrieve reunite rip risk sacrifice scold seduce shove slam
slip smuggle spare spill spot stalk sue summon tackle thank track trade unlock unmask urge wander
wed weep wound wreck yell pin fire close email mourn grieve
"""

# Irregular verbs: every form listed.
_IRREGULAR = """
break breaks broke broken breaking
buy buys bought buying
catch catches caught catching
choose chooses chose chosen choosing
come comes came coming
cut cuts cutting
die dies died dying
dig digs dug digging
drink drinks drank drunk drinking
drive drives drove driven driving
fall falls fell fallen falling
fight fights fought fighting
find finds found finding
flee flees fled fleeing
forgive forgives forgave forgiven forgiving
hang hangs hung hanging
hear hears heard hearing
hide hides hid hidden hiding
hit hits hitting
hurt hurts hurting
leave leaves left leaving
lose loses lost losing
meet meets met meeting
overhear overhears overheard overhearing
pay pays paid paying
quit quits quitting
read reads reading
say says said saying
see sees saw seen seeing
sell sells sold selling
send sends sent sending
shoot shoots shot shooting
sink sinks sank sunk sinking
sit sits sat sitting
sleep sleeps slept sleeping
steal steals stole stolen stealing
strike strikes struck striking
swear swears swore sworn swearing
take takes took taken taking
tear tears tore torn tearing
tell tells told telling
throw throws threw thrown throwing
wake wakes woke woken waking
win wins won winning
know knows knew known knowing
beat beats beaten beating
feed feeds fed feeding
shut shuts shutting
bleed bleeds bled bleeding
forget forgets forgot forgotten forgetting
spend spends spent spending
"""


# Strong reveals: enough on their own once a character is their subject, even in a review that
# calls itself spoiler-free.
_STRONG = """
die dies died dying kill kills killed killing murder murders murdered murdering confess
confesses confessed confessing reveal reveals revealed revealing betray betrays betrayed
betraying arrest arrests arrested arresting shoot shoots shot shooting stab stabs stabbed
stabbing marry marries married marrying propose proposes proposed proposing vanish vanishes
vanished vanishing kidnap kidnaps kidnapped kidnapping poison poisons poisoned poisoning
"""


def _inflect(verb: str) -> list[str]:
    """Regular forms of ``verb``: base, third person, past, present participle."""
    if verb.endswith("ie"):
        return [verb, verb + "s", verb + "d", verb[:-2] + "ying"]
    if verb.endswith("ee"):
        return [verb, verb + "s", verb + "d", verb + "ing"]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if re.search(r"(?:s|sh|ch|x|z)$", verb):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    if verb == "kidnap" or (len(verb) <= 4 and verb != "open" and re.search(r"[^aeiou][aeiou][bdgmnprt]$", verb)):
        doubled = verb + verb[-1]
        return [verb, verb + "s", doubled + "ed", doubled + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def _forms() -> set[str]:
    forms: set[str] = set()
    for verb in _REGULAR.split():
        forms.update(_inflect(verb))
    forms.update(_IRREGULAR.split())
    return forms


# Past participles that are never a simple past: after a subject with no auxiliary they start a
# description ("Bram, her brother, known to all as..."), not an event.
_PARTICIPLES = """
beaten broken chosen driven drunk fallen forgiven forgotten hidden known seen sunk stolen sworn
taken thrown torn woken
"""

EVENT_FORMS: frozenset[str] = frozenset(_forms())
#: Base forms ("hit", "call", "order"): often nouns too, so they narrate only in a verb phrase.
BASE_FORMS: frozenset[str] = frozenset(_REGULAR.split()) | frozenset(
    line.split()[0] for line in _IRREGULAR.strip().splitlines())
STRONG_FORMS: frozenset[str] = frozenset(_STRONG.split())
PARTICIPLES: frozenset[str] = frozenset(_PARTICIPLES.split()) & EVENT_FORMS
