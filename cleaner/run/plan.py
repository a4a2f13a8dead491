"""The plan of a run: how many processes, and for ``-o DIR`` which output file
each input file gets (the same relative path, the format's suffix, the input's
compression)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..io.inputs import Failure, InputFile, Notice, ReadOptions, format_of, walk
from ..io.outputs import compression
from ..repeats import MIN_DOCS

if TYPE_CHECKING:  # (not imported: `cleaner repair` plans folders without the pipeline)
    from .job import CleanJob


@dataclass(frozen=True)
class RunSpec:
    """Everything one ``cleaner clean`` run was asked to do.

    ``output`` is a file, a folder (``folder_out``) or ``None`` for stdout;
    ``repeated_lines`` is the first pass's threshold (0: no first pass);
    ``report_sample`` the documents the HTML report shows (0: no report);
    ``planned`` a folder run's :func:`plan_folder` made beforehand.
    """

    inputs: tuple[str, ...]
    output: str | None
    read: ReadOptions
    job: CleanJob
    jobs: int = 1
    folder_out: bool = False
    resume: bool = False
    repeated_lines: int = MIN_DOCS
    engine: str = "local"
    address: str | None = None
    progress: bool = False
    report_sample: int = 0
    # A folder run's pairs and problems as planned (and checked) before the
    # run started; None: planned when the run needs them.
    planned: tuple[list[Pair], list[Failure | Notice]] | None = None


_FORMAT_SUFFIX = {"jsonl": ".jsonl", "docs": ".jsonl", "tsv": ".tsv", "text": ".txt"}


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
    >>> output_path("in/CC-MAIN-1.warc.wet.gz", "in", "out", "docs", False)
    'out/CC-MAIN-1.jsonl.gz'
    """
    rel = os.path.relpath(input_path, root)
    comp = compression(rel)
    stem = rel[: len(rel) - len(comp)] if comp else rel
    base, _ext = os.path.splitext(stem)
    for archive in (".warc.wet", ".warc"):  # a WARC's documents: crawl.warc.wet.gz -> crawl.jsonl.gz
        if base.lower().endswith(archive):
            base = base[: -len(archive)]
    suffix = _FORMAT_SUFFIX[fmt]
    name = stem if input_is_jsonl and suffix == ".jsonl" else base + suffix
    return os.path.join(out_dir, name + comp)


def is_folder_output(output: str | None, inputs: list[str]) -> bool:
    """``-o`` names a folder: it exists as one, ends with a separator, or every
    input is a folder and the name has no suffix."""
    if not output or output == "-":
        return False
    if os.path.isdir(output) or output.endswith(os.sep):
        return True
    return bool(inputs) and all(os.path.isdir(p) for p in inputs) and "." not in os.path.basename(output)


# Files that add up to this much keep a pool busy long enough to pay for its
# start (each worker loads its detector: about a second).
POOL_MIN_BYTES = 4_000_000


def default_jobs(inputs: list[str]) -> int:
    """All cores when an input is a folder or the files add up to
    :data:`POOL_MIN_BYTES` or more, else one (stdin, small files)."""
    files = [p for p in inputs if p != "-"]
    if any(map(os.path.isdir, files)) or sum(os.path.getsize(p) for p in files if os.path.isfile(p)) >= POOL_MIN_BYTES:
        return os.cpu_count() or 1
    return 1


def inside(path: str, folders: list[str]) -> bool:
    """Whether ``path`` is one of ``folders`` or lies inside one."""
    real = os.path.realpath(path)
    for f in folders:
        top = os.path.realpath(f)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


@dataclass(frozen=True)
class Pair:
    """One input file of a folder run and the output file it gets."""

    src: InputFile
    dst: str


class PlanError(ValueError):
    """A run that would lose data: an output that overwrites an input, or two
    inputs written to one output file.  Said before anything is read."""


CLASHES_SHOWN = 3  # examples in a PlanError's message; the rest are counted


