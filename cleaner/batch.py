"""Batch runs of ``cleaner clean``: one process or many, one output or a tree.

* ``--jobs N`` cleans documents in N worker processes (one :class:`Pipeline`
  each) and writes their output in input order, so the bytes are the same as
  with ``--jobs 1``.  Work is handed out in chunks with a bounded number in
  flight, so memory stays flat however large the input.  One pool
  (:class:`Workers`) serves both passes of a run, so the first pass (template
  counts) leaves each worker's caches warm for the second.
* Folder in, folder out (``-o DIR``): each input file gets an output file at
  the same relative path; every output is written to a temporary file in the
  same folder and renamed when complete, so an output that exists is whole,
  and ``--resume`` skips inputs whose output exists.
* ``.gz``/``.zst`` outputs are compressed by suffix; in folder mode each
  output keeps its input's compression.
* Progress on stderr when it is a terminal (documents, MB, MB/s, ETA when the
  total is known), and a one-line summary at the end (``--summary`` forces it
  when stderr is not a terminal; ``--quiet`` silences both).
"""
from __future__ import annotations

import contextlib
import gzip
import io
import multiprocessing as mp
import os
import pickle
import signal
import sys
import threading
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial

from . import emit
from .pipeline import Options, Pipeline
from .readers import Failure, Item, ReadOptions, expand, read

CHUNK_DOCS = 32
CHUNK_BYTES = 1 << 20
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker: enough to keep it busy, no more

_COMPRESSED = (".gz", ".zst")
_FORMAT_SUFFIX = {"jsonl": ".jsonl", "docs": ".jsonl", "tsv": ".tsv", "text": ".txt"}


@dataclass(frozen=True)
class CleanJob:
    """What every worker needs to turn an input document into output text."""

    options: Options = Options()
    fmt: str = "jsonl"
    text_field: str = "text"
    with_segments: bool = False
    templates: object | None = None  # a cleaner.templates.TemplateCounter from a first pass
    report: bool = False  # also return what the HTML report shows of each document


@dataclass
class Result:
    """One input item after cleaning: output text, or the failure to report."""

    out: str = ""
    error: tuple[str, str] | None = None
    warnings: list[tuple[str, str, bool]] = field(default_factory=list)  # (where, message, before)
    nbytes: int = 0
    lang: str | None = None
    segments: int = 0
    removed: int = 0
    report_entry: dict | None = None  # with CleanJob.report: cleaner.report.document_entry


def process_item(pipeline: Pipeline, job: CleanJob, item: Item | Failure) -> Result:
    """Clean one item into its output text (the body of ``cleaner clean``)."""
    from .cli import _problem  # one wording of problems for every path

    if isinstance(item, Failure):
        return Result(error=(item.where, item.message))
    data = item.data
    nbytes = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    warnings = []
    if item.fields is None and not data.strip():
        warnings.append((item.where, "empty document", True))
    try:
        document = pipeline.process(data, doc=item.doc, fields=item.fields)
    except Exception as e:  # one bad document must not stop the run
        return Result(error=(item.where, _problem(e)), nbytes=nbytes, warnings=warnings)
    if "surrogates" in document.fixes:
        warnings.append((item.where, "lone surrogate replaced by U+FFFD", False))
    kept = pipeline.select(document)
    if job.fmt == "jsonl":
        out = "".join(emit.segment_jsonl(s) for s in kept)
    elif job.fmt == "tsv":
        out = "".join(emit.segment_tsv(s) for s in kept)
    elif job.fmt == "docs":
        out = emit.document_jsonl(document, kept, job.text_field, job.with_segments)
    else:
        out = emit.document_text(document, kept)
    entry = None
    if job.report:
        from .report import document_entry

        entry = document_entry(document, job.options.selection)
    return Result(out=out, nbytes=nbytes, lang=document.lang, segments=len(document.segments),
                  removed=len(document.segments) - len(kept), warnings=warnings, report_entry=entry)


