"""The shared text helpers: what a word is and when two spellings fold alike."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.text import FOLD_JOINS_WORDS, TOKEN, WORD, fold, folded_words, words


def test_words_keep_apostrophes_and_hyphens_inside_names() -> None:
    assert words("O’Neill and Hae-rim met at 9, didn't they?") == ["O’Neill", "and", "Hae-rim", "met", "at",
                                                                  "didn't", "they"]


def test_folded_words_ignore_case() -> None:
    assert folded_words("Bram FINDS it") == ["bram", "finds", "it"]


def test_fold_drops_diacritics_case_and_curly_typography() -> None:
    assert fold("Héctor’s “Café” – Ñ") == fold("hector's \"cafe\" - n")


def test_tokens_keep_the_punctuation_that_ends_clauses() -> None:
    assert [m.group(0) for m in TOKEN.finditer("Ines (Jo), then 2 “words”.")] == [
        "Ines", "(", "Jo", ")", ",", "then", "2", "“", "words", "”", "."]


def test_only_one_character_changes_its_word_class_when_folded() -> None:
    """``folded_words`` folds a whole text at once when every character folds to one: that
    finds the same words only because folding keeps each such character's class (word
    character, letter, apostrophe or hyphen), save ``FOLD_JOINS_WORDS``."""
    classes = (re.compile(r"\w"), re.compile(r"[^\W\d_]"), re.compile(r"[’'\-]"))
    changed = [chr(i) for i in range(sys.maxunicode + 1)
               if len(chr(i).casefold()) == 1
               and any(bool(c.match(chr(i))) != bool(c.match(chr(i).casefold())) for c in classes)]
    assert changed == list(FOLD_JOINS_WORDS)


@given(st.text(max_size=60) | st.sampled_from(["İstanbul ıi", "Straße ΣΑΣ", "a\u0345b", "ﬁne Ǆ"]))
def test_folded_words_are_the_words_each_folded(text: str) -> None:
    assert folded_words(text) == [w.casefold() for w in WORD.findall(text)]
