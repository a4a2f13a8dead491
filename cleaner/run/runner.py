"""The runs themselves: every item of the inputs into one output stream, or
each input file into its own output file under ``-o DIR``."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from .. import emit
from ..io.inputs import Failure, Item, Notice, ReadOptions, read_file
from ..io.outputs import Output
from .job import CleanJob, report
from .plan import Pair, files_to_do, plan_folder, report_problems
from .pool import Items, Workers, clean_items
from .progress import Progress, Stats

Fail = Callable[[str, str], None]
Warn = Callable[[str, str, str], None]


def run_stream(
    items: Items,
    job: CleanJob,
    out: Output,
    fail: Fail,
    warn: Warn,
    progress: Progress,
    stats: Stats,
    workers: Workers | None = None,
) -> None:
    """Clean ``items`` into one output stream, in order."""
    if job.fmt == "tsv":
        out.write(emit.tsv_header())
    try:
        for r in clean_items(items, job, workers):
            stats.add(r)
            if r.error is not None or r.warnings:
                progress.done()
                report(r, fail, warn)
            if r.error is None:
                out.write(r.out)
            progress.update(stats)
    finally:
        progress.done()


def _pair_items(pairs: list[Pair], read_opts: ReadOptions, starts: list[int]) -> Iterator[Item | Failure | Notice]:
    """The items of each pair's input in turn; ``starts`` gets, per pair, the
    number of items read before it."""
    n = 0
    for pair in pairs:
        starts.append(n)
        for item in read_file(pair.src, read_opts):
            n += 1
            yield item


def run_folder(
    pairs: list[Pair],
    read_opts: ReadOptions,
    job: CleanJob,
    fail: Fail,
    warn: Warn,
    progress: Progress,
    stats: Stats,
    workers: Workers | None = None,
) -> None:
    """Clean each pair's input file into its output file (atomically: an
    output appears only when complete, and none for an unreadable input)."""
    # Which output each result belongs to: results come back in input order,
    # so the item counter tells where one file ends and the next begins.
    starts: list[int] = []
    items = _pair_items(pairs, read_opts, starts)
    current: Output | None = None
    current_failed = False  # the input file itself could not be read: no output
    file_no = -1
    index = 0

    def close_current() -> None:
        nonlocal current
        if current is not None:
            if current_failed:
                current.abort()
            else:
                current.commit()
            current = None

    def switch_to(k: int) -> None:
        nonlocal current, current_failed, file_no
        while file_no < k:
            close_current()
            file_no += 1
            current_failed = False
            current = Output(pairs[file_no].dst)
            if job.fmt == "tsv":
                current.write(emit.tsv_header())

    try:
        for r in clean_items(items, job, workers):
            # The result belongs to the last file whose first item index <= index.
            k = max(file_no, 0)
            while k + 1 < len(starts) and starts[k + 1] <= index:
                k += 1
            switch_to(k)
            index += 1
            stats.add(r)
            if r.error is not None and r.error[0] == pairs[file_no].src.path:
                current_failed = True
            if r.error is not None or r.warnings:
                progress.done()
                report(r, fail, warn)
            if r.error is None:
                assert current is not None
                current.write(r.out)
            progress.update(stats)
        # Files after the last item (empty ones) still get their (empty) output.
        switch_to(len(pairs) - 1)
        close_current()
    except BaseException:
        if current is not None:
            current.abort()
        raise
    finally:
        progress.done()


def total_size(pairs: list[Pair]) -> int:
    """Bytes of all inputs (for the progress line's percentage and ETA)."""
    total = 0
    for p in pairs:
        try:
            total += os.path.getsize(p.src.path)
        except OSError:
            pass
    return total


def plan_tree(
    inputs: list[str],
    out_dir: str,
    read_opts: ReadOptions,
    job: CleanJob,
    resume: bool,
    fail: Fail,
    warn: Warn,
    stats: Stats,
) -> list[Pair]:
    """The pairs a folder run still has to clean: problems reported, and with
    ``resume`` the inputs whose output exists skipped (counted in ``stats``)."""
    pairs, problems = plan_folder(inputs, out_dir, job.fmt, read_opts)
    stats.failures += report_problems(problems, fail, warn)
    todo, stats.skipped_files = files_to_do(pairs, resume)
    return todo


def clean_tree(
    inputs: list[str],
    out_dir: str,
    read_opts: ReadOptions,
    job: CleanJob,
    resume: bool,
    fail: Fail,
    warn: Warn,
    stats: Stats,
    workers: Workers | None = None,
    show_progress: bool = False,
) -> None:
    """Clean every file under ``inputs`` into the same tree under ``out_dir``."""
    todo = plan_tree(inputs, out_dir, read_opts, job, resume, fail, warn, stats)
    run_folder(todo, read_opts, job, fail, warn, Progress(show_progress, total_size(todo) or None), stats, workers)
