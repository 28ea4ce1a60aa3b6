"""Recognise what a line of saved text is: a caption, an alt-text line, page clutter, a byline.

Text and Markdown copies of articles keep the page's furniture as ordinary lines ("More
Stories:", "Advertisement", an SEO keyword line above a photo credit, a newsletter's unsubscribe
footer). These recognisers are generic, worded after how publishers label such parts, never
after one article's words, so they hold for files we have never seen.
"""

from __future__ import annotations

import re
from datetime import date

from reader.article import Block
from reader.extraction.patterns import READING_TIME

# ---------------------------------------------------------------- captions and image lines

# A photo credit: "… Credit: Network", "(Photo: Channel)", "Photo by …", "© …", "Courtesy of …".
_CREDIT = re.compile(
    r"\b(?:credits?|photo(?:graph)?s?|images?|pictures?|pictured|stills?)\s*:\s*\S"
    r"|\((?:photo|image|picture|credit)s?\b[^)]*\)\s*$"
    r"|\b(?:photo(?:graph)?|image|picture|still)s?\s+(?:by|via|courtesy(?:\s+of)?)\s+\S"
    r"|\bcourtesy\s+of\s+\S|\bcourtesy\s*$|©|\(c\)\s+\d{4}"
    r"|\b(?:getty images|shutterstock|alamy)\b",
    re.I,
)
_IMAGE_PLACEHOLDER = re.compile(
    r"^\s*[\[(](?:image|img|photo|picture|figure|video|embed|gallery)\b[^\])]*[\])]\s*$", re.I
)
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*$")


def is_caption(text: str) -> bool:
    """A short line that credits a photo: the caption under an image."""
    return 0 < len(text) <= 300 and bool(_CREDIT.search(text))


def is_image_placeholder(text: str) -> bool:
    """``[image: …]`` and similar stand-ins a copy-paste leaves where a picture was."""
    return bool(_IMAGE_PLACEHOLDER.match(text))


def is_alt_text_line(text: str) -> bool:
    """An all-lowercase keyword line (SEO alt text) of the kind pasted above a photo caption."""
    text = text.strip()
    if len(text.split()) < 3 or len(text) > 300:
        return False
    # Lowercase letters and no capitals; a line in a script without case is never alt text.
    if not any(c.islower() for c in text) or any(c.isupper() for c in text):
        return False
    # Keyword lines carry no sentences.
    return not _SENTENCE_END.search(text) and not re.search(r"[.!?;]\s", text)


# ---------------------------------------------------------------- clutter

