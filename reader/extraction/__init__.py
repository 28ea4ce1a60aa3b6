"""Find the article in a saved web page and turn it into blocks.

lxml does all of it: it parses the page (fast, bounded memory, no network) and the same tree is
cleaned, scored, pruned and finally walked into blocks, so the article is never serialised and
parsed a second time. beautifulsoup4 is not used on the page or on the article fragment:
re-parsing the extracted fragment with it and merely iterating the result cost 2.4-14x the
whole lxml block walk on the dev pages and 3.4x on a 5 MB article (issue 15), before any work.
The stages are separate modules so each can be measured and improved on its own:

- ``dom``: parse safely (no network, no entities from outside, bounded depth)
- ``patterns``: the words in class names, ids and text that mark clutter or content
- ``clean``: drop what is never article (scripts, hidden nodes, navigation, ads, quoted mail);
  keep hidden panels the page would open, marked as folded
- ``scoring``: score text containers and pick the article's root and its siblings
- ``prune``: remove clutter left inside the chosen article (share bars, link lists, forms)
- ``metadata``: title, byline, site, published date, language
- ``blocks``: the article fragment as ``Block``s, keeping inline formatting, spoiler markup
  and the folded cue
- ``tidy``: a last pass over the blocks for clutter only visible in reading order
"""

from reader.extraction.pipeline import ExtractedPage, extract_page

__all__ = ["ExtractedPage", "extract_page"]