def report(r: Result, fail: Callable[[str, str], None], warn: Callable[[str, str], None]) -> None:
    """Say what went wrong with one item, in the order a one-process run says it."""
    for where, message, before in r.warnings:
        if before:
            warn(where, message)
    if r.error is not None:
        fail(*r.error)
    for where, message, before in r.warnings:
        if not before:
            warn(where, message)


# --- workers ----------------------------------------------------------------

_WORKER: tuple[Pipeline, CleanJob] | None = None


def _init_worker(job: CleanJob) -> None:
    global _WORKER
    # The parent handles Ctrl-C and SIGTERM (and ends the pool, which sends
    # SIGTERM): a worker just stops, without a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = (Pipeline(job.options, job.templates), job)


def _work(chunk: list[Item | Failure]) -> list[Result]:
    assert _WORKER is not None
    pipeline, job = _WORKER
    return [process_item(pipeline, job, item) for item in chunk]


_TEMPLATES_FROM: str | None = None  # the file this worker's template counts came from


def _work_shared(templates_file: str | None, chunk: list[Item | Failure]) -> list[Result]:
    """:func:`_work` in a pool started before the first pass: the counts are
    read from ``templates_file`` by each worker the first time it is named."""
    global _TEMPLATES_FROM
    assert _WORKER is not None
    if templates_file != _TEMPLATES_FROM:
        pipeline, _job = _WORKER
        templates = None
        if templates_file is not None:
            with open(templates_file, "rb") as f:
                templates = pickle.load(f)
        pipeline.templates = templates
        _TEMPLATES_FROM = templates_file
    return _work(chunk)


class Workers:
    """One pool of worker processes for both passes of a local run.

    Used as ``with Workers(job, 2) as workers:`` around ``count_templates(...,
    workers)`` and then ``clean_items(..., workers)`` (see cleaner.cli).

    The template counts of the first pass reach the workers through a
    temporary file (read once by each), removed when the pool closes.
    """

    def __init__(self, job: CleanJob, jobs: int):
        self.jobs = jobs
        _preload(job)
        self._pool = mp.get_context(_start_method()).Pool(
            jobs, initializer=_init_worker, initargs=(replace(job, templates=None),))
        self._files: dict[int, tuple[object, str]] = {}

    def map(self, func, items: Iterable[Item | Failure]) -> Iterator:
        """``func`` over chunks of ``items``, results in input order."""
        return _pool_map(func, items, self.jobs, pool=self._pool)

    def templates_file(self, templates) -> str | None:
        """A file holding ``templates`` for the workers (written once per counter)."""
        if templates is None:
            return None
        if id(templates) not in self._files:
            fd, path = tempfile.mkstemp(prefix="cleaner-templates-", suffix=".pickle")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(templates, f, protocol=pickle.HIGHEST_PROTOCOL)
            self._files[id(templates)] = (templates, path)  # (keeps the id valid)
        return self._files[id(templates)][1]

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()
        for _templates, path in self._files.values():
            try:
                os.unlink(path)
            except OSError:
                pass
        self._files.clear()

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _chunks(items: Iterable[Item | Failure]) -> Iterator[list[Item | Failure]]:
    chunk: list[Item | Failure] = []
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


def clean_items(items: Iterable[Item | Failure], job: CleanJob, jobs: int = 1,
                workers: Workers | None = None) -> Iterator[Result]:
    """Results for ``items``, in input order, computed in ``jobs`` processes
    (those of ``workers`` when given)."""
    if jobs <= 1:
        pipeline = Pipeline(job.options, job.templates)
        for item in items:
            yield process_item(pipeline, job, item)
        return
    if workers is not None:
        for results in workers.map(partial(_work_shared, workers.templates_file(job.templates)), items):
            yield from results
        return
    _preload(job)
    for results in _pool_map(_work, items, jobs, initializer=_init_worker, initargs=(job,)):
        yield from results


def _preload(job: CleanJob) -> None:
    if _start_method() == "fork":
        # Load the detector's profiles once, here: forked workers share them
        # (copy-on-write) instead of each loading its own.
        Pipeline(job.options)


