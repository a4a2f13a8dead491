"""Lines repeated across the documents of one run: site templates and copies.

A scraped corpus repeats its sites' furniture on every page ("Our Staff",
slogans, footers) in forms no phrase list knows; it also repeats whole
articles (syndicated news, http/https twins, re-crawls).  The two must be told
apart: furniture goes from every page, a copied article must stay once.

Before cleaning, a first pass reads the run and learns, for every normalised
line, in how many documents it occurs and, for the lines found in several,
which document had it first (in input order, see ``cleaner.io.inputs.Item.order``).
While cleaning, :mod:`cleaner.classify` removes a repeated line as
``repeated-across-docs`` only when it is furniture by its shape (short, not
prose), and marks a repeated prose line ``duplicate`` (``cross-doc-dup``) in
every document but the first.

Counts live in a count-min sketch: fixed memory (``depth × width`` 32-bit
cells, 16 MiB by default) whatever the size of the run, counts that can only
be over-estimated (by colliding lines, rarely with these sizes), and, because
adding is commutative, the same counts whatever the order of the documents or
how the run is split between workers (:meth:`LineCounter.merge`).  The first
document of each line is found exactly: the pass spools each document's line
ids to a temporary file, and once the counts are known, keeps the first
document of the lines found in two or more (two sorted arrays, 16 bytes a
line).  Line ids are 64-bit BLAKE2b hashes, the same in every process.

The first pass repairs every document to see its lines as the second pass
will; most documents it leaves as they are.  For those it keeps the text's
fingerprint (16 bytes a document, with its order), and the second pass,
given the same text at the same place in the run, does not repair it again.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import tempfile
from array import array
from collections.abc import Iterable

MIN_DOCS = 3
MIN_CHARS = 8  # shorter lines (once normalised, spaces left out) are not remembered
_MASK64 = (1 << 64) - 1
# Odd 64-bit multipliers, one per row of the sketch (from SplitMix64 and
# MurmurHash3's finalisers): each row sees the line id scrambled differently.
_ROW_MIX = (
    0x9E3779B97F4A7C15,
    0xBF58476D1CE4E5B9,
    0x94D049BB133111EB,
    0xFF51AFD7ED558CCD,
    0xC4CEB9FE1A85EC53,
    0xD6E8FEB86659FD93,
    0xA0761D6478BD642F,
    0xE7037ED1A0B428DB,
)


def eligible(key: str) -> bool:
    """Whether a normalised line is remembered at all (at least ``MIN_CHARS``
    characters besides spaces)."""
    return len(key) - key.count(" ") >= MIN_CHARS


def line_id(key: str) -> int:
    """A stable 64-bit id of a normalised line."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def document_ids(lines: Iterable[str]) -> list[int]:
    """The ids of the distinct eligible normalised lines of one document,
    sorted: what the first pass learns from it (workers compute them)."""
    from .phrases import normalize  # (here: the command line reads MIN_DOCS without the phrase tables)

    return sorted({line_id(k) for k in (normalize(line) for line in lines) if eligible(k)})


def fingerprint(text: str) -> int:
    """A stable, nonzero 63-bit fingerprint of a document's text, the same in
    every process (0 is kept for "not known")."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return (int.from_bytes(digest, "little") >> 1) or 1


class LineCounter:
    """In how many documents each line occurs (count-min sketch over line ids).

    >>> c = LineCounter(width=1024)
    >>> for doc in ["Our Staff\\nA story.", "Our staff!\\nAnother story.", "OUR STAFF\\nA third one."]:
    ...     c.add_ids(document_ids(doc.splitlines()))
    >>> c.count(line_id("our staff")), c.count(line_id("another story"))
    (3, 1)
    """

    def __init__(self, width: int = 1 << 20, depth: int = 4):
        if not 1 <= depth <= len(_ROW_MIX):
            raise ValueError(f"depth must be between 1 and {len(_ROW_MIX)}")
        self.width, self.depth = width, depth
        self.table = array("I", bytes(4 * width * depth))
        self.documents = 0

    def _cells(self, ident: int) -> list[int]:
        return [r * self.width + (((ident * _ROW_MIX[r]) & _MASK64) >> 32) % self.width for r in range(self.depth)]

    def add_ids(self, ids: Iterable[int]) -> None:
        """Count one document given by its distinct line ids."""
        table = self.table
        for ident in ids:
            for cell in self._cells(ident):
                table[cell] += 1
        self.documents += 1

    def merge(self, other: LineCounter) -> None:
        """Add another counter's counts (same width and depth) to this one."""
        if (other.width, other.depth) != (self.width, self.depth):
            raise ValueError("cannot merge counters of different sizes")
        for i, v in enumerate(other.table):
            if v:
                self.table[i] += v
        self.documents += other.documents

    def count(self, ident: int) -> int:
        """Documents (an upper bound) in which the line ``ident`` occurs."""
        table = self.table
        return min(table[c] for c in self._cells(ident))