# A heading that opens the page's trailing link lists: the article is over.
_TRAILER = re.compile(
    r"^\s*(?:more\s+(?:stories|news|articles|recaps|reviews|like\s+this|to\s+read)"
    r"|sponsored(?:\s+(?:stories|content|links|posts))?|promoted(?:\s+(?:stories|content))?"
    r"|related(?:\s+(?:stories|articles|posts|reading|coverage|content|links))?"
    r"|read\s+(?:more|next|this\s+next)|also\s+read|see\s+also|further\s+reading"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|recommended(?:\s+(?:for\s+you|stories|reading))?"
    r"|trending(?:\s+(?:now|stories))?|popular(?:\s+(?:now|stories|posts))?"
    r"|most\s+(?:read|popular|viewed|shared)|(?:latest|top)\s+(?:news|stories)"
    r"|around\s+the\s+web|from\s+(?:our|the)\s+partners?|don['’]?t\s+miss|up\s+next"
    # a newsletter's list of past issues and its paid slot: "Read more from The Sofa Report:",
    # "Past issues", "From the archive", "Partner content:", "Partner offers"
    r"|(?:read\s+)?more\s+from\s+.{1,40}|(?:past|previous|recent|earlier|back)\s+(?:issues|editions|letters)"
    r"|from\s+the\s+archives?|partner\s+(?:content|offers?|picks|stories))\s*[:.…]?\s*$",
    re.I,
)
# A heading that opens reader comments: everything after it is other people's words.
_COMMENTS = re.compile(
    r"^\s*(?:\d+\s+)?(?:comments?|responses?|replies)\s*(?:\(\d+\))?\s*:?\s*$"
    r"|^\s*(?:leave|post|add|show|view)\s+(?:a\s+|the\s+)?(?:comments?|reply|replies)\s*:?\s*$"
    r"|^\s*join\s+the\s+(?:conversation|discussion)\s*:?\s*$"
    # A forum's numbered reply header: "Reply #1 — some_user", "Post #12".
    r"|^\s*(?:reply|post|comment|re)\s*#\s*\d+\b.{0,60}$",
    re.I,
)
# One line of furniture, wherever it stands.
_CLUTTER_LINE = re.compile(
    r"^\s*(?:advertisement|advert|ad|ads|sponsored|paid\s+content|promoted"
    r"|(?:story|article)\s+continues\s+(?:below|after\s+(?:the\s+)?advertisement)(?:\s+advertisement)?"
    r"|continue\s+reading(?:\s+below)?|scroll\s+to\s+continue(?:\s+with\s+content)?"
    r"|skip\s+(?:ad|advert(?:isement)?)|share(?:\s+this)?(?:\s+(?:article|story|post|page))?"
    r"|share\s+on\s+\w+|copy\s+link|click\s+to\s+share.*|tweet|pin\s+it|print(?:\s+this)?"
    r"|(?:facebook|twitter|whatsapp|pinterest|linkedin|reddit|flipboard|email)(?:\s*[|·•/]\s*"
    r"(?:facebook|twitter|whatsapp|pinterest|linkedin|reddit|flipboard|email|x))*)\s*[:.…]?\s*$",
    re.I,
)
# "Read more: <headline>": a link to another article set into the text.
_LINK_LINE = re.compile(
    r"^\s*(?:read\s+(?:more|next|also)|also\s+read|related|see\s+also|recommended|more)\s*:\s*\S",
    re.I,
)
# A sponsor's line: "Sponsored by …", "This week's issue is supported by …".
_SPONSOR = re.compile(
    r"^\W*(?:(?:this|today['’]s|this\s+week['’]s|this\s+month['’]s)\s+(?:\w+\s+){0,2}?"
    r"(?:issue|newsletter|edition|email|post|episode|video|podcast|recap|review)\s+(?:is|was)\s+)?"
    r"(?:sponsored|supported|brought\s+to\s+you|made\s+possible|underwritten)\s+by\b"
    r"|^\W*(?:sponsor(?:ed)?|advertisement|partner\s+content|paid\s+partnership)\s*[:|–—-]\s*\S",
    re.I,
)
# The writer's ask for support or the site's comment rules, closing a post: "you can buy me a
# coffee", "become a patron", "Comments are moderated; please keep spoilers out of them".
_SUPPORT_ASK = re.compile(
    r"\bbuy\s+me\s+an?\s+\w+|\bko-?fi\b|\bpatreon\b|\btip\s+jar\b|\bbecome\s+a\s+(?:patron|paid\s+subscriber|supporter)\b"
    r"|\bsupport\s+(?:this|my|the)\s+(?:blog|newsletter|work|writing|site|recaps?)\b"
    r"|\bcomments\s+are\s+(?:moderated|closed|held\s+for\s+moderation)\b|\bcomment\s+policy\b",
    re.I,
)
# A newsletter's footer: why you got it and how to stop.
_FOOTER = re.compile(
    r"\bunsubscribe\b|\byou(?:['’]re|\s+are)\s+receiving\b|\bno\s+longer\s+wish\s+to\s+receive\b"
    r"|\bview\s+(?:this\s+|it\s+|the\s+)?(?:email\s+|issue\s+|newsletter\s+|post\s+)?"
    r"(?:in|on)\s+(?:your\s+|a\s+|the\s+)?(?:web\s+)?browser\b"
    r"|\bmanage\s+(?:your\s+)?(?:email\s+)?(?:preferences|subscriptions?)\b"
    r"|\byou(?:['’]re|\s+are)\s+getting\s+this\b|\byou\s+(?:signed|subscribed)\s+up\s+(?:for|to)\b"
    r"|\bupdate\s+your\s+(?:email\s+)?preferences\b",
    re.I,
)
# The page's tag list: "Tags: Show, Network, Actor", "Filed under: Recaps · TV".
_TAGS_LINE = re.compile(r"^\W*(?:tags?|tagged(?:\s+(?:with|as))?|filed\s+under|topics?|categor(?:y|ies))\s*:\s*\S", re.I)
# A call to follow the publisher elsewhere: "Follow <site> on Instagram and WhatsApp for …".
_FOLLOW_LINE = re.compile(
    r"^\W*(?:follow|like|join|subscribe\s+to)\s+(?:\S+\s+){0,4}?on\s+"
    r"(?:instagram|twitter|x|facebook|whatsapp|telegram|tiktok|youtube|threads|bluesky|google\s+news)\b",
    re.I,
)
# A post's or a forum's action row: "87 comments · share · save · report", "Quote · Like · Report",
# "Log in · Register · Search the boards", or a lone count such as "42 Likes".
_ACTION = (
    r"(?:\d[\d,.]*k?\s+(?:comments?|points?|upvotes?|votes?|likes?|reactions?)|comments?|share|save|report"
    r"|hide|reply|quote|like|give\s+award|award|crosspost|permalink|embed|edit|delete|log\s*in|sign\s+(?:in|up)"
    r"|register|search(?:\s+the\s+(?:boards?|forums?|site))?)"
)
_ACTION_ROW = re.compile(
    r"^\W*" + _ACTION + r"(?:\s*[·•|/,]\s*" + _ACTION + r")+\W*$"
    r"|^\W*\d[\d,.]*k?\s+(?:likes?|upvotes?|points?|reactions?)\W*$",
    re.I,
)
# One part of a forum's thread or member line: "38 replies", "1,204 views", "Posts: 2,318",
# "Joined: Aug 2021". A line of such parts joined by "·" is the board's, not the writer's.
_FORUM_FACT = re.compile(
    r"^\d[\d,.]*k?\s+(?:replies|views|posts|messages|comments|likes|reactions)$"
    # and a newsletter's masthead line: "The Weekly Reel · Issue #112 · April 4, 2025"
    r"|^(?:issue|no\.|number|vol(?:ume)?\.?|edition)\s*#?\s*\d+$"
    r"|^(?:posts|messages|joined|reaction\s+score|location|member\s+since)\s*:\s*\S",
    re.I,
)
# Lines every forum, mailing and video page prints, worded the same everywhere.
_STOCK_LINE = re.compile(
    r"^\W*(?:you\s+must\s+(?:log|sign)\s+in(?:\s+or\s+(?:register|sign\s+up))?\s+to\s+(?:reply|post|comment)"
    r"|view\s+(?:this\s+|the\s+)?(?:email|newsletter|issue|message)\s+(?:in|on)\s+(?:your|a)\s+(?:web\s+)?browser"
    r"|your\s+browser\s+does\s+not\s+support\b"
    r"|" + READING_TIME + r")\b",
    re.I,
)
_SEPARATOR = re.compile(r"^\s*(?:(?:[-*_=~#•·.]\s*){3,}|--)\s*$")


