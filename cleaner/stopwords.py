"""Stop-word lists (``cleaner/data/stopwords/<lang>.txt``) and which one fits a text.

The lists are case-folded (see the README beside them), so words are looked up
as ``word.casefold()``.  Which list to use for a line is decided per document
and per script by :func:`pick_languages`: the list that covers most of the
document's words written in that script.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from importlib import resources
from itertools import chain, repeat

from .compiled import twin
from .languages import SCRIPT_LANG

# stopword_hits has a compiled twin (cleaner/_stopwords.pyx).
_compiled = twin("_stopwords")


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of ``lang`` (empty when there is no list for it)."""
    path = resources.files("cleaner") / "data" / "stopwords" / f"{lang}.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except (FileNotFoundError, OSError):
        return frozenset()


@functools.lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """Every language that has a list, sorted."""
    folder = resources.files("cleaner") / "data" / "stopwords"
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """word -> languages whose list has it."""
    return word_index((lang, stopwords(lang)) for lang in languages())


def word_index(lists: Iterable[tuple[str, Iterable[str]]]) -> dict[str, tuple[str, ...]]:
    """word -> the languages whose list holds it, in the order of ``lists``
    ((language, its words) pairs): what the per-word counters look words up in.

    >>> word_index([("en", ["the", "a"]), ("es", ["a"])])
    {'the': ('en',), 'a': ('en', 'es')}
    """
    # A list at a time, its words as one dict (most are on no list before it):
    # a fifth of the time of a loop over every word, at every run's start.
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in lists:
        single = (lang,)
        new: dict[str, tuple[str, ...]] = dict.fromkeys(words, single)
        for w in new.keys() & out.keys():
            new[w] = out[w] + single
        out.update(new)
    return out


def stopword_hits(words: Iterable[str]) -> Counter[str]:
    """For each language, how many of ``words`` (case-folded) its stop list has.

    >>> hits = stopword_hits(["pero", "luego", "me", "di", "cuenta"])
    >>> hits["es"], hits["en"]
    (3, 0)
    """
    if _compiled is not None:
        return _compiled_hits()(words)
    # Looked up and counted in C: common words are on dozens of lists.
    return Counter(chain.from_iterable(map(_index().get, words, repeat(()))))


def py_stopword_hits(words: Iterable[str]) -> Counter[str]:
    """The reference :func:`stopword_hits` (the compiled twin is tested against it)."""
    return Counter(chain.from_iterable(map(_index().get, words, repeat(()))))


@functools.lru_cache(maxsize=1)
def _compiled_hits():
    """The compiled twin's counting, given the index once."""
    assert _compiled is not None
    _compiled.init(_index())
    return _compiled.hits


def top_own(words: Iterable[str], lang: str) -> tuple[int, int]:
    """(the most hits any stop list has among ``words``, the hits of ``lang``'s
    list): :func:`stopword_hits` asked only that, as for each clause of a line.

    >>> top_own(["pero", "luego", "me", "di", "cuenta"], "en")
    (3, 0)
    """
    if _compiled is not None:
        _compiled_hits()  # (the index, once)
        return _compiled.top_own(words, lang)
    return py_top_own(words, lang)


def py_top_own(words: Iterable[str], lang: str) -> tuple[int, int]:
    """The reference :func:`top_own` (compiled twin: cleaner/_stopwords.pyx)."""
    hits = py_stopword_hits(words)
    return max(hits.values(), default=0), hits.get(lang, 0)


def _compiled_counted():
    _compiled_hits()  # (the index, once)
    assert _compiled is not None
    return _compiled.counted


def py_top(hits: Mapping[str, int]) -> tuple[frozenset[str], int]:
    """(the languages with the most hits, that number) of ``hits`` (language ->
    hits); no language and 0 when there are none.  The reference of
    :func:`top` (compiled twin: cleaner/_stopwords.pyx).

    >>> py_top({"en": 3, "fr": 1, "de": 3}) == (frozenset({"en", "de"}), 3)
    True
    """
    best = max(hits.values(), default=0)
    return frozenset([c for c, k in hits.items() if k == best]), best