def _start_method() -> str:
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


def _pool_map(func, items: Iterable[Item | Failure], jobs: int, pool=None, **pool_args) -> Iterator:
    """``func`` over chunks of ``items`` in ``jobs`` processes (of ``pool`` when
    given, else of a pool made for the call), results in input order."""
    # Pool.imap reads its input as fast as it can; the semaphore holds the
    # feeder back so only a bounded number of chunks is ever in memory.
    slots = threading.Semaphore(jobs * IN_FLIGHT_PER_JOB)

    def fed() -> Iterator[list[Item | Failure]]:
        for chunk in _chunks(items):
            slots.acquire()
            yield chunk

    with (contextlib.nullcontext(pool) if pool is not None
          else mp.get_context(_start_method()).Pool(jobs, **pool_args)) as p:
        for result in p.imap(func, fed()):
            slots.release()
            yield result


def _template_keys(chunk: list[Item | Failure]) -> list[list[str]]:
    from .pipeline import template_lines
    from .templates import document_keys

    out = []
    for item in chunk:
        if isinstance(item, Failure):
            continue
        try:
            out.append(document_keys(template_lines(item.data)))
        except Exception:  # reported when the document itself is cleaned
            continue
    return out


def count_templates(items: Iterable[Item | Failure], counter, jobs: int = 1, workers: Workers | None = None):
    """The first pass: add every readable document of ``items`` to ``counter``
    (a :class:`cleaner.templates.TemplateCounter`), repaired in ``jobs``
    processes (those of ``workers`` when given).

    Counts do not depend on the order of documents, so the result is the same
    for any ``jobs``."""
    if jobs <= 1:
        for item in items:
            for keys in _template_keys([item]):
                counter.add_keys(keys)
        return counter
    chunks = workers.map(_template_keys, items) if workers is not None else _pool_map(_template_keys, items, jobs)
    for docs in chunks:
        for keys in docs:
            counter.add_keys(keys)
    return counter


# --- output -----------------------------------------------------------------


def open_text_writer(path: str) -> io.TextIOBase:
    """A UTF-8 text writer for ``path``; ``.gz``/``.zst`` compress by suffix."""
    if path.endswith(".gz"):
        # No file name and a zero time in the header: the same text always
        # gives the same bytes (temp-file names and clocks differ between runs).
        raw = open(path, "wb")
        gz = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
        gz.myfileobj = raw  # closed with the GzipFile, as when it opens the file itself
        return io.TextIOWrapper(gz, encoding="utf-8", newline="")  # type: ignore[arg-type]
    if path.endswith(".zst"):
        try:
            import zstandard
        except ImportError as e:
            raise OSError("writing .zst needs the zstandard package (pip install 'cleaner[zstd]')") from e
        raw = open(path, "wb")
        return io.TextIOWrapper(zstandard.ZstdCompressor().stream_writer(raw), encoding="utf-8", newline="")
    return open(path, "w", encoding="utf-8", newline="")


class AtomicOutput:
    """A file that appears under its name only when completely written."""

    def __init__(self, path: str):
        self.path = path
        folder = os.path.dirname(path) or "."
        os.makedirs(folder, exist_ok=True)
        # Same folder, so the rename never crosses file systems; the real
        # suffix last, so the compression matches.
        base = os.path.basename(path)
        self.tmp = os.path.join(folder, f".{base}.tmp-{os.getpid()}{_compression(path)}")
        self.stream = open_text_writer(self.tmp)

    def write(self, text: str) -> None:
        if text:
            self.stream.write(text)

    def commit(self) -> None:
        self.stream.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.stream.close()
        finally:
            try:
                os.unlink(self.tmp)
            except FileNotFoundError:
                pass


def _compression(path: str) -> str:
    return next((s for s in _COMPRESSED if path.endswith(s)), "")