def is_trailer_heading(text: str) -> bool:
    """"More Stories:", "Sponsored Stories:", "Related", "You may also like": link lists follow."""
    return len(text) <= 60 and bool(_TRAILER.match(text))


def is_comments_heading(text: str) -> bool:
    """"Comments", "12 Comments", "Leave a reply": the article ended above it."""
    return len(text) <= 80 and bool(_COMMENTS.match(text))


def is_clutter_line(text: str) -> bool:
    """One line of furniture: an ad label, a share bar, an image stand-in, a pasted link, the
    page's tag list, a "follow us on …" line, a post's or forum's action row and thread facts,
    and stock lines ("View this email in your browser", "6 min read")."""
    if not text.strip():
        return False
    return (
        (len(text) <= 120 and bool(_CLUTTER_LINE.match(text)))
        or is_image_placeholder(text)
        or (len(text) <= 250 and bool(_LINK_LINE.match(text)) and not is_trailer_heading(text))
        or (len(text) <= 200 and bool(_TAGS_LINE.match(text)) and not _SENTENCE_END.search(text))
        or (len(text) <= 160 and bool(_FOLLOW_LINE.match(text)))
        or (len(text) <= 120 and bool(_ACTION_ROW.match(text)))
        or (len(text) <= 160 and bool(_STOCK_LINE.match(text)))
        or _is_forum_facts(text)
    )


