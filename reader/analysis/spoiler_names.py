"""Where characters are named in a block, as the spoiler judge needs it.

The character finder says who the characters are; this module turns that list into one
precompiled matcher per article and answers: which characters does this text name *as
characters* (not inside an actor credit like "Jo Marsh (Bram)" or "Lind as Ines"), and
where? While the finder knows nobody, capitalised words stand in for names, so the content
signal still works on an article whose characters are unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.analysis.term_matcher import TermMatcher
from reader.analysis.text import WORD, lazy_compile
from reader.article import Article, Character, EpisodeInfo


# Words that title a person rather than name them: never a name on their own.
_TITLES = frozenset("""
mr mrs ms miss dr doctor sir madam madame lady lord king queen prince princess father mother
sister brother aunt uncle grandma grandpa granny grandmother grandfather chef captain chief
sheriff deputy detective inspector officer agent sergeant lieutenant commander colonel general
major director professor judge lawyer prosecutor president minister don doña padre señor señora
mama papa baba abu umm bà ông cô anh chị hanım bey hoca san sama kun chan ssi nim the
""".split())

# Name particles: part of a name, never a name.
_PARTICLES = frozenset("de del della der di da das do dos du la le van von al el bin bint ibn".split())

# Capitalised words that begin sentences or title things and are not names (fallback only).
_NOT_NAMES = frozenset("""
a an the this that these those then there here when where while what who whom whose which why
how and but or so yet for nor if as at by in into on onto of off to from with without after
before during since until though although because once meanwhile also still even just only
now later soon finally eventually instead otherwise however anyway okay ok yes no not nobody
everyone everybody someone somebody anyone anybody nothing everything something anything each
every both all some most many few several one two three four five six seven eight nine ten
first second third last next final he she they it we i you his her their its our my your me
him them us episode season series show drama chapter part act scene recap review spoilers
spoiler warning critics viewers fans audiences people monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november
december tv our
""".split())

_CAP_RUN = lazy_compile(
    r"(?<![\w’'\-])[^\W\d_a-z][\w’'\-]*(?:\s+(?:(?:de|del|la|van|von|al|bin|da|dos|du|le)\s+)?"
    r"[^\W\d_a-z][\w’'\-]*){0,3}"
)
_DETERMINERS = frozenset("the a an this that these those every each".split())
# Words before a capitalised run that make it a thing or a place, not a person acting.
_BEFORE_NON_PEOPLE = _DETERMINERS | frozenset(
    "in on at from into onto of near across outside inside through via around toward towards aboard".split())
_SKIP_WORDS = _NOT_NAMES | _TITLES
_PAREN = lazy_compile(r"\([^()]*\)")
# "as Ines", "plays Deputy Ines", "played by", "has never once played Ines" (an actor's role,
# as acting praise puts it), "Lind’s Ines" (an actor's possessive, masked as \x01).
_CREDIT_BEFORE = lazy_compile(
    r"(?:\b(?:[Aa]s|[Pp]lays|[Pp]laying|[Pp]layed(?: by)?|[Vv]oiced by)\s+(?:[A-Z][\w.]*\s+)?|\x01[’']s\s+)$")
_OPENING_MARKS = frozenset(".!?:;“\"\n")


def _starts_sentence(text: str, start: int) -> bool:
    """Is ``text[start]`` the first word of a sentence (or of the text)?"""
    i = start - 1
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    return i < 0 or text[i] in _OPENING_MARKS


@dataclass(frozen=True, slots=True)
class NameHit:
    """A character named at ``text[start:end]``; ``credit`` when it only labels an actor."""

    start: int
    end: int
    name: str
    credit: bool
    guessed: bool = False  # a capitalised word standing in while no characters are known


@dataclass
class NameIndex:
    """Everything the judge needs to find character names in an article's blocks.

    ``names`` finds actors/show/site (group ``o``) and characters (group ``c``) in one pass;
    results are cached per text, since the judge reads each block more than once.
    """

    names: TermMatcher | None
    canonical: dict[str, str]
    fallback: bool
    other_words: frozenset[str] = field(default_factory=frozenset)
    proper: frozenset[str] = field(default_factory=frozenset)  # capitalised mid-sentence somewhere
    others: frozenset[str] = field(default_factory=frozenset)
    _cache: dict[str, tuple[list[NameHit], str, list[tuple[int, int]]]] = field(default_factory=dict, repr=False)
    memo: dict[str, object] = field(default_factory=dict, repr=False)  # text-only notes of later stages
    readings: dict[str, object] = field(default_factory=dict, repr=False)  # later stages' readings with these hits
    _guess_cache: dict[str, list[NameHit]] = field(default_factory=dict, repr=False)

    def _scan(self, text: str) -> tuple[list[NameHit], str, list[tuple[int, int]]]:
        """Known character hits, the text with every known name blanked, and its parentheses."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        known: list[NameHit] = []
        masked = text
        if self.names is not None:
            pieces, pos = [], 0
            for hit in self.names.find(text):
                if hit.group == "c":
                    if not text[hit.start].isupper():
                        continue
                    written = text[hit.start:hit.end]
                    known.append(NameHit(hit.start, hit.end, self.canonical.get(written.casefold(), written), False))
                pieces.append(text[pos:hit.start])
                # Characters blank to \x00, actors and the like to \x01: "Actor’s Character" shows.
                pieces.append(("\x00" if hit.group == "c" else "\x01") * (hit.end - hit.start))
                pos = hit.end
            pieces.append(text[pos:])
            masked = "".join(pieces)
        parens = [m.span() for m in _PAREN.finditer(masked)]
        known = [NameHit(h.start, h.end, h.name, _is_credit(masked, parens, h.start)) for h in known]
        result = (known, masked, parens)
        self._cache[text] = result
        return result

    def hits(self, text: str) -> list[NameHit]:
        """Character names in ``text`` (longest first, no overlaps), credits marked; while no
        characters are known, capitalised words stand in (``guessed``)."""
        known, masked, parens = self._scan(text)
        if not self.fallback:
            return known
        cached = self._guess_cache.get(text)
        if cached is None:
            cached = self._guess_cache[text] = self._guesses(masked, parens)
        return known + cached

    def guesses(self, text: str) -> list[NameHit]:
        """Capitalised runs that are not known characters, actors, the show or function words."""
        cached = self._guess_cache.get(text)
        if cached is None:
            _, masked, parens = self._scan(text)
            cached = self._guess_cache[text] = self._guesses(masked, parens)
        return cached

    def _guesses(self, masked: str, parens: list[tuple[int, int]]) -> list[NameHit]:
        found = []
        for m in _CAP_RUN.finditer(masked):
            run = m.group(0)
            if not run[0].isupper():
                continue
            words = run.split()
            skipped = 0
            while skipped < len(words) and _base(words[skipped]) in _SKIP_WORDS:
                skipped += 1
            if skipped == len(words):
                continue  # "The", "She", "Meanwhile": the commonest run by far
            determiner = (any(_base(w) in _DETERMINERS for w in words[:skipped])
                          or _previous_word(masked, m.start()) in _BEFORE_NON_PEOPLE)
            words = words[skipped:]
            if determiner or any(w.isupper() and len(w) > 1 for w in words):
                continue  # "the Polish", "The Quiet Year", "in Da Nang", "HBO": not people
            if any(w.casefold() in self.other_words for w in words):
                continue
            start = m.end() - len(" ".join(words))
            if (len(words) == 1 and words[0].casefold() not in self.proper
                    and _starts_sentence(masked, start)):
                continue  # "Time comes for us all": a capital only because a sentence starts
            found.append(NameHit(start, m.end(), " ".join(words), _is_credit(masked, parens, start), True))
        return found

    def with_names(self, names: set[str]) -> NameIndex:
        """This index plus ``names`` (and their parts) as characters the finder missed."""
        if not names:
            return self
        canonical = dict(self.canonical)
        for name in names:
            canonical.setdefault(name.casefold(), name)
            for token in _tokens(name):
                if token.casefold() not in self.other_words:
                    canonical.setdefault(token.casefold(), name)
        return NameIndex(_names_matcher(self.others, set(canonical)), canonical, self.fallback,
                         self.other_words, self.proper, self.others, memo=self.memo)


