"""Phrase lists of web furniture, loaded from ``cleaner/data/boilerplate/*.txt``.

One phrase per line, ``#`` starts a comment.  Lines and phrases are compared
after :func:`normalize`, so case, full-width forms, punctuation and spacing do
not matter.  Three forms:

- ``phrase``: the whole line is the phrase (spaces ignored, so CJK spacing
  does not matter either);
- ``phrase ...``: a short line (at most :data:`PREFIX_MAX_WORDS` words) starts
  with the phrase, e.g. ``share ...`` for "Share on WhatsApp Messenger";
- ``... phrase ...``: the line contains the phrase anywhere (cookie notices,
  copyright lines), so only for phrases that never occur in article prose.

A short line made of two or more whole phrases in a row is one too (link
texts run together or split by a separator: "Leave a Reply Cancel reply",
"login | subscribe", "Share Tweet Share").

To extend a language, add lines to its file; to add a language, add a file.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from .compiled import twin
from .scripts import HAS_CJK

_NOT_WORD = re.compile(r"[\W_]+")
_ASCII_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Normalising keys has a compiled twin (cleaner/_words.pyx).
_compiled = twin("_words")
_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_SPACELESS = HAS_CJK  # phrases of languages written without spaces match without them
PREFIX_MAX_WORDS = 8
PREFIX_MAX_CHARS = 24  # the same for lines written without spaces
# A run of whole phrases: at most this many words in all, and in each phrase
# (the longest furniture phrases, "continue reading the main story", have five).
RUN_MAX_WORDS = 12
RUN_PHRASE_WORDS = 5


def normalize(line: str) -> str:
    """Fold case, width and punctuation: the key lines and phrases are compared by.

    >>> normalize("  SHARE  this — Article! ")
    'share this article'
    """
    if line.isascii():
        # (NFKC leaves ASCII alone, casefold is lower, and \W_ is all but a-z and 0-9)
        line = line.lower()
        return _alnum_runs(line) if _compiled is not None else _ASCII_NOT_WORD.sub(" ", line).strip()
    return _alnum_runs(unicodedata.normalize("NFKC", line).casefold())


def _py_alnum_runs(text: str) -> str:
    """The reference of the compiled ``alnum_runs`` (cleaner/_words.pyx)."""
    return _NOT_WORD.sub(" ", text).strip()


_alnum_runs = _compiled.alnum_runs if _compiled is not None else _py_alnum_runs


@dataclass(frozen=True)
class PhraseSet:
    """The three kinds of phrase, normalised."""

    whole: frozenset[str]  # keys with spaces removed
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]

    def match(self, key: str) -> str:
        """How the normalised line ``key`` matches: ``whole``, ``prefix``, ``contains`` or ''.

        >>> p = phrases()
        >>> p.match(normalize("Share on WhatsApp Messenger")), p.match("share prices fell")
        ('prefix', '')
        >>> p.match("accessibility links")
        'whole'

        """
        if not key:
            return ""
        compact = key.replace(" ", "")
        if compact in self.whole or (_DIGIT.search(compact) and _DIGITS.sub("", compact) in self.whole):
            return "whole"  # (counts do not matter: "Comments (12)", "Share 45")
        spaced, spaceless_contains, prefixes, spaceless_prefixes, longest, firsts = self._index
        spaceless = bool(_SPACELESS.search(key))
        # (a spaced phrase can only be there when its first word is one of the line's,
        # and one written without spaces only in a line that has such letters)
        if (not firsts.isdisjoint(key.split(" ")) and spaced.search(f" {key} ")) or (
            spaceless and spaceless_contains.search(compact)
        ):
            return "contains"
        if (len(compact) <= PREFIX_MAX_CHARS) if spaceless else (key.count(" ") < PREFIX_MAX_WORDS):
            words = key.split(" ")
            for k in range(1, min(len(words), longest + 1)):
                if " ".join(words[:k]) in prefixes:
                    return "prefix"
            if compact.startswith(spaceless_prefixes):
                return "prefix"
        return ""

    def run(self, key: str) -> bool:
        """Whether the normalised line ``key`` (digits aside) is two or more
        whole phrases in a row.

        >>> p = phrases()
        >>> p.run(normalize("Leave a Reply Cancel reply")), p.run(normalize("login | subscribe"))
        (True, True)
        >>> p.run(normalize("Share prices fell")), p.run(normalize("Share"))
        (False, False)
        """
        words = _DIGITS.sub(" ", key).split() if _DIGIT.search(key) else key.split(" ")
        n = len(words)
        if not 2 <= n <= RUN_MAX_WORDS:
            return False
        # (ends[i]: the words before i are whole phrases; most lines fail at their first word)
        ends = [True] + [False] * n
        for i in range(n):
            if ends[i]:
                for j in range(i + 1, min(n, i + RUN_PHRASE_WORDS) + 1):
                    if not ends[j] and "".join(words[i:j]) in self.whole and (i or j < n):
                        ends[j] = True
        return ends[n]

    @functools.cached_property
    def _index(self):
        """(one pattern for the spaced "contains" phrases, one for the others
        without their spaces, the prefixes, the unspaced prefixes without spaces, the most
        words in a prefix, the first words of the spaced "contains" phrases):
        one scan per line instead of one per phrase, and none for most lines."""
        spaced = [c for c in self.contains if not _SPACELESS.search(c)]
        unspaced = sorted(c.replace(" ", "") for c in self.contains if _SPACELESS.search(c))
        return (
            _any_of(spaced, " (?:", ") "),
            _any_of(unspaced, "(?:", ")"),
            frozenset(self.prefixes),
            tuple(p.replace(" ", "") for p in self.prefixes if _SPACELESS.search(p)),
            max((p.count(" ") + 1 for p in self.prefixes), default=0),
            frozenset(c.split(" ", 1)[0] for c in spaced),
        )

    def __contains__(self, key: str) -> bool:
        return bool(self.match(key))


def _any_of(phrases: list[str], before: str, after: str) -> re.Pattern:
    """One pattern that finds any of ``phrases`` (between ``before`` and
    ``after``); one that finds nothing when there are none.  The phrases are
    grouped by their first characters (a trie), so at each place the engine
    tries a handful of branches rather than every phrase: what it finds is
    the same."""
    if not phrases:
        return re.compile("(?!)")
    return re.compile(before + _trie(sorted(set(phrases))) + after)


def _trie(phrases: list[str]) -> str:
    """A pattern for the sorted, distinct ``phrases``, nested by shared first characters."""
    groups: dict[str, list[str]] = {}
    ends = False  # the empty string is one of them
    for p in phrases:
        if p:
            groups.setdefault(p[0], []).append(p[1:])
        else:
            ends = True
    branches = [re.escape(ch) + _trie(rest) if rest != [""] else re.escape(ch) for ch, rest in groups.items()]
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends and branches else body


def _phrase_set(texts) -> PhraseSet:
    """The phrases of some files' ``texts`` (the format of the module docstring)."""
    whole, prefixes, contains = set(), set(), set()
    for text in texts:
        for raw in text.splitlines():
            raw = raw.strip()
            if not raw or raw.startswith("#"):
                continue
            lead, trail = raw.startswith("..."), raw.endswith("...")
            key = normalize(raw.strip(". "))
            if not key:
                continue
            if lead and trail:
                contains.add(key)
            elif trail:
                prefixes.add(key)
            else:
                whole.add(key.replace(" ", ""))
    return PhraseSet(frozenset(whole), tuple(sorted(prefixes)), tuple(sorted(contains)))


