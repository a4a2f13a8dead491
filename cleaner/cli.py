"""The command line: ``cleaner clean``, ``cleaner repair`` and ``cleaner languages``.

Exit status: 0 when every input went well, 1 when some failed (each failure is
reported on stderr as ``cleaner: error: FILE[:LINE]: message`` and the rest are
still processed), 2 for usage errors, 130 when interrupted (Ctrl-C, SIGTERM).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from . import emit
from .decode import Decoded, decode
from .detectors import DETECTORS
from .io.inputs import (
    DEFAULT_MAX_DOC_CHARS,
    INPUT_FORMATS,
    STDIN,
    Failure,
    InputFile,
    Item,
    Notice,
    ReadOptions,
    check_length,
    read,
    walk,
)
from .io.outputs import Output, OutputError, PipeClosed, quiet_stdout, remove_unfinished
from .repeats import MIN_DOCS
from .report.collect import SAMPLE as REPORT_SAMPLE
from .run import plan
from .run.messages import Messages, StrictStop, problem

# What only `cleaner clean` uses (the pipeline, the runner, the report) is
# imported by it: `cleaner repair` and `cleaner --help` start without it.
if TYPE_CHECKING:
    from .pipeline import Options

EXIT_FAILURES = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_input_options = [
    click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str)),
    click.option(
        "--input-format",
        type=click.Choice(INPUT_FORMATS),
        default="auto",
        show_default=True,
        help="text: a file is a document; lines: a line is a document; jsonl: a JSON object per "
        "line; auto: jsonl for .jsonl/.ndjson (also .gz/.zst), else text; stdin is sniffed "
        "(gzip/zstd, and JSON Lines when its first line is a JSON object).",
    ),
    click.option("--text-field", default="text", show_default=True, help="JSONL field holding the text."),
    click.option("--id-field", default="id", show_default=True, help="JSONL field naming the document."),
    click.option(
        "--include",
        multiple=True,
        metavar="GLOB",
        help="In folders, read only files matching GLOB (name or path inside the folder; repeatable).",
    ),
    click.option(
        "--exclude",
        multiple=True,
        metavar="GLOB",
        help="In folders, skip files matching GLOB, and folders whose name matches it (repeatable), "
        "e.g. --exclude '*.html' --exclude drafts.",
    ),
    click.option(
        "-o",
        "--output",
        type=click.Path(allow_dash=True),
        default=None,
        help="Write here instead of stdout (.gz/.zst compress); written atomically. A folder "
        "(existing, ending in '/', or without suffix when the inputs are folders) gets one "
        "output per input file, mirroring the tree.",
    ),
    click.option(
        "--max-doc-chars",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_DOC_CHARS,
        show_default=True,
        help="Report (and skip) documents longer than this, so one cannot exhaust memory.",
    ),
    click.option("--strict", is_flag=True, help="Stop with a non-zero status at the first failure."),
]


class _Favors(click.Choice):
    """``--favor``'s choices, the keys of :data:`cleaner.classify.FAVOR`, read
    when first asked for (by ``cleaner clean``, or its --help): classify is
    the heaviest module to import, and nothing else of the command line needs it."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from .classify import FAVOR

        return tuple(FAVOR)

    @choices.setter
    def choices(self, _value) -> None:
        pass  # (click.Choice sets them when made)