def output_path(input_path: str, root: str, out_dir: str, fmt: str, input_is_jsonl: bool) -> str:
    """Where the output for ``input_path`` (inside folder ``root``) goes.

    Text inputs become ``name.<format suffix>``; JSONL inputs keep their name
    (the output is JSONL too unless the format is tsv/text); the compression
    suffix of the input is kept.

    >>> output_path("in/a/b.txt", "in", "out", "docs", False)
    'out/a/b.jsonl'
    >>> output_path("in/s/part-1.jsonl.zst", "in", "out", "docs", True)
    'out/s/part-1.jsonl.zst'
    >>> output_path("in/x.txt.gz", "in", "out", "text", False)
    'out/x.txt.gz'
    """
    rel = os.path.relpath(input_path, root)
    comp = _compression(rel)
    stem = rel[: len(rel) - len(comp)] if comp else rel
    base, ext = os.path.splitext(stem)
    suffix = _FORMAT_SUFFIX[fmt]
    if input_is_jsonl and suffix == ".jsonl":
        name = stem
    else:
        name = base + suffix
    return os.path.join(out_dir, name + comp)


def is_folder_output(output: str | None, inputs: list[str]) -> bool:
    """``-o`` names a folder: it exists as one, ends with a separator, or every
    input is a folder and the name has no suffix."""
    if not output or output == "-":
        return False
    if os.path.isdir(output) or output.endswith(os.sep):
        return True
    return bool(inputs) and all(os.path.isdir(p) for p in inputs) and "." not in os.path.basename(output)


def default_jobs(inputs: list[str]) -> int:
    """All cores when an input is a folder, else one (stdin, single files)."""
    if any(p != "-" and os.path.isdir(p) for p in inputs):
        return os.cpu_count() or 1
    return 1


# --- progress and summary ---------------------------------------------------