@functools.lru_cache(maxsize=1)
def phrases() -> PhraseSet:
    """Every phrase of every language file, normalised."""
    folder = resources.files("cleaner") / "data" / "boilerplate"
    entries = sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
    return _phrase_set(entry.read_text(encoding="utf-8") for entry in entries)


@functools.cache
def _section_headers(name: str) -> PhraseSet:
    """The phrases of ``cleaner/data/sections/<name>.txt``, normalised."""
    path = resources.files("cleaner") / "data" / "sections" / f"{name}.txt"
    return _phrase_set([path.read_text(encoding="utf-8")])


def _heads_section(name: str, key: str) -> bool:
    """Whether the normalised line ``key``, digits ignored, is a header of
    :func:`_section_headers` ``name``."""
    return bool(key) and bool(_section_headers(name).match(" ".join(_DIGITS.sub(" ", key).split())))


@functools.lru_cache(maxsize=1 << 12)  # (short lines recur from page to page)
def is_related_header(key: str) -> bool:
    """Whether the normalised line ``key`` heads what follows an article:
    related stories, tags, most read, the next post
    (``cleaner/data/sections/related.txt``; digits ignored).

    >>> is_related_header(normalize("Related Coverage")), is_related_header(normalize("Читайте также:"))
    (True, True)
    >>> is_related_header(normalize("More on Amazon")), is_related_header(normalize("相关阅读"))
    (True, True)
    >>> is_related_header(normalize("Related research suggests otherwise."))
    False
    """
    return _heads_section("related", key)


