"""Replaces pyinstaller-hooks-contrib's hook for ``lxml``, which collects every lxml submodule.

The reader imports ``lxml.etree`` alone (plain elements, see reader/extraction/dom.py); the
contrib hook would add lxml.objectify, lxml.html (with BeautifulSoup, html5lib and
urllib.request when those are installed), lxml.sax, isoschematron... about 4 MB the app never
loads. Whatever the app does import is still found by PyInstaller's import analysis.
"""

hiddenimports: list[str] = []
