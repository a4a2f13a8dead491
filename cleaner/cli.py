"""The command line: ``cleaner clean`` and ``cleaner repair``.

Exit status: 0 when every input went well, 1 when some failed (each failure is
reported on stderr as ``cleaner: error: FILE[:LINE]: message`` and the rest are
still processed), 2 for usage errors.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gzip
import os
import signal
import sys
import time
from collections.abc import Iterator
from typing import BinaryIO

import click

from . import emit, report
from .decode import DecodeError, decode
from .pipeline import DEFAULT_MAX_DOC_CHARS, Options, TooLong, check_length
from .readers import INPUT_FORMATS, Failure, Item, ReadOptions, read
from .repair import repair
from .select import Selection
from .templates import MIN_DOCS, TemplateCounter


class Run:
    """Counts failures and reports them the same way everywhere."""

    def __init__(self, strict: bool = False):
        self.failures = 0
        self.strict = strict

    def fail(self, where: str, message: str) -> None:
        self.failures += 1
        click.echo(f"cleaner: error: {where}: {message}", err=True)
        if self.strict:
            raise _StrictStop()

    def warn(self, where: str, message: str) -> None:
        click.echo(f"cleaner: warning: {where}: {message}", err=True)

    @property
    def status(self) -> int:
        return 1 if self.failures else 0


_input_options = [
    click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str)),
    click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                 help="text: a file is a document; lines: a line is a document; "
                      "jsonl: a JSON object per line; auto: jsonl for .jsonl[.gz], else text."),
    click.option("--text-field", default="text", show_default=True, help="JSONL field holding the text."),
    click.option("--id-field", default="id", show_default=True, help="JSONL field naming the document."),
    click.option("-o", "--output", type=click.Path(allow_dash=True), default=None,
                 help="Write here instead of stdout (.gz/.zst compress); written atomically. For clean, "
                      "a folder (existing, ending in '/', or without suffix when the inputs are "
                      "folders) gets one output per input file, mirroring the tree."),
    click.option("--max-doc-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_DOC_CHARS, show_default=True,
                 help="Report (and skip) documents longer than this, so one cannot exhaust memory."),
    click.option("--strict", is_flag=True, help="Stop with a non-zero status at the first failure."),
]


def _with(options):
    def deco(f):
        for opt in reversed(options):
            f = opt(f)
        return f
    return deco


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner")
def main() -> None:
    """Clean scraped, mis-encoded, mixed-language text into language-tagged segments."""


@main.command()
@_with(_input_options)
@click.option("--format", "fmt", type=click.Choice(emit.FORMATS), default="jsonl", show_default=True,
              help="jsonl: a segment per line; docs: a record per document; tsv: a row per segment; "
                   "text: the kept text.")
@click.option("--lang", default=None, metavar="CODES|main",
              help="Keep only these languages (comma-separated ISO codes), or 'main' for each "
                   "document's main language.")
@click.option("--keep-boilerplate", is_flag=True, help="Keep boilerplate and duplicates too (with their kind and reason).")
@click.option("--segments", "with_segments", is_flag=True, help="With --format docs: add the kept segments.")
@click.option("--detector", type=click.Choice(["langdetect", "langid", "fasttext"]), default="langdetect", show_default=True,
              help="Statistical language detector.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: all cores when an input is a folder, else 1]. "
                   "Output is the same, in the same order, whatever N.")
@click.option("--resume", is_flag=True, help="With -o DIR: skip inputs whose output already exists.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary on stderr.")
@click.option("--summary", "force_summary", is_flag=True,
              help="Print the one-line summary even when stderr is not a terminal.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="ray: run on a Ray cluster (pip install 'cleaner[ray]'); needs input folders and -o DIR.")
@click.option("--address", default=None, help="With --engine ray: the cluster address (default: a local Ray).")
@click.option("--repeated-lines", type=click.IntRange(min=0), default=MIN_DOCS, show_default=True, metavar="N",
              help="A line found in at least N documents of the run is boilerplate (site templates); "
                   "0 turns this off. Needs a first pass, so not for stdin.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None, metavar="FILE.html",
              help="Also write a self-contained HTML report of the run: summary charts, and documents "
                   "with removed lines struck through, their reasons and language badges.")
@click.option("--report-sample", type=click.IntRange(min=1), default=report.SAMPLE, show_default=True, metavar="N",
              help="With --report: show N documents in full (those whose names hash lowest: the same "
                   "for the same run), or all of a run that has no more.")
def clean(inputs, input_format, text_field, id_field, output, max_doc_chars, strict, fmt, lang,
          keep_boilerplate, with_segments, detector, jobs, resume, quiet, force_summary, engine,
          address, repeated_lines, report_path, report_sample) -> None:
    """Clean INPUTS (files, folders, '-' for stdin; none = stdin) into language-tagged segments.

    With -o DIR, every input file gets an output file at the same place under DIR.
    """
    from . import batch
    from .pipeline import make_detector

    try:
        make_detector(detector)  # loads once; a missing extra is a usage error, not a traceback
    except ImportError as e:
        raise click.UsageError(str(e)) from None
    inputs = list(inputs)
    job = batch.CleanJob(Options(Selection.parse(lang, keep_boilerplate), detector, max_doc_chars),
                         fmt, text_field, with_segments, report=bool(report_path))
    if report_path:
        _check_report_path(report_path, engine)
    read_opts = ReadOptions(input_format, text_field, id_field, max_doc_chars)
    n_jobs = jobs or batch.default_jobs(inputs)
    folder_out = batch.is_folder_output(output, inputs)
    if resume and not folder_out:
        raise click.UsageError("--resume needs -o DIR (a folder of outputs)")
    if engine == "ray" and not folder_out:
        raise click.UsageError("--engine ray needs input folders and -o DIR")
    # One pool for both passes: the first leaves the workers' caches warm.
    pool = batch.Workers(job, n_jobs) if n_jobs > 1 and engine != "ray" else contextlib.nullcontext()
    with pool as workers:
        if repeated_lines and inputs and "-" not in inputs:
            job = dataclasses.replace(job, templates=_count_templates(
                job, inputs, read_opts, repeated_lines, n_jobs if engine != "ray" else 1, workers))
        show = not quiet and sys.stderr.isatty()
        run = Run(strict)
        stats = batch.Stats(report=report.Collector(report_sample) if report_path else None)
        started = time.monotonic()

        def finish() -> None:  # the summary line and the report
            if (show or force_summary) and not quiet:
                click.echo(stats.summary(time.monotonic() - started), err=True)
            if report_path:
                _write_report(report_path, stats, job.options, time.monotonic() - started, run)

        if not folder_out:
            with _Writer(output, run) as out:
                batch.run_stream(read(inputs, read_opts), job, n_jobs, out.write, run.fail, run.warn,
                                 batch.Progress(show), stats, workers)
                finish()
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            if engine == "ray":
                from .ray import run_folder_on_ray

                try:
                    run_folder_on_ray(inputs, output, read_opts, job, address, resume, run.fail, run.warn, stats)
                except ImportError as e:
                    raise click.UsageError(f"--engine ray: {e}") from None
            else:
                batch.run_folder(inputs, output, read_opts, job, n_jobs, resume, run.fail, run.warn, show, stats,
                                 workers)
        except _StrictStop:
            click.echo("cleaner: stopped at the first failure (--strict)", err=True)
            sys.exit(1)
        except OSError as e:
            click.echo(f"cleaner: error: {output}: cannot write: {_reason(e)}", err=True)
            sys.exit(1)
        finish()
        sys.exit(run.status)


def _check_report_path(path: str, engine: str) -> None:
    if engine == "ray":
        raise click.UsageError("--report is not available with --engine ray")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise click.UsageError(f"--report {path}: no folder {folder}")


def _write_report(path: str, stats, options: Options, seconds: float, run: Run) -> None:
    try:
        report.write(path, stats.report, stats, options, seconds)
    except OSError as e:
        run.fail(path, f"cannot write: {_reason(e)}")


def _count_templates(job, inputs: list[str], read_opts: ReadOptions,
                     min_docs: int, jobs: int = 1, workers=None) -> TemplateCounter | None:
    """First pass over the inputs: in how many documents each line occurs
    (documents repaired in ``jobs`` processes; the counts are the same).

    Unreadable inputs are skipped here and reported by the second pass."""
    from . import batch

    counter = batch.count_templates(read(inputs, read_opts), TemplateCounter(min_docs=min_docs), jobs, workers)
    return counter if counter.documents >= min_docs else None


@main.command("repair")
@_with(_input_options)
@click.option("--explain", is_flag=True,
              help="List on stderr the encoding used and what was fixed on which line.")
def repair_cmd(inputs, input_format, text_field, id_field, output, max_doc_chars, strict,
               explain) -> None:
    """Repair the encoding of INPUTS and print the repaired text.

    Plain text comes out as text; JSONL comes out as JSONL with the text field
    repaired and every other field untouched.
    """
    run = Run(strict)
    with _Writer(output, run) as out:
        for item in _documents(inputs, ReadOptions(input_format, text_field, id_field, max_doc_chars), run):
            try:
                decoded = decode(item.data) if isinstance(item.data, bytes) else None
                repaired = repair(check_length(decoded.text if decoded else item.data,
                                               max_doc_chars))
                fixed = repaired.text
                if explain:
                    _explain(item.where, decoded.encoding if decoded else None, repaired)
            except Exception as e:
                run.fail(item.where, _problem(e))
                continue
            if item.fields is not None:
                rec = dict(item.fields)
                rec[text_field] = fixed
                out.write(emit._json(rec) + "\n")
            elif input_format == "lines":
                out.write(fixed + "\n")
            else:
                out.write(fixed)


def _documents(inputs, options: ReadOptions, run: Run) -> Iterator[Item]:
    """The readable documents of ``inputs``; failures reported on the way."""
    for item in read(list(inputs), options):
        if isinstance(item, Failure):
            run.fail(item.where, item.message)
            continue
        if item.fields is None and not item.data.strip():
            run.warn(item.where, "empty document")
        yield item


def _problem(e: Exception) -> str:
    if isinstance(e, (DecodeError, TooLong)):
        return str(e)
    # Not the user's mistake: say so, but keep going with the other documents.
    return f"internal error: {type(e).__name__}: {e}"


def _explain(where: str, encoding: str | None, repaired) -> None:
    """One stderr line per document (encoding, fixes), then one per fixed line."""
    head = f"{where}: encoding={encoding or 'text'}"
    click.echo(f"{head} fixes={','.join(repaired.fixes) or 'none'}", err=True)
    for fix in repaired.lines:
        extra = f" ({fix.detail})" if fix.detail else ""
        click.echo(f"{where}:{fix.line}: {','.join(fix.fixes)}{extra}", err=True)


class _Writer:
    """UTF-8 output to stdout or to a file written atomically (temp file, then
    rename), so an interrupted or failed run never leaves a half-written file;
    ends quietly when the reader of a pipe goes away (``| head``)."""

    def __init__(self, path: str | None, run: Run):
        self.path = None if path in (None, "-") else path
        self.run = run
        self.stream: BinaryIO | None = None
        self._raw: BinaryIO | None = None
        self._tmp: str | None = None

    def __enter__(self) -> "_Writer":
        # SIGTERM ends the run like Ctrl-C: through __exit__, so no temp file stays.
        signal.signal(signal.SIGTERM, _interrupt)
        if self.path is None:
            self.stream = sys.stdout.buffer
            return self
        folder, name = os.path.split(os.path.abspath(self.path))
        self._tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
        try:
            self._raw = open(self._tmp, "wb")
        except OSError as e:
            click.echo(f"cleaner: error: {self.path}: cannot write: {_reason(e)}", err=True)
            sys.exit(1)
        # mtime=0 keeps .gz output byte-identical between runs.
        self.stream = (gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)  # type: ignore[assignment]
                       if self.path.endswith(".gz") else self._raw)
        if self.path.endswith(".zst"):
            try:
                import zstandard
            except ImportError:
                click.echo(f"cleaner: error: {self.path}: writing .zst needs the zstandard package "
                           "(pip install 'cleaner[zstd]')", err=True)
                self._raw.close()
                os.unlink(self._tmp)
                sys.exit(1)
            self.stream = zstandard.ZstdCompressor().stream_writer(self._raw, closefd=False)
        return self

    def write(self, text: str) -> None:
        if not text:
            return
        assert self.stream is not None
        try:
            self.stream.write(text.encode("utf-8"))
            if self.path is None:
                self.stream.flush()
        except BrokenPipeError:
            raise _PipeClosed() from None
        except OSError as e:
            raise _OutputError(self.path or "<stdout>", _reason(e)) from None

    def __exit__(self, exc_type, exc, tb) -> None:
        ok = exc_type is None or exc_type is _PipeClosed
        try:
            if self.path is None:
                if exc_type is None:
                    self.stream.flush()  # type: ignore[union-attr]
            else:
                self.stream.close()  # type: ignore[union-attr]
                if self._raw is not self.stream:
                    self._raw.close()  # type: ignore[union-attr]
                if ok:
                    os.replace(self._tmp, self.path)  # type: ignore[arg-type]
        except BrokenPipeError:
            exc_type = _PipeClosed
        except OSError as e:
            exc_type, exc = _OutputError, _OutputError(self.path or "<stdout>", _reason(e))
        finally:
            if self._tmp and os.path.exists(self._tmp):
                os.unlink(self._tmp)
        if exc_type is _PipeClosed:
            _quiet_pipe()
            sys.exit(self.run.status)  # the reader has all it wanted: not a failure
        if exc_type is _OutputError:
            click.echo(f"cleaner: error: {exc.where}: cannot write: {exc.message}", err=True)
            sys.exit(1)
        if exc_type is _StrictStop:
            click.echo("cleaner: stopped at the first failure (--strict)", err=True)
            sys.exit(1)
        if exc_type is KeyboardInterrupt:
            click.echo("cleaner: interrupted" + (f"; {self.path} not written" if self.path else ""), err=True)
            sys.exit(130)
        if exc_type is None:
            sys.exit(self.run.status)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower()


class _PipeClosed(Exception):
    """The reader of our output went away (``| head``)."""


class _StrictStop(Exception):
    """--strict and something failed."""


class _OutputError(Exception):
    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where, self.message = where, message


def run() -> None:
    """Console-script entry point: ``main`` with a quiet end on a closed pipe."""
    try:
        main()
    except BrokenPipeError:
        _quiet_pipe()
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("cleaner: interrupted", err=True)
        sys.exit(130)


def _quiet_pipe() -> None:
    # Python would report the broken pipe again when it flushes stdout at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
