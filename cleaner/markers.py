"""Orthographic evidence for languages a statistical detector may not know.

langdetect has no Kazakh, Belarusian, Serbian, Azerbaijani, Icelandic, Irish,
Basque or Malay: asked about them it answers its nearest neighbour with full
confidence.  Their spelling gives them away: letters no other candidate of the
script uses (Azerbaijani ə, Icelandic þ/ð, Kazakh ә ғ қ ұ, Belarusian ў,
Serbian ђ ћ, Macedonian ѓ ќ ѕ) or very frequent function words (Irish *agus*,
Basque *eta*, Malay *kerana*).  These rules only speak for languages the
backend does not know, or split a pair it cannot tell apart (Malay from
Indonesian, Serbian from Macedonian); everything else stays with the detector.
"""

from __future__ import annotations

import re
from collections import Counter

from .languages import ALPHABETS, COMPLETE_ALPHABETS, MARKER_LETTERS, MARKER_WORDS, RIVALS

# Irish initial mutations: bhfuil, gcuid, dtí, mbeidh, bhean, mhaith.
# As whole words of words joined by spaces: Irish initial mutations, and words with a hyphen.
_GA_MUTATED = re.compile(r"(?<!\S)(?:bhf|gc|dt|bh|mh|ng|n-|t-|h-)[aeiouáéíóú]\S*")
_HYPHENATED = re.compile(r"(?<!\S)[^\s-]*-\S*")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``."""
    if text.isascii():
        # Lower-casing ASCII changes no length and no letter into a non-letter.
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def folded_words(text: str) -> list[str]:
    """Case-folded words of ``text`` (what stop-word lists are compared with)."""
    if text.isascii():
        return words(text)  # casefold is lower on ASCII
    return [w.casefold() for w in words(text)]


def letter_language(text: str, allowed: frozenset[str]) -> str | None:
    """The one language in ``allowed`` whose own letters occur in ``text``, else ``None``.

    >>> letter_language("Həmin günlər", frozenset({"az", "tr"}))
    'az'
    >>> letter_language("Hello", frozenset({"az", "is"})) is None
    True
    """
    found = [lang for lang, letters in MARKER_LETTERS.items() if lang in allowed and not letters.isdisjoint(text)]
    if "is" in found and not word_hits(text, "is"):
        found.remove("is")
    if not found and "be" in allowed:
        low = set(text.lower())
        # Belarusian writes і and ы/э but no и; Kazakh writes all three.
        if "і" in low and ("ы" in low or "э" in low):
            found = ["kk"] if "и" in low else ["be"]
            if found[0] not in allowed:
                found = []
    return found[0] if len(found) == 1 else None


class WordBag:
    """The words of a text counted once, for many :func:`word_hits` questions
    (a document's main-script words, asked about every candidate language)."""

    def __init__(self, toks: list[str]):
        self.size = len(toks)
        self.counts = Counter(toks)
        distinct = " ".join(self.counts)  # (words never hold a space)
        self.mutated = _GA_MUTATED.findall(distinct)  # Irish initial mutations: bhfuil, gcuid
        self.hyphenated = _HYPHENATED.findall(distinct) if "-" in distinct else []

    def hits(self, lang: str) -> int:
        """How many of the words are frequent words of ``lang``."""
        vocab = MARKER_WORDS.get(lang)
        if not vocab:
            return 0
        counts = self.counts
        hits = sum(counts[w] for w in vocab if w in counts)
        if lang == "ga":
            # An Irish mutation counts too.
            return hits + sum(counts[w] for w in self.mutated if w not in vocab)
        # (a reduplicated word, "kerajaan-kerajaan", counts by its first half)
        return hits + sum(counts[w] for w in self.hyphenated if w not in vocab and w.split("-", 1)[0] in vocab)


def word_hits(text: str, lang: str, toks: list[str] | None = None) -> int:
    """How many words of ``text`` (or of ``toks``, its words) are frequent words of ``lang``.

    >>> word_hits("Bhí sé ag caint leis an bhfear", "ga")  # bhí, ag, leis; bhfear's mutation
    4
    """
    if lang not in MARKER_WORDS:
        return 0
    return WordBag(words(text) if toks is None else toks).hits(lang)


def marker_language(text: str, candidates: frozenset[str], known: frozenset[str], guess: str | None) -> str | None:
    """A language the detector does not know, named by its spelling, or ``None``.

    ``candidates`` are the languages the script allows, ``known`` those the
    detector can answer, ``guess`` its answer.

    >>> marker_language("Bhí sé ag caint leis an bhfear agus a bhean.",
    ...                 frozenset({"en", "ga", "fr"}), frozenset({"en", "fr"}), "fr")
    'ga'
    """
    unknown = candidates - known
    lang = letter_language(text, candidates)
    if lang is not None and (lang in unknown or lang == guess):
        return lang
    if not unknown:
        return None
    toks = words(text)
    if not toks:
        return None
    for lang, rival in RIVALS.items():
        if lang in unknown and guess == rival:
            # One sentence has few of the words that tell them apart: more of its
            # own than of the rival's (kerana, not karena; је, not е), not a tie.
            if word_hits(text, lang, toks) > word_hits(text, rival, toks):
                return lang
    best, best_hits = None, 0
    for lang in sorted(unknown):
        if lang in RIVALS:
            continue
        h = word_hits(text, lang, toks)
        if h > best_hits:
            best, best_hits = lang, h
    # A quarter of the words, and at least two, from one small list is no accident.
    if best is not None and best_hits >= 2 and best_hits * 4 >= len(toks):
        return best
    return None


# A text with several letters outside a language's alphabet
# (cleaner.languages.Language.alphabet) is not in that language: this narrows
# the candidates before the detector is asked (Persian ی and ک are not Arabic,
# Macedonian has no щ, Russian no і).
_NON_ASCII_LOWER = re.compile(r"[^\x00-\x7f]")


def excluded(text: str, candidates: frozenset[str]) -> frozenset[str]:
    """The candidates whose alphabet ``text`` leaves too often (names allow a slip).

    >>> sorted(excluded("Він сказав, що їде додому.", frozenset({"ru", "uk", "bg"})))
    ['bg', 'ru']
    >>> sorted(excluded("من احمق نیستم", frozenset({"ar", "fa", "ur"})))
    ['ar']
    """
    lower = text.lower()
    # Each distinct letter beyond ASCII a-z once, with its count (the tests
    # below never count a-z).
    others = Counter(filter(str.isalpha, _NON_ASCII_LOWER.findall(lower)))
    if not others:
        return frozenset()  # nothing is outside any alphabet
    n_letters = sum(map(str.isalpha, lower))
    out = set()
    for lang in candidates:
        alpha = ALPHABETS.get(lang)
        if alpha is None:
            continue
        if lang in COMPLETE_ALPHABETS:
            # Letters of another Cyrillic or Arabic alphabet are rarely a loan.
            slips = n_letters // 50
        else:
            # Latin text borrows names: "à" in Dutch, "ü" in English.
            slips = 1 + n_letters // 40
        bad = sum(map(others.__getitem__, others.keys() - alpha))
        if bad > slips:
            out.add(lang)
    return frozenset(out)