class Repeats:
    """What the first pass learned: counts, and the first document of each
    line found in two or more.

    ``min_docs``: a line of furniture found in at least this many documents
    is removed from all of them (0: never).
    """

    def __init__(
        self,
        counter: LineCounter,
        first_ids: array,
        first_docs: array,
        min_docs: int = MIN_DOCS,
        unrepaired: tuple[array, array] | None = None,
    ):
        self.counter = counter
        self.min_docs = min_docs
        self._ids, self._docs = first_ids, first_docs  # sorted by id
        # The orders (sorted) of the documents repair left as they were, and their fingerprints.
        orders, prints = unrepaired if unrepaired is not None else (array("q"), array("q"))
        self._same_orders: array = orders
        self._same_prints: array = prints

    @property
    def documents(self) -> int:
        return self.counter.documents

    def count(self, key: str) -> int:
        """Documents (an upper bound) in which the normalised line ``key`` occurs."""
        return self.counter.count(line_id(key)) if eligible(key) else 0

    def is_template(self, key: str) -> bool:
        """Whether the normalised line ``key`` repeats in at least ``min_docs`` documents."""
        return self.min_docs > 0 and self.count(key) >= self.min_docs

    def first(self, key: str) -> int | None:
        """The order (``Item.order``) of the first document that has ``key``,
        when it occurs in two or more documents; else ``None``."""
        if not eligible(key):
            return None
        ident = line_id(key)
        i = bisect.bisect_left(self._ids, ident)
        if i < len(self._ids) and self._ids[i] == ident:
            return self._docs[i]
        return None

    def unrepaired(self, order: int | None, text: str) -> bool:
        """Whether the first pass found that repair leaves ``text``, the
        document at ``order``, as it is (so it need not be repaired again)."""
        if order is None:
            return False
        i = bisect.bisect_left(self._same_orders, order)
        if i == len(self._same_orders) or self._same_orders[i] != order:
            return False
        return self._same_prints[i] == fingerprint(text)


class RepeatScanner:
    """The first pass: feed each document's line ids, then :meth:`finish`.

    >>> s = RepeatScanner(LineCounter(width=1024))
    >>> for order, doc in enumerate(["A copied paragraph here.\\nOne", "Other text here.", "A copied paragraph here."]):
    ...     s.add(order, document_ids(doc.splitlines()))
    >>> r = s.finish()
    >>> from cleaner.phrases import normalize
    >>> key = normalize("A copied paragraph here.")
    >>> r.count(key), r.first(key), r.first("other text here")
    (2, 0, None)
    """

    def __init__(self, counter: LineCounter | None = None, min_docs: int = MIN_DOCS):
        self.counter = counter or LineCounter()
        self.min_docs = min_docs
        fd, self._path = tempfile.mkstemp(prefix="cleaner-lines-", suffix=".bin")
        self._spool = os.fdopen(fd, "wb")

    def add(self, order: int, ids: list[int], unrepaired: int = 0) -> None:
        """Learn one document (its place in the run and :func:`document_ids`);
        ``unrepaired`` is its text's :func:`fingerprint` when repair leaves
        the text as it is, else 0."""
        self.counter.add_ids(ids)
        head = array("q", [order, len(ids), unrepaired])
        head.tofile(self._spool)
        array("Q", ids).tofile(self._spool)

    def finish(self) -> Repeats:
        """The counts, and the first document of every line found in two or more."""
        self._spool.close()
        first: dict[int, int] = {}
        same: list[tuple[int, int]] = []  # (order, fingerprint) of the documents repair left as they were
        try:
            with open(self._path, "rb") as f:
                while True:
                    head = array("q")
                    try:
                        head.fromfile(f, 3)
                    except EOFError:
                        break
                    order, n, known = head
                    if known:
                        same.append((order, known))
                    ids = array("Q")
                    ids.fromfile(f, n)
                    for ident in ids:
                        if self.counter.count(ident) >= 2:
                            prev = first.get(ident)
                            if prev is None or order < prev:
                                first[ident] = order
        finally:
            os.unlink(self._path)
        keys = sorted(first)
        first_docs = array("q", (first[k] for k in keys))
        same.sort()
        unrepaired = (array("q", (o for o, _ in same)), array("q", (k for _, k in same)))
        return Repeats(self.counter, array("Q", keys), first_docs, self.min_docs, unrepaired)

    def abort(self) -> None:
        """Drop the spool (a run that stops before :meth:`finish`)."""
        self._spool.close()
        try:
            os.unlink(self._path)
        except FileNotFoundError:
            pass
