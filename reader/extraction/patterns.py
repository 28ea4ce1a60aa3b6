"""The vocabulary of clutter and content.

Publishers name their page parts in class names and ids; these patterns read those names the way
Mozilla Readability and boilerpipe do, extended with what recap sites add (cookie consent,
newsletter boxes, "trending" widgets, sponsored rails, comment threads). They are generic: no
site's own names, so they carry over to pages we have never seen.
"""

from __future__ import annotations

import re

# Class/id words of page parts that are never the article.
UNLIKELY = re.compile(
    r"-ad-|\bads?\b|ad-?(slot|unit|label|container|wrap|banner|box)|adsense|advert|agegate|"
    r"banner|breadcrumb|byline-share|combx|comment|community|consent|cookie|cover-wrap|disqus|"
    r"donat|extra|footer|gdpr|header|legends|menu|masthead|modal|newsletter|"
    r"outbrain|pager|pagination|paywall|popup|promo|related|remark|replies|reply|rss|"
    r"share|sharing|shoutbox|sidebar|signup|skip-link|skyscraper|social|sponsor|subscribe|"
    r"supplemental|taboola|tags?-?list|toolbar|trending|widget|yom-remote|"
    r"most-?popular|more-?stories|read-?more|recommend|jp-relatedposts|wpcnt|sharedaddy|"
    r"author-?bio|about-?the-?author|signature|reactions?|user-?info|message-?user|"
    r"structitem|similar|screen-reader|visually-?hidden|sr-only|print-only|nocontent|"
    r"\bd-none\b|\bd-print-|\bhidden-print\b|\bvisible-print|"
    # polls, a blog post's reblog notes and its tag block
    r"\bpolls?\b|poll-|-poll\b|survey|reblog|post-?notes|notes-?(list|container)|"
    r"tag-?cloud|(post|entry|article|story)-?tags",
    re.I,
)

# Class/id words of controls that sit inside the article's own lines (a heading's "[edit]" link
# on MediaWiki and Fandom, DokuWiki's section edit button): clutter even on an inline element.
INLINE_CONTROL = re.compile(r"editsection|edit-?section|secedit|edit-?link|headerlink|anchor-?link", re.I)

# Class words of panels a page folds away for a button to open (accordions, collapsible
# sections, tab panels, "expand"/"read more" bodies).
FOLDED_PANEL = re.compile(
    r"accordion|collaps|tab-?pane|tab-?panel|expandable|expand-?(content|body|panel)|"
    r"toggle-?(content|body|panel|section)|fold-?(content|body)|reveal-?(content|body|panel)", re.I)

# Mail clients' markup for the quoted message a reply carries (Gmail, Thunderbird, Yahoo,
# Outlook): never the new message, however long.
MAIL_QUOTE = re.compile(r"gmail_quote|moz-cite-prefix|yahoo_quoted|divrplyfwdmsg|protonmail_quote", re.I)

# Words that rescue an element from UNLIKELY: it may be the article's own container.
MAYBE_CONTENT = re.compile(r"and|article|body|column|content|main|shadow|story|entry|post-?text", re.I)

# Class/id words that raise or lower an element's content score (Readability's weights).
POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|"
    r"recap|review|bbwrapper|usertext|md\b|prose|rich-?text",
    re.I,
)
NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|"
    r"footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
    r"skyscraper|sponsor|shopping|tags|tool|widget|newsletter|cookie|consent|subscribe|"
    r"trending|reply|replies|signature|byline",
    re.I,
)

# ARIA roles of page furniture.
UNLIKELY_ROLES = frozenset(
    {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
        "banner", "contentinfo", "search", "toolbar", "tablist",
    }
)

