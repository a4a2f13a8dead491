"""The command line: ``cleaner clean`` and ``cleaner repair``.

Exit status: 0 when every input went well, 1 when some failed (each failure is
reported on stderr as ``cleaner: error: FILE[:LINE]: message`` and the rest are
still processed), 2 for usage errors.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import time
from typing import BinaryIO

import click

from . import emit
from .decode import DecodeError, decode
from .pipeline import Options, Pipeline
from .readers import INPUT_FORMATS, Failure, Item, ReadOptions, read
from .repair import repair
from .select import Selection


class Run:
    """Counts failures and reports them the same way everywhere."""

    def __init__(self, strict: bool = False):
        self.failures = 0
        self.strict = strict

    def fail(self, where: str, message: str) -> None:
        self.failures += 1
        click.echo(f"cleaner: error: {where}: {message}", err=True)

    @property
    def status(self) -> int:
        return 1 if self.failures else 0


def _output(path: str | None) -> BinaryIO:
    if path is None or path == "-":
        return sys.stdout.buffer
    if path.endswith(".gz"):
        return gzip.open(path, "wb")  # type: ignore[return-value]
    if path.endswith(".zst"):
        try:
            import zstandard
        except ImportError as e:
            raise OSError(0, "writing .zst needs the zstandard package (pip install 'cleaner[zstd]')") from e
        return zstandard.open(path, "wb")  # type: ignore[return-value]
    return open(path, "wb")


_input_options = [
    click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str)),
    click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                 help="text: a file is a document; lines: a line is a document; "
                      "jsonl: a JSON object per line; auto: jsonl for .jsonl[.gz], else text."),
    click.option("--text-field", default="text", show_default=True, help="JSONL field holding the text."),
    click.option("--id-field", default="id", show_default=True, help="JSONL field naming the document."),
    click.option("-o", "--output", type=click.Path(allow_dash=True), default=None,
                 help="Write here instead of stdout (.gz/.zst compress); a folder (existing, ending "
                      "in '/', or without suffix when the inputs are folders) mirrors the input tree."),
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
@click.option("--detector", type=click.Choice(["langdetect"]), default="langdetect", show_default=True,
              help="Statistical language detector.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: all cores when an input is a folder, else 1]. "
                   "Output is the same, in the same order, whatever N.")
@click.option("--resume", is_flag=True, help="With -o DIR: skip inputs whose output already exists.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary on stderr.")
@click.option("--summary", "force_summary", is_flag=True,
              help="Print the one-line summary even when stderr is not a terminal.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="ray: run on a Ray cluster (pip install 'cleaner[ray]'); needs folders in and -o DIR.")
@click.option("--address", default=None, help="With --engine ray: the cluster address (default: a local Ray).")
def clean(inputs, input_format, text_field, id_field, output, fmt, lang, keep_boilerplate,
          with_segments, detector, jobs, resume, quiet, force_summary, engine, address) -> None:
    """Clean INPUTS (files, folders, '-' for stdin; none = stdin) into language-tagged segments.

    With -o DIR, every input file gets an output file at the same place in DIR.
    """
    from . import batch

    inputs = list(inputs)
    job = batch.CleanJob(Options(Selection.parse(lang, keep_boilerplate), detector), fmt,
                         text_field, with_segments)
    n_jobs = jobs or batch.default_jobs(inputs)
    read_opts = ReadOptions(input_format, text_field, id_field)
    folder_out = batch.is_folder_output(output, inputs)
    if resume and not folder_out:
        raise click.UsageError("--resume needs -o DIR (a folder of outputs)")
    if engine == "ray" and not folder_out:
        raise click.UsageError("--engine ray needs input folders and -o DIR")
    show = not quiet and sys.stderr.isatty()
    run = Run()
    stats = batch.Stats()
    started = time.monotonic()
    if engine == "ray":
        from .ray import run_folder_on_ray

        try:
            run_folder_on_ray(inputs, output, read_opts, job, address, resume, run.fail, stats)
        except ImportError as e:
            raise click.UsageError(f"--engine ray: {e}") from None
    elif folder_out:
        try:
            batch.run_folder(inputs, output, read_opts, job, n_jobs, resume, run.fail, show, stats)
        except OSError as e:
            click.echo(f"cleaner: error: {output}: cannot write: {(e.strerror or str(e)).lower()}", err=True)
            sys.exit(1)
    else:
        with _Writer(output) as out:
            batch.run_stream(read(inputs, read_opts), job, n_jobs, out.write, run.fail,
                             batch.Progress(show), stats)
    if (show or force_summary) and not quiet:
        click.echo(stats.summary(time.monotonic() - started), err=True)
    sys.exit(run.status)


@main.command("repair")
@_with(_input_options)
def repair_cmd(inputs, input_format, text_field, id_field, output) -> None:
    """Repair the encoding of INPUTS and print the repaired text.

    Plain text comes out as text; JSONL comes out as JSONL with the text field
    repaired and every other field untouched.
    """
    run = Run()
    with _Writer(output) as out:
        for item in read(list(inputs), ReadOptions(input_format, text_field, id_field)):
            if isinstance(item, Failure):
                run.fail(item.where, item.message)
                continue
            try:
                text = decode(item.data).text if isinstance(item.data, bytes) else item.data
                fixed = repair(text).text
            except DecodeError as e:
                run.fail(item.where, str(e))
                continue
            if item.fields is not None:
                rec = dict(item.fields)
                rec[text_field] = fixed
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif input_format == "lines":
                out.write(fixed + "\n")
            else:
                out.write(fixed)
    sys.exit(run.status)


class _Writer:
    """UTF-8 output that ends quietly when the reader goes away (``| head``)."""

    def __init__(self, path: str | None):
        self.path = path
        self.stream: BinaryIO | None = None

    def __enter__(self) -> "_Writer":
        try:
            self.stream = _output(self.path)
        except OSError as e:
            raise click.FileError(str(self.path), hint=(e.strerror or str(e)).lower())
        return self

    def write(self, text: str) -> None:
        if text:
            assert self.stream is not None
            try:
                self.stream.write(text.encode("utf-8"))
                if self.stream is sys.stdout.buffer:
                    self.stream.flush()
            except BrokenPipeError:
                raise _PipeClosed() from None
            except OSError as e:
                raise _OutputError(self.path or "<stdout>", (e.strerror or str(e)).lower()) from None

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if self.stream is not None and self.stream is not sys.stdout.buffer:
                self.stream.close()
            elif self.stream is not None and exc_type is None:
                self.stream.flush()
        except BrokenPipeError:
            exc_type = _PipeClosed
        if exc_type is _PipeClosed:
            _quiet_pipe()
            sys.exit(0)  # the reader has all it wanted: not a failure
        if exc_type is _OutputError:
            click.echo(f"cleaner: error: {exc.where}: cannot write: {exc.message}", err=True)
            sys.exit(1)
        return False


class _PipeClosed(Exception):
    """The reader of our output went away (``| head``)."""


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