@functools.lru_cache(maxsize=1 << 12)
def is_live_header(key: str) -> bool:
    """Whether the normalised line ``key`` heads a live feed, a ticker of
    other stories beside the article (``cleaner/data/sections/live.txt``;
    digits ignored).

    >>> is_live_header(normalize("En direct")), is_live_header(normalize("Лента новостей"))
    (True, True)
    >>> is_live_header(normalize("Live music returns to the park."))
    False
    """
    return _heads_section("live", key)


@functools.lru_cache(maxsize=1 << 12)
def is_share_bar(key: str) -> bool:
    """Whether the normalised line ``key`` is a share bar ("Share", "Share
    this article", "Поделиться", "分享到"; ``cleaner/data/sections/share.txt``;
    digits ignored).

    >>> is_share_bar(normalize("Share This Article:")), is_share_bar(normalize("Поделиться: ВКонтакте"))
    (True, True)
    >>> is_share_bar(normalize("Shareholders approved the merger on Monday."))
    False
    """
    return _heads_section("share", key)


@functools.lru_cache(maxsize=1 << 12)
def is_byline(key: str) -> bool:
    """Whether the normalised line ``key`` starts like a byline ("By Telford
    Vice", "Von Anna Müller", "Автор: Иван Петров";
    ``cleaner/data/sections/byline.txt``); the caller checks that a name follows.

    >>> is_byline(normalize("By Telford Vice")), is_byline(normalize("Автор: Иван Петров"))
    (True, True)
    >>> is_byline(normalize("Bypass to open in May"))
    False
    """
    return bool(key) and bool(_section_headers("byline").match(key))


def _strip_digits(key: str) -> str:
    return _DIGITS.sub("", key).replace(" ", "")


@functools.lru_cache(maxsize=1)
def _comment_headers() -> frozenset[str]:
    path = resources.files("cleaner") / "data" / "sections" / "comments.txt"
    out = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        raw = raw.strip()
        if raw and not raw.startswith("#"):
            key = _strip_digits(normalize(raw))
            if key:
                out.add(key)
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 12)
def is_comment_header(key: str) -> bool:
    """Whether the normalised line ``key`` opens a comment section
    (``cleaner/data/sections/comments.txt``; digits ignored, so counts match).

    >>> is_comment_header(normalize("[ 167 comments ]")), is_comment_header(normalize("Kommentare (3)"))
    (True, True)
    >>> is_comment_header(normalize("Comments on the budget were mixed."))
    False
    """
    return bool(key) and _strip_digits(key) in _comment_headers()


@functools.lru_cache(maxsize=1)
def _author_headers() -> tuple[frozenset[str], tuple[str, ...]]:
    path = resources.files("cleaner") / "data" / "sections" / "author.txt"
    whole: set[str] = set()
    prefixes: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        raw = raw.strip()
        if raw and not raw.startswith("#"):
            key = normalize(raw.strip(". "))
            if key:
                (prefixes if raw.endswith("...") else whole).add(key)
    return frozenset(whole), tuple(sorted(prefixes))


def is_author_header(key: str) -> str:
    """How the normalised line ``key`` reads like an author box's header
    (``cleaner/data/sections/author.txt``): ``whole`` ("Über den Autor"),
    ``prefix`` ("About Jane Doe": the caller checks that a name follows) or ''.

    >>> is_author_header(normalize("Über Moritz Bachmann")), is_author_header(normalize("About the author"))
    ('prefix', 'whole')
    >>> is_author_header(normalize("Abouts"))
    ''
    """
    whole, prefixes = _author_headers()
    if key in whole:
        return "whole"
    compact = key.replace(" ", "")
    for p in prefixes:
        if key.startswith(p + " ") or (
            _SPACELESS.search(p) and compact.startswith(p.replace(" ", "")) and len(compact) > len(p.replace(" ", ""))
        ):
            return "prefix"
    return ""
