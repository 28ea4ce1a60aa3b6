"""A newsletter saved as text: masthead, past-issue list, partner slot and subscription footer
are furniture; a dash-framed label is a line of the article, not a list item (issue 15)."""

from __future__ import annotations

from reader.loaders.text import text_to_article

PARA_1 = ("Evening, readers. This week is all about the harbour drama everyone keeps texting me "
          "about, and yes, I finally watched the whole thing in one sitting.")
PARA_2 = ("The second episode is where it clicks: the keeper's daughter stops waiting for permission, "
          "and the show stops explaining itself, which is a relief for everybody.")


def _letter(masthead: str) -> str:
    return f"""{masthead}

The harbour drama finally earns its fog

{PARA_1}

— Spoilers from here —

{PARA_2}

— Spoilers end —

Until next week,
Jo

More from The Low Tide Letter:
- No. 40: Ten lighthouses on television, ranked
- No. 39: In defence of the slow pilot

Partner offers
- A blanket for every binge, 30% off this week

You're getting this because you subscribed at lowtide.example.
Unsubscribe | Preferences
"""


def test_masthead_name_and_issue_line_are_not_the_headline() -> None:
    article = text_to_article(_letter("LOW TIDE LETTER\nNo. 41 · 2 March 2026\nView in browser"), source_path=None)
    assert article.title == "The harbour drama finally earns its fog"
    texts = [b.text for b in article.blocks]
    assert texts[0] == PARA_1
    assert all("LOW TIDE" not in t and "No. 41" not in t for t in texts)


def test_a_headline_over_a_masthead_line_stays_the_headline() -> None:
    text = _letter("").replace("The harbour drama finally earns its fog\n",
                               "The harbour drama finally earns its fog\nThe Low Tide Letter · No. 41 · 2 March 2026\n")
    article = text_to_article(text, source_path=None)
    assert article.title == "The harbour drama finally earns its fog"


def test_trailing_issue_list_partner_slot_and_footer_are_cut() -> None:
    article = text_to_article(_letter("LOW TIDE LETTER\nNo. 41 · 2 March 2026\nView in browser"), source_path=None)
    body = "\n".join(b.text for b in article.blocks)
    assert PARA_2 in body and "Until next week" in body
    for clutter in ("More from", "No. 40", "Partner offers", "blanket", "subscribed at", "Unsubscribe"):
        assert clutter not in body


def test_dash_framed_labels_are_lines_not_list_items() -> None:
    article = text_to_article(_letter("LOW TIDE LETTER\nNo. 41 · 2 March 2026\nView in browser"), source_path=None)
    framed = [b for b in article.blocks if "Spoilers" in b.text]
    assert [b.text for b in framed] == ["— Spoilers from here —", "— Spoilers end —"]
    assert all(b.kind != "list_item" for b in framed)


def test_a_closing_support_ask_and_comment_rules_are_furniture() -> None:
    from reader.loaders import cues

    for line in ("If you like these, you can buy me a coffee.", "Support this blog on Ko-fi",
                 "Comments are moderated; keep spoilers for later episodes out of them.",
                 "Become a patron for $3 a month."):
        assert cues.is_sponsor_line(line), line
    for line in ("She asks him to buy the bakery.", "The comments on the show were moderate."):
        assert not cues.is_sponsor_line(line), line
