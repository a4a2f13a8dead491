"""Worker processes: one :class:`Pipeline` each, chunks of items in, results
out in input order, with a bounded number of chunks in flight so memory stays
flat however large the input.

One pool (:class:`Workers`) serves both passes of a run, so the first pass
(learning repeated lines) leaves each worker's caches warm for the second.
What the first pass learned reaches the workers through a temporary file, read
once by each, removed when the pool closes.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any

from ..io.inputs import Failure, Item, Notice
from ..pipeline import Pipeline, first_pass
from ..repeats import Repeats
from .job import CleanJob, Result, process_item

CHUNK_DOCS = 32
CHUNK_BYTES = 1 << 20
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker: enough to keep it busy, no more
# How often a feeder waiting for a free slot looks whether the pool is closing.
CLOSING_POLL_SECONDS = 0.05

Items = Iterable[Item | Failure | Notice]

_WORKER: tuple[Pipeline, CleanJob] | None = None
_REPEATS_FROM: str | None = None  # the file this worker's repeats came from


def _init_worker(job: CleanJob) -> None:
    global _WORKER
    # The parent handles Ctrl-C and SIGTERM and ends the pool (with SIGTERM):
    # a worker just stops, without a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = (Pipeline(job.options, job.repeats), job)


def _clean_chunk(repeats_file: str | None, chunk: list[Item | Failure | Notice]) -> list[Result]:
    """Clean a chunk; the first time a worker is given ``repeats_file`` it
    loads what the first pass learned from it."""
    global _REPEATS_FROM
    assert _WORKER is not None
    pipeline, job = _WORKER
    if repeats_file != _REPEATS_FROM:
        repeats = None
        if repeats_file is not None:
            with open(repeats_file, "rb") as f:
                repeats = pickle.load(f)
        pipeline.repeats = repeats
        _REPEATS_FROM = repeats_file
    return [process_item(pipeline, job, item) for item in chunk]


def line_ids(chunk: list[Item | Failure | Notice]) -> list[tuple[int, list[int], int]]:
    """(order, line ids, fingerprint when repair changes nothing, else 0) of
    each readable document of ``chunk`` (the first pass: :func:`cleaner.pipeline.first_pass`)."""
    out = []
    for item in chunk:
        if not isinstance(item, Item):
            continue
        try:
            out.append((item.order, *first_pass(item.data, item.kind == "html", item.content_type)))
        except Exception:  # noqa: BLE001 (reported when the document itself is cleaned)
            continue
    return out


def _start_method() -> str:
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


class Workers:
    """One pool of ``jobs`` worker processes for both passes of a local run.

    ``with Workers(job, 2) as workers:`` then ``workers.map(line_ids, items)``
    for the first pass and :func:`clean_items` with ``workers`` for the second.
    """

    def __init__(self, job: CleanJob, jobs: int):
        self.jobs = jobs
        if _start_method() == "fork":
            # Load the detector's profiles once, here: forked workers share them
            # (copy-on-write) instead of each loading its own.
            Pipeline(job.options)
        self._pool = mp.get_context(_start_method()).Pool(
            jobs, initializer=_init_worker, initargs=(replace(job, repeats=None),)
        )
        self._files: dict[int, tuple[Repeats, str]] = {}
        self._closing = threading.Event()

    def map(self, func: Callable[[list], Any], items: Items) -> Iterator[Any]:
        """``func`` over chunks of ``items``, results in input order."""
        return _pool_map(self._pool, func, items, self.jobs, self._closing)

    def repeats_file(self, repeats: Repeats | None) -> str | None:
        """A file holding ``repeats`` for the workers (written once per object)."""
        if repeats is None:
            return None
        if id(repeats) not in self._files:
            fd, path = tempfile.mkstemp(prefix="cleaner-repeats-", suffix=".pickle")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(repeats, f, protocol=pickle.HIGHEST_PROTOCOL)
            self._files[id(repeats)] = (repeats, path)  # (keeps the id valid)
        return self._files[id(repeats)][1]

    def close(self) -> None:
        # A feeder stops first: ending the pool waits for it, and idle workers
        # hold the task queue until it sends them something or stops.
        self._closing.set()
        self._pool.terminate()
        self._pool.join()
        for _repeats, path in self._files.values():
            with contextlib.suppress(OSError):
                os.unlink(path)
        self._files.clear()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def chunks(items: Items) -> Iterator[list[Item | Failure | Notice]]:
    """``items`` in chunks of at most ``CHUNK_DOCS`` items or about ``CHUNK_BYTES``."""
    chunk: list[Item | Failure | Notice] = []
    size = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Item):
            size += len(item.data)
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _pool_map(pool, func: Callable[[list], Any], items: Items, jobs: int, closing: threading.Event) -> Iterator[Any]:
    """``func`` over chunks of ``items`` in ``pool``, results in input order;
    the feeding stops when ``closing`` is set."""
    # Pool.imap reads its input as fast as it can; the semaphore holds the
    # feeder back so only a bounded number of chunks is ever in memory.
    slots = threading.Semaphore(jobs * IN_FLIGHT_PER_JOB)

    def fed() -> Iterator[list[Item | Failure | Notice]]:
        for chunk in chunks(items):
            # (the results of the chunks in flight may never be taken: the
            # reader of the output left, Ctrl-C)
            while not slots.acquire(timeout=CLOSING_POLL_SECONDS):
                if closing.is_set():
                    return
            if closing.is_set():
                return
            yield chunk

    for result in pool.imap(func, fed()):
        slots.release()
        yield result


def clean_items(items: Items, job: CleanJob, workers: Workers | None = None) -> Iterator[Result]:
    """Results for ``items``, in input order: in this process, or in the
    processes of ``workers``."""
    if workers is None:
        pipeline = Pipeline(job.options, job.repeats)
        for item in items:
            yield process_item(pipeline, job, item)
        return
    for results in workers.map(partial(_clean_chunk, workers.repeats_file(job.repeats)), items):
        yield from results