# Headings that introduce the page's trailing clutter rather than the article.
CLUTTER_HEADING = re.compile(
    r"^\s*(related( stories| articles| posts| reading| content)?|more (stories|from|on|in|like this|"
    r"news|to read|articles)|you (may|might) (also )?like|recommended( for you| stories)?|"
    r"sponsored( stories| content| links)?|trending( now)?|popular( now| stories)?|most (read|popular|viewed)|"
    r"read (more|next|this next)|comments?|\d+ comments?|leave a (comment|reply)|"
    r"share( this)?( article| story| post)?|sign up|subscribe|newsletter|"
    r"about the author|similar threads|further reading|advertisement|ad|tags?|filed under|"
    r"don'?t miss|up next|around the web|(latest|top) (news|stories)|post a comment|"
    r"you (may|might) also (like|enjoy)( these( posts| stories)?)?|more from [\w .'-]{1,30}|"
    r"join the (conversation|discussion)|what to read next|keep reading)\s*[:.!…]*\s*$",
    re.I,
)

# "6 min read", "2-minute read": a reading-time estimate (shared with the text-file cues).
READING_TIME = r"\d+\s*(?:-\s*)?(?:min(?:ute)?s?|hrs?|hours?)\s+read"

# Short texts that are page furniture wherever they stand.
CLUTTER_TEXT = re.compile(
    r"^\s*(advertisement|sponsored( content| stories)?|ad|continue reading( below)?|"
    r"(story|article) continues below( advertisement)?|share( this)?( article| story)?|"
    r"skip to (main )?content|loading\.*|read more|click to (expand|reveal)(\.\.\.)?|"
    r"more stories:?|sponsored stories:?|related stories:?|tweet|email|print|"
    # reader-view and blog-platform controls: "Follow", "Listen to this article", "1,204 notes"
    r"follow|listen( to (this|the) (article|story|post|episode))?( \d+ min(utes?)?)?|"
    r"\d[\d,.]*k? notes|reblog(ged)?( this)?|"
    + READING_TIME + r"|"
    r"your browser does not support( the)?( embedded| html5)? (video|audio|iframes?|this (video|content))( tag| element)?)"
    r"\s*[:.…]?\s*$",
    re.I,
)

# Spoiler markup (DESIGN.md): class tokens, tag names and data attributes that hide their text.
SPOILER_CLASS_TOKEN = re.compile(r"spoiler", re.I)
# A class token that mentions spoilers but labels a warning, button or title, not hidden text.
SPOILER_LABEL_TOKEN = re.compile(
    r"warning|alert|free|button|btn|label|title|toggle|notice|tag|header|heading|icon|trigger|"
    r"summary|caption|badge|no-?spoilers?|non-?spoilers?|spoilers?-?(safe|less)",
    re.I,
)
SPOILER_TAGS = frozenset({"details", "tg-spoiler"})
SPOILER_ATTRS = ("data-spoiler", "data-mx-spoiler")

# Summaries of a <details> that only name the markup ("Spoilers", "Show spoiler").
SPOILER_SUMMARY = re.compile(
    r"^\s*(show |click (here )?(to|for) (show |reveal |see )?)?(the )?(spoilers?|reveal|"
    r"spoiler( warning| alert)?|show|details|click to (expand|reveal))\s*[:!.]?\s*$",
    re.I,
)

# Lines that carry page metadata or legal text rather than the article.
DATELINE = re.compile(
    r"^\s*(updated|published|posted|last (updated|modified)|first published|modified)\b[^\n]{0,100}\d",
    re.I,
)
BARE_DATE = re.compile(
    r"^\s*((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?("
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"([,\s]+(at\s+)?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s*[a-z]{2,4})?)?\s*$",
    re.I,
)
LEGAL = re.compile(
    r"^\s*(©|\(c\)\s*\d{4}|copyright\b)|all rights reserved|subject to copyright|"
    r"may not be (published|reproduced|redistributed)|without (the )?(prior )?written permission",
    re.I,
)
SOCIAL_WORDS = frozenset(
    "facebook twitter google google+ pinterest linkedin whatsapp email e-mail reddit tumblr "
    "print share flipboard telegram messenger sms bluesky mastodon pocket tweet "
    # a reader view's row of controls: "Follow · Listen · Share", "Save · Gift"
    "follow listen save bookmark reblog gift copy link comment comments".split()
)
