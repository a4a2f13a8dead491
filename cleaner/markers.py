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
from collections.abc import Mapping
from functools import lru_cache

from .compiled import twin
from .languages import ALPHABETS, COMPLETE_ALPHABETS, MARKER_LETTERS, MARKER_WORDS, RIVALS
from .stopwords import word_index

# Irish initial mutations: bhfuil, gcuid, dtí, mbeidh, bhean, mhaith.
_GA_MUTATION = re.compile(r"(?:bhf|gc|dt|bh|mh|ng|n-|t-|h-)[aeiouáéíóú]")  # at a word's start
_GA_HEADS = frozenset({"bh", "gc", "dt", "mh", "ng", "n-", "t-", "h-"})
#: A word: letters, joined by single hyphens and apostrophes ("ice-cream", "l'eau").
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: A run of letters, no joiners: "l'eau" is "l" and "eau" (misread text breaks
#: apart at its symbols, "M³odzi" is "M" and "odzi").
LETTER_RUN = re.compile(r"[^\W\d_]+")
# The same words in lower-case ASCII text, where a letter is a-z (a plain range
# is tested faster than \w without digits and "_").
_ASCII_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


# The words of a text (WORD.findall) have a compiled twin (cleaner/_words.pyx).
_compiled = twin("_words")
#: The words of a text as written (``WORD.findall``).
find_words = _compiled.words if _compiled is not None else WORD.findall
#: The runs of letters of a text (``LETTER_RUN.findall``).
letter_runs = _compiled.letter_runs if _compiled is not None else LETTER_RUN.findall


def _py_folded_letter_runs(text: str) -> list[str]:
    """The reference of the compiled ``folded_letter_runs``."""
    return [w.casefold() for w in LETTER_RUN.findall(text)]


#: The case-folded runs of letters of a text (what stop-word lists are compared with).
folded_letter_runs = _compiled.folded_letter_runs if _compiled is not None else _py_folded_letter_runs


def _py_count_alpha(text: str) -> int:
    """How many characters of ``text`` are letters (the reference of the compiled ``count_alpha``)."""
    return sum(map(str.isalpha, text))


count_alpha = _compiled.count_alpha if _compiled is not None else _py_count_alpha


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``."""
    if text.isascii():
        # Lower-casing ASCII changes no length and no letter into a non-letter.
        return find_words(text.lower()) if _compiled is not None else _ASCII_WORD.findall(text.lower())
    return [w.lower() for w in find_words(text)]


def _py_folded_words(text: str) -> list[str]:
    """Case-folded words of ``text`` (what stop-word lists are compared with):
    the reference of the compiled ``folded_words``."""
    if text.isascii():
        return words(text)  # casefold is lower on ASCII
    return [w.casefold() for w in words(text)]


folded_words = _compiled.folded_words if _compiled is not None else _py_folded_words


def letter_language(text: str, allowed: frozenset[str]) -> str | None:
    """The one language in ``allowed`` whose own letters occur in ``text``, else ``None``.

    >>> letter_language("Həmin günlər", frozenset({"az", "tr"}))
    'az'
    >>> letter_language("Hello", frozenset({"az", "is"})) is None
    True
    """
    chars = set(text)  # (a set against a set: the smaller side is walked, not the text each time)
    found = [lang for lang, letters in MARKER_LETTERS.items() if lang in allowed and not letters.isdisjoint(chars)]
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
        # (``toks`` are words, as :func:`words` gives them: none holds a space)
        self.size = len(toks)
        self.counts = Counter(toks)
        self._mutated: list[str] | None = None
        self._hyphenated: list[str] | None = None
        self._table: dict[str, int] | None = None  # language -> hits of its list, once asked

    @property
    def mutated(self) -> list[str]:
        """The distinct words with an Irish initial mutation (bhfuil, gcuid)."""
        if self._mutated is None:
            # (every mutation starts with one of these two letters: most words are not asked)
            self._mutated = [w for w in self.counts if w[:2] in _GA_HEADS and _GA_MUTATION.match(w)]
        return self._mutated

    @property
    def hyphenated(self) -> list[str]:
        """The distinct words with a hyphen."""
        if self._hyphenated is None:
            self._hyphenated = [w for w in self.counts if "-" in w]
        return self._hyphenated

    def hits(self, lang: str) -> int:
        """How many of the words are frequent words of ``lang``."""
        vocab = MARKER_WORDS.get(lang)
        if not vocab:
            return 0
        counts = self.counts
        if self._table is None:
            # Every language's hits in one walk over the words (whole numbers:
            # the same sums as walking each list).
            index = _marker_index()
            table: dict[str, int] = {}
            for w, k in counts.items():
                for code in index.get(w, ()):
                    table[code] = table.get(code, 0) + k
            self._table = table
        hits = self._table.get(lang, 0)
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
    rivals = [(lang, rival) for lang, rival in RIVALS.items() if lang in unknown and guess == rival]
    by_words = _word_languages(unknown)
    if not rivals and not by_words:
        return None  # no language here has frequent words to count
    toks = words(text)
    if not toks:
        return None
    bag = WordBag(toks)  # (counted once for every language asked about)
    for lang, rival in rivals:
        # One sentence has few of the words that tell them apart: more of its
        # own than of the rival's (kerana, not karena; је, not е), not a tie.
        if bag.hits(lang) > bag.hits(rival):
            return lang
    best, best_hits = None, 0
    for lang in by_words:
        h = bag.hits(lang)
        if h > best_hits:
            best, best_hits = lang, h
    # A quarter of the words, and at least two, from one small list is no accident.
    if best is not None and best_hits >= 2 and best_hits * 4 >= len(toks):
        return best
    return None


@lru_cache(maxsize=1)
def _marker_index() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose frequent words (MARKER_WORDS) hold it."""
    return word_index(MARKER_WORDS.items())


@lru_cache(maxsize=256)
def _word_languages(unknown: frozenset[str]) -> tuple[str, ...]:
    """Those of ``unknown`` that :func:`marker_language` names by their frequent
    words (a list of them, and no rival that takes their place), in order."""
    return tuple(lang for lang in sorted(unknown) if lang not in RIVALS and MARKER_WORDS.get(lang))


# A text with several letters outside a language's alphabet
# (cleaner.languages.Language.alphabet) is not in that language: this narrows
# the candidates before the detector is asked (Persian ی and ک are not Arabic,
# Macedonian has no щ, Russian no і).
_NON_ASCII_LOWER = re.compile(r"[^\x00-\x7f]")


def _py_foreign_letters(lower: str) -> tuple[Mapping[str, int], int]:
    """(each letter of ``lower`` beyond ASCII, with its count; how many letters
    ``lower`` has, or 0 when none is beyond ASCII): the reference of the
    compiled ``foreign_letters`` (cleaner/_words.pyx).

    >>> _py_foreign_letters("añoñ ß1")
    (Counter({'ñ': 2, 'ß': 1}), 5)
    """
    others = Counter(filter(str.isalpha, _NON_ASCII_LOWER.findall(lower)))
    return others, count_alpha(lower) if others else 0


foreign_letters = _compiled.foreign_letters if _compiled is not None else _py_foreign_letters


def _py_folded_counts(counts: Mapping[str, int]) -> Counter[str]:
    """The counts of words (word -> count) summed by case-folded word: the
    reference of the compiled ``folded_counts`` (cleaner/_words.pyx).

    >>> _py_folded_counts({"The": 2, "the": 1, "STRASSE": 1, "straße": 1})
    Counter({'the': 3, 'strasse': 2})
    """
    folded: Counter[str] = Counter()
    for w, k in counts.items():
        folded[w.casefold()] += k
    return folded


folded_counts = _compiled.folded_counts if _compiled is not None else _py_folded_counts


def excluded(text: str, candidates: frozenset[str]) -> frozenset[str]:
    """The candidates whose alphabet ``text`` leaves too often (names allow a slip).

    >>> sorted(excluded("Він сказав, що їде додому.", frozenset({"ru", "uk", "bg"})))
    ['bg', 'ru']
    >>> sorted(excluded("من احمق نیستم", frozenset({"ar", "fa", "ur"})))
    ['ar']
    """
    # Each distinct letter beyond ASCII a-z once, with its count (the tests
    # below never count a-z).
    others, n_letters = foreign_letters(text.lower())
    if not others:
        return frozenset()  # nothing is outside any alphabet
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
