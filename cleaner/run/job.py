"""What every worker does to one input item: the body of ``cleaner clean``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .. import emit
from ..io.inputs import Failure, Item, Notice
from ..pipeline import Options, Pipeline
from ..repeats import Repeats
from .messages import problem


@dataclass(frozen=True)
class CleanJob:
    """What every worker needs to turn an input document into output text."""

    options: Options = Options()
    fmt: str = "jsonl"
    text_field: str = "text"
    with_segments: bool = False
    repeats: Repeats | None = None  # what the first pass learned (cleaner.repeats)
    report: bool = False  # also return what the HTML report shows of each document


@dataclass(frozen=True)
class ItemWarning:
    """A warning about one item: said ``before`` its failure or after, and at
    most once per run when it has a ``once`` key."""

    where: str
    message: str
    before: bool = True
    once: str = ""


@dataclass
class Result:
    """One input item after cleaning: output text, or the failure to report.

    ``document`` is False for a :class:`Notice` (nothing was cleaned).
    """

    out: str = ""
    error: tuple[str, str] | None = None
    warnings: list[ItemWarning] = field(default_factory=list)
    nbytes: int = 0
    lang: str | None = None
    segments: int = 0
    removed: int = 0
    document: bool = True
    report_entry: dict | None = None  # with CleanJob.report: cleaner.report.document_entry
    skipped: str = ""  # what a Notice left out (a WARC record's payload type), for the summary


def format_document(job: CleanJob, document, kept, item_line: str | None = None) -> str:
    """The output text of one cleaned document in ``job.fmt`` (``item_line``: the
    JSONL record it was read from, see :attr:`cleaner.io.inputs.Item.line`)."""
    if job.fmt == "jsonl":
        return "".join(emit.segment_jsonl(s) for s in kept)
    if job.fmt == "tsv":
        return "".join(emit.segment_tsv(s) for s in kept)
    if job.fmt == "docs":
        return emit.document_jsonl(document, kept, job.text_field, job.with_segments, item_line)
    return emit.document_text(document, kept)


def process_item(pipeline: Pipeline, job: CleanJob, item: Item | Failure | Notice) -> Result:
    """Clean one item into its output text."""
    if isinstance(item, Failure):
        return Result(error=(item.where, item.message))
    if isinstance(item, Notice):
        warning = ItemWarning(item.where, item.message, once=item.once)
        return Result(warnings=[warning], document=False, skipped=item.skipped)
    data = item.data
    nbytes = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    warnings = []
    if item.fields is None and not data.strip():
        warnings.append(ItemWarning(item.where, "empty document"))
    try:
        if item.kind == "html":
            document = pipeline.process_html(data, item.doc, item.fields, item.order, item.content_type)
        else:
            document = pipeline.process(
                data, doc=item.doc, fields=item.fields, order=item.order, encoding=item.encoding, fixes=item.fixes
            )
    except Exception as e:  # noqa: BLE001 (one bad document must not stop the run)
        return Result(error=(item.where, problem(e)), nbytes=nbytes, warnings=warnings)
    if "surrogates" in document.fixes:
        warnings.append(ItemWarning(item.where, "lone surrogate replaced by U+FFFD", before=False))
    kept = document.kept
    entry = None
    if job.report:
        from ..report import document_entry

        entry = document_entry(document, job.options.selection)
    return Result(
        out=format_document(job, document, kept, item.line),
        nbytes=nbytes,
        lang=document.lang,
        segments=len(document.segments),
        removed=len(document.segments) - len(kept),
        warnings=warnings,
        report_entry=entry,
    )


def report(r: Result, fail: Callable[[str, str], None], warn: Callable[[str, str, str], None]) -> None:
    """Say what went wrong with one item, in the order a one-process run says it
    (``warn(where, message, once)``)."""
    for w in r.warnings:
        if w.before:
            warn(w.where, w.message, w.once)
    if r.error is not None:
        fail(*r.error)
    for w in r.warnings:
        if not w.before:
            warn(w.where, w.message, w.once)