def plan_folder(
    inputs: list[str], out_dir: str, fmt: str | None, read_opts: ReadOptions
) -> tuple[list[Pair], list[Failure | Notice]]:
    """The (input, output) pairs of a folder-to-folder run, and what could not
    be planned (missing inputs, skipped special files).  With ``fmt`` None
    each output keeps its input's kind (``cleaner repair``): JSONL stays JSONL,
    everything else becomes text.

    A file given twice for one output (by name and inside a folder given
    too) is read once; a link to a file elsewhere in the tree gets its own
    output, as the tree shows it.  Raises :class:`PlanError` when an output
    would replace an input or two inputs would write one output
    (``shard1/a.txt`` and ``shard2/a.txt`` both become ``OUT/a.jsonl``; so do
    ``a.txt`` and ``a.html``): the second would silently overwrite the first.
    """
    pairs: list[Pair] = []
    problems: list[Failure | Notice] = []
    planned: dict[str, Pair] = {}  # real output path -> the pair that writes it
    clashes: list[str] = []
    for f in walk(inputs, read_opts):
        if not isinstance(f, InputFile):
            problems.append(f)
            continue
        root = f.root if f.root is not None else (os.path.dirname(f.path) or ".")
        is_jsonl = format_of(f.path, read_opts.input_format) == "jsonl"
        kind = fmt if fmt is not None else "jsonl" if is_jsonl else "text"
        pair = Pair(f, output_path(f.path, root, out_dir, kind, is_jsonl))
        first = planned.setdefault(os.path.realpath(pair.dst), pair)
        if first is pair:
            pairs.append(pair)
        elif os.path.realpath(first.src.path) == os.path.realpath(f.path):
            problems.append(Notice(f.path, "given more than once: read once", once="given-twice"))
        else:
            clashes.append(f"{first.src.path} and {f.path} -> {pair.dst}")
    _check_targets(pairs, clashes)
    return pairs, problems


def _check_targets(pairs: list[Pair], clashes: list[str]) -> None:
    """Raise :class:`PlanError` when an output is an input, or is shared."""
    inputs = {os.path.realpath(p.src.path) for p in pairs}
    for p in pairs:
        if os.path.realpath(p.dst) in inputs:
            raise PlanError(f"{p.src.path}: its output {p.dst} is an input of the run: give -o another folder")
    if clashes:
        more = f" (and {len(clashes) - CLASHES_SHOWN} more)" if len(clashes) > CLASHES_SHOWN else ""
        raise PlanError(
            "two inputs would write the same output file, the second over the first: "
            + "; ".join(clashes[:CLASHES_SHOWN])
            + more
            + ". -o DIR keeps each file's path inside the folder it was found in: give the folder that holds "
            "them all, or leave some out with --exclude, or run them separately"
        )


def check_output_file(output: str | None, inputs: list[str]) -> None:
    """Raise :class:`PlanError` when ``-o FILE`` is one of the inputs named:
    the output would replace the text it is made from."""
    if not output or output == "-" or not os.path.exists(output):
        return
    real = os.path.realpath(output)
    for p in inputs:
        if p != "-" and os.path.isfile(p) and os.path.realpath(p) == real:
            raise PlanError(f"-o {output} is also an input: write the output to another file")


def files_to_do(pairs: list[Pair], resume: bool) -> tuple[list[Pair], int]:
    """The pairs still to clean (with ``resume``, those whose output does not
    exist yet), and how many were skipped."""
    if not resume:
        return pairs, 0
    todo = [p for p in pairs if not os.path.exists(p.dst)]
    return todo, len(pairs) - len(todo)


def report_problems(
    problems: list[Failure | Notice], fail: Callable[[str, str], None], warn: Callable[[str, str, str], None]
) -> int:
    """Report what :func:`plan_folder` could not plan; the number of failures."""
    failures = 0
    for p in problems:
        if isinstance(p, Failure):
            failures += 1
            fail(p.where, p.message)
        else:
            warn(p.where, p.message, p.once)
    return failures
