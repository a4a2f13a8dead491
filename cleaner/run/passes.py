"""The first pass of a run: learn which lines repeat across its documents
(:mod:`cleaner.repeats`), in this process or in the pool's, with progress."""

from __future__ import annotations

from collections.abc import Iterator

from ..io.inputs import Failure, Item, Notice
from ..repeats import Repeats, RepeatScanner
from .pool import Items, Workers, line_ids
from .progress import Progress, Stats

FIRST_PASS = "learning repeated lines: "


def learn_repeats(
    items: Items, min_docs: int, workers: Workers | None = None, progress: Progress | None = None
) -> Repeats | None:
    """What the run's readable documents repeat, or ``None`` when the run has
    fewer than ``min_docs`` documents (nothing can be repeated that often).

    Unreadable inputs are skipped here and reported by the second pass.  Counts
    and first documents do not depend on how the work is split, so the result
    is the same for any number of workers.
    """
    scanner = RepeatScanner(min_docs=min_docs)
    seen = Stats()  # documents and bytes read so far, for the progress line

    def counted() -> Iterator[Item | Failure | Notice]:
        for item in items:
            if isinstance(item, Item):
                seen.docs += 1
                seen.bytes += len(item.data)
            yield item

    try:
        chunks = workers.map(line_ids, counted()) if workers is not None else (line_ids([item]) for item in counted())
        for docs in chunks:
            for order, ids, unrepaired in docs:
                scanner.add(order, ids, unrepaired)
            if progress is not None:
                progress.update(seen, what=FIRST_PASS)
    except BaseException:
        scanner.abort()
        raise
    if progress is not None:
        progress.done()
    repeats = scanner.finish()
    return repeats if repeats.documents >= min_docs else None
