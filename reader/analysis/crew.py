"""Crew credits in running text: "Director Hamish Oduya shoots the valley...".

Reviews talk about how an episode is made and name the people who made it, with their job
as a title before the name. Those people are not characters, and what they do ("shoots the
valley in grey light", "keeps the camera low") is craft, not plot. Reading them as characters
hid craft paragraphs as if they narrated the episode (blind set 2). The test is the shape, a
crew job word right before a capitalised name, never a particular name.
"""

from __future__ import annotations

import re

# The job right before the name: "Director X", "writer X", "showrunner X", "composer X".
_CREW_TITLE = re.compile(
    r"\b(?:director|writer|screenwriter|showrunner|show-runner|creator|co-creator|composer"
    r"|cinematographer|editor|producer|executive producer|novelist|author|playwright)\s*$",
    re.I,
)
# A paragraph about someone's work on the episode: "Writer Jo Lind handled this one...".
_OPENS_WITH_CREDIT = re.compile(
    r"^\s*(?i:" + _CREW_TITLE.pattern.replace(r"\s*$", "") + r")\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+"
)
#: How far back from the name the job word may end (just a space, or "director,").
_LOOKBACK = 40
# The job told right after the name: "Perrin Achebe-Falk, who wrote the novel". Only making a
# work counts; "who wrote the letters" is plot.
_CREDIT_AFTER = re.compile(
    r",?\s+who\s+(?:wrote|co-wrote|adapted|directed|created|co-created|scored|produced)\s+"
    r"(?:the|this|his|her|their|its)\s+(?:[\w-]+\s+)?(?:novels?|books?|memoir|comics?|graphic novel"
    r"|scripts?|screenplay|teleplay|source|episode|hour|finale|premiere|pilot|season|series|show"
    r"|score|film)\b",
    re.I,
)


def after_crew_title(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` introduced by a crew job ("Director Hamish Oduya")?
    The job may stand before the name or open the matched span itself (a finder that took
    "Director Hamish Oduya" for the whole name). Credits give a full name; a title before a
    single name ("Director Hwang", a company director in a K-drama) is how characters are
    addressed, so it does not count."""
    words = text[start:end].split()
    if len(words) >= 3 and _CREW_TITLE.search(words[0]):
        return True
    before = text[max(0, start - _LOOKBACK):start].rstrip(" ,:")
    return len(words) >= 2 and bool(_CREW_TITLE.search(before))


def credited_after(text: str, end: int) -> bool:
    """Does a clause right after the name credit it with making the work ("X Y, who wrote the
    novel")? The job is told after the name rather than before it."""
    return _CREDIT_AFTER.match(text, end) is not None


def is_crew_credit(text: str, start: int, end: int) -> bool:
    """Is the full name at ``text[start:end]`` (without any title) credited with a crew or
    authorship job, before it ("novelist X Y", "Director X Y") or after it ("X Y, who wrote
    the novel")? A single name is never a credit: "Director Hwang" is how a character is
    addressed, while crew are credited by their full name."""
    if len(text[start:end].split()) < 2:
        return False
    return after_crew_title(text, start, end) or credited_after(text, end)


def opens_with_credit(text: str) -> bool:
    """Does the block open by naming a crew member with their job ("Writer Jo Lind ...")?
    Such a paragraph is about how the episode was made, whatever scenes it praises."""
    return _OPENS_WITH_CREDIT.match(text) is not None
