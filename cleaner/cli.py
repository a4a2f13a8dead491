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
    return open(path, "wb")


_input_options = [
    click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str)),
    click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                 help="text: a file is a document; lines: a line is a document; "
                      "jsonl: a JSON object per line; auto: jsonl for .jsonl[.gz], else text."),
    click.option("--text-field", default="text", show_default=True, help="JSONL field holding the text."),
    click.option("--id-field", default="id", show_default=True, help="JSONL field naming the document."),
    click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default=None,
                 help="Write here instead of stdout (.gz compresses)."),
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
def clean(inputs, input_format, text_field, id_field, output, fmt, lang, keep_boilerplate,
          with_segments, detector) -> None:
    """Clean INPUTS (files, folders, '-' for stdin; none = stdin) into language-tagged segments."""
    pipeline = Pipeline(Options(Selection.parse(lang, keep_boilerplate), detector))
    run = Run()
    read_opts = ReadOptions(input_format, text_field, id_field)
    with _Writer(output) as out:
        if fmt == "tsv":
            out.write(emit.tsv_header())
        for item in read(list(inputs), read_opts):
            if isinstance(item, Failure):
                run.fail(item.where, item.message)
                continue
            try:
                document = pipeline.process(item.data, doc=item.doc, fields=item.fields)
            except DecodeError as e:
                run.fail(item.where, str(e))
                continue
            except Exception as e:  # one bad document must not stop the run
                run.fail(item.where, f"internal error: {type(e).__name__}: {e}")
                continue
            kept = pipeline.select(document)
            if fmt == "jsonl":
                out.write("".join(emit.segment_jsonl(s) for s in kept))
            elif fmt == "tsv":
                out.write("".join(emit.segment_tsv(s) for s in kept))
            elif fmt == "docs":
                out.write(emit.document_jsonl(document, kept, text_field, with_segments))
            else:
                out.write(emit.document_text(document, kept))
    sys.exit(run.status)


@main.command("repair")
@_with(_input_options)
@click.option("--explain", is_flag=True,
              help="List on stderr the encoding used and what was fixed on which line.")
def repair_cmd(inputs, input_format, text_field, id_field, output, explain) -> None:
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
                decoded = decode(item.data) if isinstance(item.data, bytes) else None
                repaired = repair(decoded.text if decoded else item.data)
                fixed = repaired.text
                if explain:
                    _explain(item.where, decoded.encoding if decoded else None, repaired)
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


def _explain(where: str, encoding: str | None, repaired) -> None:
    """One stderr line per document (encoding, fixes), then one per fixed line."""
    head = f"{where}: encoding={encoding or 'text'}"
    click.echo(f"{head} fixes={','.join(repaired.fixes) or 'none'}", err=True)
    for fix in repaired.lines:
        extra = f" ({fix.detail})" if fix.detail else ""
        click.echo(f"{where}:{fix.line}: {','.join(fix.fixes)}{extra}", err=True)


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
