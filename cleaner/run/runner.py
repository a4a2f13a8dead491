"""The runs themselves: every item of the inputs into one output stream, or
each input file into its own output file under ``-o DIR``."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import replace

from .. import emit
from ..io.inputs import STDIN, Failure, Item, Notice, ReadOptions, RepeatedIds, flag_repeated_ids, read, read_file
from ..io.outputs import Output
from .job import CleanJob, Result, report
from .passes import learn_repeats
from .plan import Pair, RunSpec, files_to_do, plan_folder, report_problems
from .pool import Items, Workers, clean_items
from .progress import Progress, Stats

Fail = Callable[[str, str], None]
Warn = Callable[[str, str, str], None]


def _account(r: Result, stats: Stats, progress: Progress, fail: Fail, warn: Warn) -> bool:
    """Count one result, say what went wrong with it, redraw the progress line;
    whether its output is to be written."""
    stats.add(r)
    if r.error is not None or r.warnings:
        progress.done()
        report(r, fail, warn)
    progress.update(stats)
    return r.error is None


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
            if _account(r, stats, progress, fail, warn):
                out.write(r.out)
    finally:
        progress.done()


def _pair_items(pairs: list[Pair], read_opts: ReadOptions, starts: list[int]) -> Iterator[Item | Failure | Notice]:
    """The items of each pair's input in turn (a repeated document name
    said); ``starts`` gets, per pair, the number of items read before it."""
    n = 0
    ids = RepeatedIds()
    for pair in pairs:
        starts.append(n)
        for item in flag_repeated_ids(read_file(pair.src, read_opts), ids):
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
            if r.error is not None and r.error[0] == pairs[file_no].src.path:
                current_failed = True
            if _account(r, stats, progress, fail, warn):
                assert current is not None
                current.write(r.out)
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


def plan_tree(spec: RunSpec, fail: Fail, warn: Warn, stats: Stats) -> list[Pair]:
    """The pairs a folder run still has to clean: problems reported, and with
    ``resume`` the inputs whose output exists skipped (counted in ``stats``)."""
    assert spec.output is not None
    planned = spec.planned or plan_folder(list(spec.inputs), spec.output, spec.job.fmt, spec.read)
    pairs, problems = planned
    stats.failures += report_problems(problems, fail, warn)
    todo, stats.skipped_files = files_to_do(pairs, spec.resume)
    return todo


def rereadable(path: str) -> bool:
    """Whether ``path`` can be read twice (the first pass reads every input
    once before cleaning): not stdin, a FIFO or process substitution."""
    return path != STDIN and (os.path.isdir(path) or os.path.isfile(path) or not os.path.exists(path))


def execute(spec: RunSpec, fail: Fail, warn: Warn, started: float | None = None) -> Stats:
    """Both passes of a run, local (one process or a pool) or on Ray; returns
    its Stats (with a report collector when ``spec.report_sample``).

    ``started`` is when the run began, for the progress line's rate.
    """
    stats = Stats()
    if spec.report_sample:
        from ..report import Collector

        stats.report = Collector(spec.report_sample)
    # Workers ignore Ctrl-C from their first instruction: the parent ends them.
    default_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pool = Workers(spec.job, spec.jobs) if spec.jobs > 1 else contextlib.nullcontext()
    finally:
        signal.signal(signal.SIGINT, default_int)
    inputs = list(spec.inputs)
    job = spec.job
    with pool as workers:
        if spec.repeated_lines and inputs and all(map(rereadable, inputs)):
            progress = Progress(spec.progress, None, started)
            job = replace(job, repeats=learn_repeats(read(inputs, spec.read), spec.repeated_lines, workers, progress))
        if not spec.folder_out:
            with Output(spec.output) as out:
                items = flag_repeated_ids(read(inputs, spec.read), RepeatedIds())
                run_stream(items, job, out, fail, warn, Progress(spec.progress), stats, workers)
        elif spec.engine == "ray":
            from ..ray import run_pairs_on_ray

            todo = plan_tree(spec, fail, warn, stats)
            run_pairs_on_ray(todo, spec.read, job, spec.address, fail, warn, stats)
        else:
            todo = plan_tree(spec, fail, warn, stats)
            run_folder(
                todo, spec.read, job, fail, warn, Progress(spec.progress, total_size(todo) or None), stats, workers
            )
    return stats
