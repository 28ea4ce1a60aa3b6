"""The shared text helpers: what a word is and when two spellings fold alike."""

from __future__ import annotations

from reader.analysis.text import TOKEN, fold, folded_words, words


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