def _is_forum_facts(text: str) -> bool:
    """"Started by user · 9 March 2026 · 38 replies · 1,204 views", "Regular · Posts: 2,318 · Joined:
    Aug 2021", "The Weekly Reel · Issue #112 · April 4, 2025": parts joined by "·" of which one is
    a count, a member fact or an issue number, which only a board or a masthead prints."""
    if len(text) > 200:
        return False
    parts = [p.strip() for p in re.split(r"\s[·•|]\s", text)]
    return len(parts) >= 2 and any(_FORUM_FACT.match(p) for p in parts)


_ISSUE_PART = re.compile(r"^(?:issue|no\.|number|vol(?:ume)?\.?|edition)\s*#?\s*\d+$", re.I)
_VIEW_IN_BROWSER = re.compile(
    r"^\W*view\s+(?:this\s+|the\s+)?(?:email|newsletter|issue|message|it)?\s*(?:in|on)\s+(?:your\s+|a\s+)?(?:web\s+)?browser\b",
    re.I)


def is_masthead_line(text: str) -> bool:
    """A newsletter masthead's line under its name: "Issue 112 · 4 November 2025", "No. 12",
    "View this email in your browser"."""
    if len(text) > 200:
        return False
    parts = [p.strip() for p in re.split(r"\s[·•|]\s|,\s", text)]
    return any(_ISSUE_PART.match(p) for p in parts) or bool(_VIEW_IN_BROWSER.match(text))


def is_sponsor_line(text: str) -> bool:
    """A sponsor's message ("Sponsored by …", "This issue is supported by …"), or the writer's
    closing ask for support and the comment rules ("buy me a coffee", "Comments are moderated")."""
    return len(text) <= 400 and bool(_SPONSOR.match(text) or _SUPPORT_ASK.search(text))


def is_footer_line(text: str) -> bool:
    """A newsletter footer: unsubscribe links, "You're receiving this because …"."""
    return len(text) <= 400 and bool(_FOOTER.search(text))


def drop_trailing_footer(blocks: list[Block], tail: int = 6) -> list[Block]:
    """Cut a newsletter footer: the first footer line among the last blocks, and all after it."""
    for i in range(max(0, len(blocks) - tail), len(blocks)):
        if is_footer_line(blocks[i].text) and all(len(b.text) <= 400 for b in blocks[i:]):
            return blocks[:i]
    return blocks


def is_separator(text: str) -> bool:
    """A rule drawn with characters ("---", "* * *", "====="): not content."""
    return bool(_SEPARATOR.match(text))