@dataclass
class Stats:
    docs: int = 0
    bytes: int = 0
    failures: int = 0
    segments: int = 0
    removed: int = 0
    langs: Counter = field(default_factory=Counter)
    skipped_files: int = 0
    report: object | None = None  # a cleaner.report.Collector, given every result

    def add(self, r: Result) -> None:
        if r.error is not None:
            self.failures += 1
        else:
            self.docs += 1
            if r.lang:
                self.langs[r.lang] += 1
        self.bytes += r.nbytes
        self.segments += r.segments
        self.removed += r.removed
        if self.report is not None:
            self.report.add(r)

    def summary(self, seconds: float) -> str:
        """``cleaner: 1,234 docs, 5.0 MB in 3.2 s (1.6 MB/s), removed 41% of segments, ...``"""
        mb = self.bytes / 1e6
        share = self.removed / self.segments if self.segments else 0.0
        top = ", ".join(f"{k} {v / max(self.docs, 1):.0%}" for k, v in
                        sorted(self.langs.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
        parts = [f"{self.docs:,} docs", f"{mb:.1f} MB in {seconds:.1f} s ({mb / max(seconds, 1e-9):.2f} MB/s)",
                 f"removed {share:.0%} of segments"]
        if top:
            parts.append(f"languages: {top}")
        if self.skipped_files:
            parts.append(f"{self.skipped_files:,} files already done")
        parts.append(f"{self.failures:,} failures")
        return "cleaner: " + ", ".join(parts)


class Progress:
    """A status line on stderr, redrawn at most twice a second."""

    def __init__(self, enabled: bool, total_bytes: int | None = None):
        self.enabled = enabled
        self.total = total_bytes
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, stats: Stats, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.5:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = stats.bytes / 1e6 / elapsed
        line = f"cleaner: {stats.docs:,} docs, {stats.bytes / 1e6:.1f} MB, {rate:.2f} MB/s"
        if self.total:
            done = min(stats.bytes / self.total, 1.0)
            line += f", {done:.0%}"
            if rate > 0 and done < 1:
                eta = (self.total - stats.bytes) / 1e6 / rate
                line += f", ETA {int(eta // 60)}:{int(eta % 60):02d}"
        if stats.failures:
            line += f", {stats.failures:,} failures"
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


# --- runs -------------------------------------------------------------------


def run_stream(items: Iterable[Item | Failure], job: CleanJob, jobs: int,
               write: Callable[[str], None], fail: Callable[[str, str], None],
               warn: Callable[[str, str], None], progress: Progress, stats: Stats,
               workers: Workers | None = None) -> None:
    """Clean ``items`` into one output stream, in order."""
    if job.fmt == "tsv":
        write(emit.tsv_header())
    for r in clean_items(items, job, jobs, workers):
        stats.add(r)
        if r.error is not None or r.warnings:
            progress.done()
            report(r, fail, warn)
        if r.error is None:
            write(r.out)
        progress.update(stats)


def _file_items(paths: list[str], read_opts: ReadOptions, tagged: list) -> Iterator[Item | Failure]:
    """Items of each file in turn; ``tagged`` records (path, first item index)."""
    n = 0
    for path in paths:
        tagged.append((path, n))
        for item in read([path], read_opts):
            n += 1
            yield item


def plan_folder(inputs: list[str], out_dir: str, fmt: str, read_opts: ReadOptions
                ) -> tuple[list[tuple[str, str]], list[Failure]]:
    """(input file, output file) pairs for a folder-to-folder run."""
    from .readers import _format_of

    pairs, failures = [], []
    for top in inputs:
        if not os.path.isdir(top):
            root = os.path.dirname(top) or "."
            paths: Iterable = [top]
        else:
            root, paths = top, expand([top])
        for p in paths:
            if isinstance(p, Failure):
                failures.append(p)
                continue
            if not os.path.exists(p):
                failures.append(Failure(p, "no such file or directory"))
                continue
            is_jsonl = _format_of(p, read_opts.input_format) == "jsonl"
            pairs.append((p, output_path(p, root, out_dir, fmt, is_jsonl)))
    return pairs, failures


def files_to_do(inputs: list[str], out_dir: str, read_opts: ReadOptions, job: CleanJob, resume: bool,
                fail: Callable[[str, str], None], stats: Stats) -> list[tuple[str, str]]:
    """(input, output) pairs still to clean: unreadable inputs reported, and with
    ``resume`` the ones whose output exists skipped (counted in ``stats``)."""
    pairs, failures = plan_folder(inputs, out_dir, job.fmt, read_opts)
    for f in failures:
        stats.failures += 1
        fail(f.where, f.message)
    if resume:
        todo = [(i, o) for i, o in pairs if not os.path.exists(o)]
        stats.skipped_files = len(pairs) - len(todo)
        pairs = todo
    return pairs


def run_folder(inputs: list[str], out_dir: str, read_opts: ReadOptions, job: CleanJob, jobs: int,
               resume: bool, fail: Callable[[str, str], None], warn: Callable[[str, str], None],
               progress_enabled: bool, stats: Stats, workers: Workers | None = None) -> None:
    """Clean every file under ``inputs`` into the same tree under ``out_dir``."""
    pairs = files_to_do(inputs, out_dir, read_opts, job, resume, fail, stats)
    total = sum(_size(i) for i, _ in pairs)
    progress = Progress(progress_enabled, total or None)
    out_of = dict(pairs)
    # Which output each result belongs to: results come back in input order,
    # so the item counter tells where one file ends and the next begins.
    tagged: list[tuple[str, int]] = []
    items = _file_items([i for i, _ in pairs], read_opts, tagged)
    current: AtomicOutput | None = None
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
            current = AtomicOutput(out_of[tagged[file_no][0]])
            if job.fmt == "tsv":
                current.write(emit.tsv_header())

    try:
        for r in clean_items(items, job, jobs, workers):
            # The result belongs to the last file whose first item index <= index.
            k = max(file_no, 0)
            while k + 1 < len(tagged) and tagged[k + 1][1] <= index:
                k += 1
            switch_to(k)
            index += 1
            stats.add(r)
            if r.error is not None and r.error[0] == tagged[file_no][0]:
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


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
