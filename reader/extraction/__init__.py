"""Find the article in a saved web page and turn it into blocks.

Pure lxml for the whole page (fast, bounded memory), beautifulsoup4 only on the article fragment.
The stages are separate modules so each can be measured and improved on its own:

- ``dom``: parse safely (no network, no entities from outside, bounded depth)
- ``patterns``: the words in class names, ids and text that mark clutter or content
- ``clean``: drop what is never article (scripts, hidden nodes, navigation, ads, comments ...)
- ``scoring``: score text containers and pick the article's root and its siblings
- ``prune``: remove clutter left inside the chosen article (share bars, link lists, forms)
- ``metadata``: title, byline, site, published date, language
- ``blocks``: the article fragment as ``Block``s, keeping inline formatting and spoiler markup
"""

from reader.extraction.pipeline import ExtractedPage, extract_page

__all__ = ["ExtractedPage", "extract_page"]