top = _compiled.top if _compiled is not None else py_top


def known_words(words: Iterable[str]) -> int:
    """How many of ``words`` are a stop word of some language.

    >>> known_words(["því", "žvķ", "the"])
    2
    """
    index = _index()
    return sum(1 for w in words if w.casefold() in index)


def named_stoplist(script: str) -> str | None:
    """The language ``script`` names by itself, when it has a stop list.

    >>> named_stoplist("Geor"), named_stoplist("Latn"), named_stoplist("Sinh")
    ('ka', None, None)
    """
    named = SCRIPT_LANG.get(script)
    return named if named and stopwords(named) else None


def pick_languages(words_by_script: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """For each script, the language whose stop list covers most of its words.

    Ties go to the alphabetically first language, so the choice never depends
    on input order.  A script with no stop-word hit gets no entry; a script
    that names its language (``cleaner.languages.SCRIPT_LANG``) gets that
    language when it has a stop list.

    >>> pick_languages({"Latn": "the cat sat on the mat and it was the end".split()})
    {'Latn': 'en'}
    """
    out = {}
    for script, words in words_by_script.items():
        named = named_stoplist(script)
        if named:
            out[script] = named
            continue
        hits = counted_hits(Counter(words))
        if hits:
            out[script] = min(hits, key=lambda lang: (-hits[lang], lang))
    return out


def counted_hits(counts: Mapping[str, int]) -> dict[str, int]:
    """For each language, how many of the words its stop list has, from the
    words' counts (a document's words: each distinct word is looked up once).
    The same numbers as :func:`stopword_hits` of the words themselves.

    >>> counted_hits({"the": 3, "cat": 1}).get("en")
    3
    """
    if _compiled is not None:
        return _compiled_counted()(counts)
    out: dict[str, int] = {}
    index = _index()
    for word, k in counts.items():
        for lang in index.get(word, ()):
            out[lang] = out.get(lang, 0) + k
    return out


# Words of speech (``cleaner/data/spoken/<lang>.txt``): the function words a
# conversation is made of that Wikipedia's most frequent words lack (English
# "my", "I'm", "you're"; Spanish "yo", "tú", "estoy"; German "ich", "du", "bin";
# Turkish "ben", "sen", "evet").  They add to the stop lists only where the
# identify stage asks a line's function words which of a conversation's
# languages it speaks; the stop-word density of a line (boilerplate) keeps the
# plain lists.  See the README beside the lists.


@functools.cache
def spoken_words(lang: str) -> frozenset[str]:
    """The words of speech of ``lang`` its stop list lacks (empty when there is no
    list), each with a typographic apostrophe too ("you’re" as "you're")."""
    path = resources.files("cleaner") / "data" / "spoken" / f"{lang}.txt"
    try:
        words = path.read_text(encoding="utf-8").split()
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(words + [w.replace("'", "’") for w in words]) - stopwords(lang)


@functools.lru_cache(maxsize=1)
def _spoken_index() -> dict[str, tuple[str, ...]]:
    """word -> languages whose words of speech (beyond its stop list) have it."""
    folder = resources.files("cleaner") / "data" / "spoken"
    langs = sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))
    return word_index((lang, spoken_words(lang)) for lang in langs)


def spoken_hits(words: Iterable[str]) -> Counter[str]:
    """:func:`stopword_hits` with the words of speech counted too (case-folded words).

    >>> hits = spoken_hits(["i'm", "here", "with", "my", "sister"])
    >>> hits["en"], stopword_hits(["i'm", "here", "with", "my", "sister"])["en"]
    (4, 1)
    """
    words = list(words)
    hits = stopword_hits(words)
    # (looked up and counted in C; languages new to ``hits`` follow in the order of their first word)
    hits.update(Counter(chain.from_iterable(map(_spoken_index().get, words, repeat(())))))
    return hits