def _with(options):
    def deco(f):
        for opt in reversed(options):
            f = opt(f)
        return f

    return deco


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    from .compiled import describe

    click.echo(f"cleaner {version('cleaner')} ({describe()})")
    ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version, and whether the compiled core is in use.",
)
def main() -> None:
    """Clean scraped, mis-encoded, mixed-language text into language-tagged segments."""


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@contextlib.contextmanager
def _ended_cleanly(
    messages: Messages, output: str | None = None, folder: bool = False, resumable: bool = True
) -> Iterator[None]:
    """How a command ends, whatever happens inside: interrupted (130, one
    line), stopped by --strict, an output that cannot be written, the pipe
    reader gone (quietly, with the status so far)."""
    previous = signal.signal(signal.SIGTERM, _interrupt)  # SIGTERM ends the run like Ctrl-C
    try:
        yield
    except KeyboardInterrupt:
        remove_unfinished()
        if folder:
            where = f"; the outputs in {output} are complete"
            where += ", --resume goes on from there" if resumable else ""
        else:
            where = f"; {output} not written" if output and output != "-" else ""
        click.echo(f"cleaner: interrupted{where}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except StrictStop:
        click.echo("cleaner: stopped at the first failure (--strict)", err=True)
        sys.exit(EXIT_FAILURES)
    except OutputError as e:
        click.echo(f"cleaner: error: {e.where}: {e.message}", err=True)
        sys.exit(EXIT_FAILURES)
    except PipeClosed:
        quiet_stdout()  # the reader has all it wanted: not a failure
        sys.exit(messages.status)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _read_options(
    input_format,
    text_field,
    id_field,
    max_doc_chars,
    include,
    exclude,
    skip: tuple[str, ...] = (),
    blank_lines: bool = False,
    named: bool = True,
    keep_lines: bool = False,
) -> ReadOptions:
    # A record without the id field is said when --id-field was given and the
    # documents are named in the output (``named``: not by repair).
    source = click.get_current_context().get_parameter_source("id_field")
    return ReadOptions(
        input_format,
        text_field,
        id_field,
        max_doc_chars,
        tuple(include),
        tuple(exclude),
        skip,
        blank_lines,
        id_field_asked=named and source is not click.core.ParameterSource.DEFAULT,
        keep_lines=keep_lines,
    )


def _check_inputs(inputs: list[str], read_opts: ReadOptions) -> None:
    """A folder with no file to read is a likely mistake: say so, exit 1.
    Stdin at a terminal (``cleaner clean`` alone) is said to be read: it
    would look hung."""
    if (not inputs or STDIN in inputs) and sys.stdin is not None and sys.stdin.isatty():
        command = click.get_current_context().info_name
        click.echo(f"cleaner: reading stdin (end it with Ctrl-D, or give files: cleaner {command} --help)", err=True)
    for p in inputs:
        if p == STDIN or not os.path.isdir(p):
            continue
        if not any(isinstance(f, InputFile) for f in walk([p], read_opts)):
            filters = " matching --include/--exclude" if read_opts.include or read_opts.exclude else ""
            click.echo(f"cleaner: error: {p}: no input files{filters}", err=True)
            sys.exit(EXIT_FAILURES)


@main.command()
@_with(_input_options)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(emit.FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: a segment per line; docs: a record per document; tsv: a row per segment; text: the kept text.",
)
@click.option(
    "--lang",
    default=None,
    metavar="CODES|main",
    help="Keep only these languages (comma-separated ISO 639-1/639-3 codes or BCP-47 tags, "
    "e.g. en,fr or en-US), or 'main' for each document's main language. "
    "See: cleaner languages.",
)
@click.option(
    "--keep-boilerplate", is_flag=True, help="Keep boilerplate and duplicates too (with their kind and reason)."
)
@click.option("--segments", "with_segments", is_flag=True, help="With --format docs: add the kept segments.")
@click.option(
    "--favor",
    type=_Favors(),
    default="balanced",
    show_default=True,
    help="Which way doubtful lines go: precision drops more furniture (and some text), recall keeps more text.",
)
@click.option(
    "--detector",
    type=click.Choice(DETECTORS),
    default="langdetect",
    show_default=True,
    help="Statistical language detector.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: all cores when an input is a folder or the files "
    f"add up to {plan.POOL_MIN_BYTES // 1_000_000} MB or more, else 1]. "
    "Output is the same, in the same order, whatever N.",
)
@click.option("--resume", is_flag=True, help="With -o DIR: skip inputs whose output already exists.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary on stderr.")
@click.option(
    "--summary", "force_summary", is_flag=True, help="Print the one-line summary even when stderr is not a terminal."
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="ray: run on a Ray cluster (pip install 'cleaner[ray]'); needs input folders and -o DIR.",
)
@click.option("--address", default=None, help="With --engine ray: the cluster address (default: a local Ray).")
@click.option(
    "--repeated-lines",
    type=click.IntRange(min=0),
    default=MIN_DOCS,
    show_default=True,
    metavar="N",
    help="A line of furniture found in at least N documents of the run is boilerplate (site "
    "templates), and prose found in an earlier document is a duplicate; 0 turns both off. "
    "Needs a first pass, so not for stdin or FIFOs.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE.html",
    help="Also write a self-contained HTML report of the run: summary charts, and documents "
    "with removed lines struck through, their reasons and language badges.",
)
@click.option(
    "--report-sample",
    type=click.IntRange(min=1),
    default=REPORT_SAMPLE,
    show_default=True,
    metavar="N",
    help="With --report: show N documents in full (those whose names hash lowest: the "
    "same for the same run), or all of a run that has no more.",
)
def clean(
    inputs,
    input_format,
    text_field,
    id_field,
    include,
    exclude,
    output,
    max_doc_chars,
    strict,
    fmt,
    lang,
    keep_boilerplate,
    with_segments,
    favor,
    detector,
    jobs,
    resume,
    quiet,
    force_summary,
    engine,
    address,
    repeated_lines,
    report_path,
    report_sample,
) -> None:
    """Clean INPUTS (files, folders, '-' for stdin; none = stdin) into language-tagged segments.

    With -o DIR, every input file gets an output file at the same place under DIR.
    """
    from .pipeline import Options, make_detector
    from .run.job import CleanJob
    from .run.plan import RunSpec
    from .run.runner import execute
    from .select import Selection, UnknownLanguage

    inputs = list(inputs)
    _check_names(output, report_path)
    try:
        selection = Selection.parse(lang, keep_boilerplate)
    except UnknownLanguage as e:
        raise click.BadParameter(str(e), param_hint="'--lang'") from None
    if with_segments and fmt != "docs":
        raise click.UsageError("--segments adds the segments to document records: use it with --format docs")
    folder_out = plan.is_folder_output(output, inputs)
    if resume and not folder_out:
        raise click.UsageError("--resume needs -o DIR (a folder of outputs)")
    if engine == "ray" and not folder_out:
        raise click.UsageError("--engine ray needs input folders and -o DIR")
    if folder_out and (STDIN in inputs or not inputs):
        raise click.UsageError("-o DIR needs files or folders as inputs, not stdin")
    if report_path:
        _check_report_path(report_path, engine, inputs, output)
    try:
        make_detector(detector)  # loads once; a missing extra is a usage error, not a traceback
    except ImportError as e:
        raise click.UsageError(str(e)) from None
    skip = _skip(output, inputs) + (_skip(report_path, inputs) if report_path else ())
    # Document records keep each input record's line as written, but for the text.
    keep_lines = fmt == "docs"
    read_opts = _read_options(
        input_format, text_field, id_field, max_doc_chars, include, exclude, skip, keep_lines=keep_lines
    )
    _check_inputs(inputs, read_opts)
    planned = _check_plan(inputs, output, folder_out, fmt, read_opts)
    job = CleanJob(
        Options(selection, detector, max_doc_chars, favor), fmt, text_field, with_segments, report=bool(report_path)
    )
    messages = Messages(strict)
    show = not quiet and sys.stderr.isatty()
    started = time.monotonic()
    spec = RunSpec(
        tuple(inputs), output, read_opts, job,
        jobs=(jobs or plan.default_jobs(inputs)) if engine == "local" else 1,
        folder_out=folder_out, resume=resume, repeated_lines=repeated_lines, engine=engine, address=address,
        progress=show, report_sample=report_sample if report_path else 0, planned=planned,
    )  # fmt: skip
    with _ended_cleanly(messages, output, folder_out):
        try:
            stats = execute(spec, messages.fail, messages.warn, started)
        except ImportError as e:  # --engine ray without Ray
            raise click.UsageError(f"--engine ray: {e}") from None
        messages.finish()
        seconds = time.monotonic() - started
        if (show or force_summary) and not quiet:
            click.echo(stats.summary(seconds), err=True)
        if report_path:
            _write_report(report_path, stats, job.options, seconds, messages)
    sys.exit(messages.status)


def _check_names(output: str | None, report_path: str | None = None) -> None:
    """An empty -o or --report (``-o "$OUT"`` with OUT unset) is a usage error:
    it wrote nowhere sensible (or, for --report, nothing at all, with exit 0)."""
    if output == "":
        raise click.UsageError("-o '' names no file (an unset variable?): give a file, a folder, or - for stdout")
    if report_path == "":
        raise click.UsageError("--report '' names no file (an unset variable?): give a file")


def _skip(output: str | None, inputs: list[str]) -> tuple[str, ...]:
    """An output (folder or file) inside an input folder is never read back as input."""
    if not output or output == STDIN:
        return ()
    return (output,) if plan.inside(output, [p for p in inputs if os.path.isdir(p)]) else ()


def _check_plan(
    inputs: list[str], output: str | None, folder_out: bool, fmt: str | None, read_opts: ReadOptions
) -> tuple[list[plan.Pair], list[Failure | Notice]] | None:
    """A usage error, before anything is read, for a run that would overwrite
    an input or write two inputs into one output file; else a folder run's
    plan (:func:`cleaner.run.plan.plan_folder`: its pairs and problems), or None."""
    try:
        if folder_out:
            return plan.plan_folder(inputs, output, fmt, read_opts)  # type: ignore[arg-type]
        plan.check_output_file(output, inputs)
        return None
    except plan.PlanError as e:
        raise click.UsageError(str(e)) from None


def _check_report_path(path: str, engine: str, inputs: list[str], output: str | None) -> None:
    if engine == "ray":
        raise click.UsageError("--report is not available with --engine ray")
    try:
        plan.check_output_file(path, inputs)
    except plan.PlanError:
        raise click.UsageError(f"--report {path} is also an input: write the report to another file") from None
    if output and output != STDIN and os.path.realpath(output) == os.path.realpath(path):
        raise click.UsageError(f"--report {path} is also the output (-o): give them two names")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise click.UsageError(f"--report {path}: no folder {folder}")


def _write_report(path: str, stats, options: Options, seconds: float, messages: Messages) -> None:
    from .report import write

    try:
        write(path, stats.report, stats, options, seconds)
    except OutputError as e:
        messages.fail(path, e.message)


@main.command("repair")
@_with(_input_options)
@click.option("--explain", is_flag=True, help="List on stderr the encoding used and what was fixed on which line.")
def repair_cmd(
    inputs, input_format, text_field, id_field, include, exclude, output, max_doc_chars, strict, explain
) -> None:
    """Repair the encoding of INPUTS and print the repaired text.

    Plain text comes out as text; JSONL comes out as JSONL with the text field
    repaired and every other field untouched.
    """
    from .repair import repair

    messages = Messages(strict)
    inputs = list(inputs)
    _check_names(output)
    folder_out = plan.is_folder_output(output, inputs)
    if folder_out and (STDIN in inputs or not inputs):
        raise click.UsageError("-o DIR needs files or folders as inputs, not stdin")
    skip = _skip(output, inputs)
    # Each line of a `lines` input comes out in its place, blank ones too; a
    # JSONL record comes out as its line, with only the text field's value changed.
    read_opts = _read_options(
        input_format,
        text_field,
        id_field,
        max_doc_chars,
        include,
        exclude,
        skip,
        blank_lines=True,
        named=False,
        keep_lines=True,
    )
    _check_inputs(inputs, read_opts)
    planned = _check_plan(inputs, output, folder_out, None, read_opts)

    def repair_into(out: Output, paths: list[str]) -> None:
        for item in _documents(paths, read_opts, messages):
            try:
                decoded = _decoded(item)
                repaired = repair(check_length(decoded.text if decoded else item.data, max_doc_chars))  # type: ignore[arg-type]
                fixed = repaired.text
                if item.kind == "text" and input_format == "lines" and "\n" in fixed:
                    # A line comes out as one line: a line break repair made
                    # (of U+2028, or of its mojibake) is a space.
                    fixed = fixed.replace("\n", " ")
                if explain:
                    _explain(item.where, decoded.encoding if decoded else item.encoding, repaired, item.fixes)
            except Exception as e:  # noqa: BLE001 (one bad document must not stop the run)
                messages.fail(item.where, problem(e))
                continue
            if item.fields is not None:
                out.write(emit.record_line(item.fields, text_field, fixed, item.line))
            elif input_format == "lines":
                out.write(fixed + "\n")
            else:
                out.write(fixed)

    with _ended_cleanly(messages, output, folder_out, resumable=False):
        if folder_out:
            # One output per input file, mirroring the tree (documents of
            # different files never run together in one text).
            assert planned is not None  # (a folder run is planned)
            pairs, problems = planned
            plan.report_problems(problems, messages.fail, messages.warn)
            for pair in pairs:
                with Output(pair.dst) as out:
                    repair_into(out, [pair.src.path])
        else:
            with Output(output) as out:
                repair_into(out, inputs)
        messages.finish()
    sys.exit(messages.status)


def _decoded(item: Item) -> Decoded | None:
    """The text of an item as the pipeline reads it (a page's: its text, one
    line per block), or ``None`` for text the reader decoded itself."""
    if item.kind == "html":
        from .io.html import extract

        page = extract(item.data, item.content_type)
        return Decoded(page.text, page.encoding or "text")
    return decode(item.data) if isinstance(item.data, bytes) else None


def _documents(inputs: list[str], options: ReadOptions, messages: Messages) -> Iterator[Item]:
    """The readable documents of ``inputs``; failures and notices reported on the way."""
    for item in read(inputs, options):
        if isinstance(item, Failure):
            messages.fail(item.where, item.message)
            continue
        if isinstance(item, Notice):
            messages.warn(item.where, item.message, item.once)
            continue
        blank_line = options.blank_lines and options.input_format == "lines"  # (kept in its place)
        if item.fields is None and not item.data.strip() and not blank_line:
            messages.warn(item.where, "empty document")
        yield item


def _explain(where: str, encoding: str | None, repaired, read_fixes: tuple[str, ...] = ()) -> None:
    """One stderr line per document (encoding, fixes: the reader's, then
    repair's), then one per fixed line."""
    head = f"{where}: encoding={encoding or 'text'}"
    fixes = list(dict.fromkeys([*read_fixes, *repaired.fixes]))
    click.echo(f"{head} fixes={','.join(fixes) or 'none'}", err=True)
    for fix in repaired.lines:
        extra = f" ({fix.detail})" if fix.detail else ""
        click.echo(f"{where}:{fix.line}: {','.join(fix.fixes)}{extra}", err=True)


@main.command("languages")
@click.option(
    "--detector", type=click.Choice(DETECTORS), default=None, help="Only the languages this detector can answer."
)
def languages_cmd(detector) -> None:
    """List the languages cleaner knows: code (what it emits and --lang takes),
    ISO 639-3, name, the detectors that know it, and its scripts."""
    from .languages import LANGUAGES, known_to

    langs = known_to(detector) if detector else list(LANGUAGES.values())
    rows = ["code\tiso3\tname\tdetectors\tscripts"]
    for lang in langs:
        scripts = " ".join(dict.fromkeys(lang.own_scripts + lang.scripts))
        rows.append(
            f"{lang.code}\t{lang.iso3}\t{lang.name}\t{','.join(sorted(lang.detectors)) or '-'}\t{scripts or '-'}"
        )
    # The one stdout writer, ended as clean's output is: `cleaner languages | head`
    # is a quiet success (click would exit 1), a full disk one line on stderr.
    with _ended_cleanly(Messages(False)):
        out = Output()
        out.write("\n".join(rows) + "\n")
        out.commit()


def run() -> None:
    """Console-script entry point: ``main`` with a quiet end on a closed pipe."""
    try:
        main()
    except BrokenPipeError:
        quiet_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("cleaner: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