# ---------------------------------------------------------------- metadata lines

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<mon{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_DATE = re.compile(
    r"(?P<iso>(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d))"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\b" + _WEEKDAY + _MONTH.format(n=1) + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})\b"
    r"|\b" + _WEEKDAY + r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(n=2)
    + r",?\s+(?P<y2>\d{4})\b",
    re.I,
)
_DATE_LABEL = re.compile(
    r"^\s*(?:(?:first\s+|originally\s+)?published|posted|updated|last\s+updated|date)"
    r"(?:\s+on)?\s*[:\-–—]?\s*",
    re.I,
)
_TIME_TAIL = re.compile(
    r"^[\s,|·•–—-]*(?:at\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)?\s*"
    r"(?:[A-Z]{2,4}|UTC|GMT)?(?:[+-]\d{1,2}(?::?\d{2})?)?\s*$",
    re.I,
)
_BY = re.compile(
    r"^\s*(?P<label>by|written\s+by|words\s+by|posted\s+by|submitted\s+by|author\s*:|words\s*:)"
    r"\s*(?P<rest>.+)$",
    re.I,
)
# A forum or Reddit user name, taken only after an explicit label ("Posted by", "Author:").
_HANDLE = re.compile(r"^(?:u/|@)?[\w.\-]{2,40}$")
_BYLINE_PARTS = re.compile(r"\s+[|•·]\s+|\s+[–—-]\s+|\s*\|\s*")
_ROLE = re.compile(
    r",\s*(?:senior\s+|staff\s+|contributing\s+|tv\s+|television\s+|chief\s+|deputy\s+)*"
    r"(?:writer|editor|critic|correspondent|contributor|reporter|columnist)s?\b.*$",
    re.I,
)
_NAME_CONNECTORS = frozenset(
    "and & de del della der di da das dos du la le van von ten ter bin al el y e of".split()
)
_SITE = re.compile(
    r"^\s*(?:source|site|publication|published\s+(?:in|by)|originally\s+published\s+(?:in|on|at|by))"
    r"\s*:\s*(?P<site>.+?)\s*$",
    re.I,
)


def parse_date(text: str) -> str | None:
    """The first valid calendar date in ``text`` as YYYY-MM-DD ("June 2, 2025", "2025-06-02")."""
    for m in _DATE.finditer(text):
        iso = _match_to_iso(m)
        if iso:
            return iso
    return None


def _match_to_iso(m: re.Match[str]) -> str | None:
    try:
        if m.group("iso"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        elif m.group("mon1"):
            y, mo, d = int(m.group("y1")), _MONTHS[m.group("mon1").lower()[:3]], int(m.group("d1"))
        else:
            y, mo, d = int(m.group("y2")), _MONTHS[m.group("mon2").lower()[:3]], int(m.group("d2"))
        return date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


def date_line(text: str) -> str | None:
    """The date when the whole line is a publication date ("Published June 2, 2025 at 9:00")."""
    if len(text) > 80:
        return None
    body = _DATE_LABEL.sub("", text, count=1)
    m = _DATE.search(body)
    if not m or body[: m.start()].strip(" ,|·•–—-"):
        return None
    if not _TIME_TAIL.match(body[m.end():]):
        return None
    return _match_to_iso(m)


def byline_line(text: str) -> tuple[str, str | None] | None:
    """``(names, date or None)`` when the line is a byline ("By Ana Ruiz | June 2, 2025")."""
    if len(text) > 120:
        return None
    m = _BY.match(text)
    if not m:
        return None
    parts = [p.strip() for p in _BYLINE_PARTS.split(m.group("rest")) if p.strip()]
    if not parts:
        return None
    names = _ROLE.sub("", parts[0]).strip().rstrip(",;")
    published = None
    for part in parts[1:]:
        published = published or date_line(part) or parse_date(part)
    # "By Ana Ruiz, June 2, 2025": a date after a comma.
    dm = _DATE.search(names)
    if dm:
        published = published or _match_to_iso(dm)
        names = names[: dm.start()].strip().rstrip(",;").strip()
        names = re.sub(r"\s*,?\s*(?:on|published|updated|posted)$", "", names, flags=re.I)
    labelled = m.group("label").lower() != "by"
    if not (_looks_like_names(names) or (labelled and _HANDLE.match(names))):
        return None
    return names, published


def _looks_like_names(text: str) -> bool:
    words = text.replace(",", " ").split()
    if not words or len(words) > 10 or _SENTENCE_END.search(text):
        return False
    for word in words:
        bare = word.strip("“”\"'’().")
        if not bare:
            return False
        if bare.lower() in _NAME_CONNECTORS:
            continue
        # Capitalised, or from a script without case (CJK names); lowercase words end it.
        if not (bare[0].isalpha() and not bare[0].islower()):
            return False
    return True


def site_line(text: str) -> str | None:
    """The publication's name from a line that states it ("Source: The Daily Reel")."""
    if len(text) > 100:
        return None
    m = _SITE.match(text)
    if not m:
        return None
    site = m.group("site").strip().rstrip(".")
    if not site or re.match(r"https?://", site, re.I) or len(site.split()) > 8:
        return None
    return site


# ---------------------------------------------------------------- headings

_HEADING_END = re.compile(r"[.,;!…][\"'’”)\]]*$")


def looks_like_heading(text: str) -> bool:
    """Short, not a sentence, not a caption: "Key Moments", "Stray observations:"."""
    text = text.strip()
    if not text or len(text) > 70 or len(text.split()) > 8:
        return False
    if _HEADING_END.search(text) or is_caption(text):
        return False
    first = text[0]
    if first.islower() or first in "“\"(-–—":
        return False
    # Two sentences are a paragraph, however short.
    return not re.search(r"[.!?]\s+\S", text)
