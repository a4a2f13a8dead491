"""Lines repeated across the documents of one run: site templates.

A scraped corpus repeats its sites' furniture on every page ("Our Staff",
slogans, footers) in forms no phrase list knows.  Before cleaning, the CLI
reads the run once and counts, for every normalised line, in how many
documents it occurs; while cleaning, a line found in at least ``min_docs``
documents is boilerplate with reason ``repeated-across-docs``.

The counter is a count-min sketch: fixed memory (``depth × width`` 32-bit
cells, 16 MiB by default) whatever the size of the run, counts that can only
be over-estimated (by colliding lines, rarely with these sizes), and, because
adding is commutative, the same counts whatever the order of the documents or
how the run is split between workers (:meth:`merge` adds two sketches).
Hashes are BLAKE2b, so they do not change between processes.

Only lines that could be template furniture are counted: at least
``MIN_CHARS`` characters once normalised (spaces left out), and shorter than
``MAX_CHARS``, because a long paragraph found in several documents is a copied
article, which is de-duplication's business, not ours.
"""
from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable

from .phrases import normalize

MIN_DOCS = 3
MIN_CHARS = 8
MAX_CHARS = 200


def eligible(key: str) -> bool:
    """Whether a normalised line is counted at all."""
    n = len(key) - key.count(" ")
    return MIN_CHARS <= n and len(key) < MAX_CHARS


def document_keys(lines: Iterable[str]) -> list[str]:
    """The distinct eligible normalised lines of one document, sorted: what
    :meth:`TemplateCounter.add_keys` counts (worker processes compute them)."""
    return sorted({k for k in (normalize(line) for line in lines) if eligible(k)})


class TemplateCounter:
    """In how many documents each line occurs (count-min sketch).

    >>> c = TemplateCounter(width=1024)
    >>> for doc in ["Our Staff\\nA story.", "Our staff!\\nAnother story.", "OUR STAFF\\nA third one."]:
    ...     c.add_document(doc.splitlines())
    >>> c.count(normalize("Our Staff")), c.is_template(normalize("our staff")), c.is_template("a story")
    (3, True, False)
    """

    def __init__(self, width: int = 1 << 20, depth: int = 4, min_docs: int = MIN_DOCS):
        if not 1 <= depth <= 8:
            raise ValueError("depth must be between 1 and 8")
        self.width, self.depth, self.min_docs = width, depth, min_docs
        self.table = array("I", bytes(4 * width * depth))
        self.documents = 0

    def _cells(self, key: str) -> list[int]:
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4 * self.depth).digest()
        return [r * self.width + int.from_bytes(digest[4 * r:4 * r + 4], "little") % self.width
                for r in range(self.depth)]

    def add_document(self, lines: Iterable[str]) -> None:
        """Count the distinct eligible lines of one document (raw lines)."""
        self.add_keys(document_keys(lines))

    def add_keys(self, keys: Iterable[str]) -> None:
        """Count one document given by its :func:`document_keys`."""
        for key in sorted(set(keys)):
            for cell in self._cells(key):
                self.table[cell] += 1
        self.documents += 1

    def merge(self, other: "TemplateCounter") -> None:
        """Add another counter's counts (same width and depth) to this one."""
        if (other.width, other.depth) != (self.width, self.depth):
            raise ValueError("cannot merge counters of different sizes")
        for i, v in enumerate(other.table):
            if v:
                self.table[i] += v
        self.documents += other.documents

    def count(self, key: str) -> int:
        """Documents (an upper bound) in which the normalised line ``key`` occurs."""
        return min(self.table[c] for c in self._cells(key))

    def is_template(self, key: str) -> bool:
        """Whether the normalised line ``key`` repeats in at least ``min_docs`` documents."""
        return self.min_docs > 0 and eligible(key) and self.count(key) >= self.min_docs
