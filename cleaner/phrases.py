"""Phrase lists of web furniture, loaded from ``cleaner/data/boilerplate/*.txt``.

One phrase per line, ``#`` starts a comment.  Lines and phrases are compared
after :func:`normalize`, so case, full-width forms, punctuation and spacing do
not matter.  To extend a language, add lines to its file.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

_NOT_WORD = re.compile(r"[\W_]+")


def normalize(line: str) -> str:
    """Fold case, width and punctuation: the key lines and phrases are compared by.

    >>> normalize("  SHARE  this — Article! ")
    'share this article'
    """
    line = unicodedata.normalize("NFKC", line).casefold()
    return _NOT_WORD.sub(" ", line).strip()


@functools.lru_cache(maxsize=1)
def phrases() -> frozenset[str]:
    """Every phrase of every language file, normalised."""
    found = set()
    folder = resources.files("cleaner") / "data" / "boilerplate"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".txt"):
            continue
        for raw in entry.read_text(encoding="utf-8").splitlines():
            if raw.lstrip().startswith("#"):
                continue
            key = normalize(raw)
            if key:
                found.add(key)
    return frozenset(found)