def _base(word: str) -> str:
    """"I’ve" -> "i", "Sunday-night" -> "sunday": the part that says whether it is a name."""
    for i, char in enumerate(word):
        if char in "’'-":
            return word[:i].casefold()
    return word.casefold()


def _previous_word(text: str, start: int) -> str:
    """The word just before ``text[start]`` (same sentence), case-folded."""
    end = start
    while end > 0 and text[end - 1] in " \t\xa0":
        end -= 1
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end].casefold()


def _is_credit(text: str, parens: list[tuple[int, int]], start: int) -> bool:
    """Inside parentheses, or introduced by "as"/"plays": the name labels an actor's role."""
    if any(a < start < b for a, b in parens):
        return True
    return bool(_CREDIT_BEFORE.search(text, max(0, start - 32), start))


def _tokens(name: str) -> list[str]:
    return [w for w in WORD.findall(name)
            if len(w) >= 3 and w[0].isupper() and w.casefold() not in _TITLES | _PARTICLES]


def _names_matcher(others: frozenset[str], characters: set[str]) -> TermMatcher | None:
    """Actors and the like first (``o``), then characters (``c``), longest first in each."""
    matcher = TermMatcher([("o", others), ("c", characters)])
    return matcher if matcher else None


def build_index(article: Article, characters: list[Character], episode: EpisodeInfo) -> NameIndex:
    """One matcher per article: character names, aliases and name parts; actors masked."""
    others: set[str] = set()
    for character in characters:
        if character.actor:
            others.add(character.actor)
    for extra in (episode.show, article.site, article.byline):
        if extra:
            others.add(extra)
    other_tokens = {t.casefold() for o in others for t in _tokens(o)}

    canonical: dict[str, str] = {}
    for character in characters:
        for form in [character.name, *character.aliases]:
            if form.strip():
                canonical.setdefault(form.casefold(), character.name)
    token_owner: dict[str, set[str]] = {}
    for character in characters:
        for form in [character.name, *character.aliases]:
            for token in _tokens(form):
                token_owner.setdefault(token.casefold(), set()).add(character.name)
    for token, owners in token_owner.items():
        if token in other_tokens or token in canonical:
            continue
        canonical[token] = next(iter(owners)) if len(owners) == 1 else token
    # Actor surnames alone ("the way Farrow delivers it") are actors, not characters.
    for token in other_tokens:
        if token not in canonical:
            others.add(token)
    return NameIndex(
        names=_names_matcher(frozenset(others), set(canonical)),
        canonical=canonical,
        fallback=not characters,
        other_words=frozenset(other_tokens),
        proper=_proper_words(article),
        others=frozenset(others),
    )


def _proper_words(article: Article) -> frozenset[str]:
    """Words the article capitalises somewhere other than at a sentence's start (folded)."""
    proper: set[str] = set()
    for block in article.blocks:
        for m in _CAP_RUN.finditer(block.text):
            if not _starts_sentence(block.text, m.start()):
                proper.update(w.casefold() for w in m.group(0).split())
    return frozenset(proper)


def proper_names(text: str) -> list[str]:
    """Capitalised runs that are not sentence openers or function words (titles, places...)."""
    out = []
    for m in _CAP_RUN.finditer(text):
        if not m.group(0)[0].isupper():
            continue
        if _starts_sentence(text, m.start()) and " " not in m.group(0):
            continue
        words = [w for w in m.group(0).split() if _base(w) not in _NOT_NAMES]
        if words:
            out.append(" ".join(words))
    return out
