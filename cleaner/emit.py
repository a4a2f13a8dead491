"""Turn processed documents into output records: JSONL segments, document
records, TSV rows or plain text.  Pure functions returning strings; the CLI
writes them as soon as each document is done."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .records import Document, Segment

FORMATS = ("jsonl", "docs", "tsv", "text")
TSV_COLUMNS = ("doc", "seg", "start", "end", "lang", "score", "script", "kind", "reason", "main", "text")


def _json(obj: Any) -> str:
    s = json.dumps(obj, ensure_ascii=False)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        # A passed-through field holds a lone surrogate: escaping keeps it as it
        # came in, where raw output could not be written as UTF-8 at all.
        s = json.dumps(obj)
    return s


def segment_jsonl(seg: Segment) -> str:
    """One segment as a JSON line (with its newline)."""
    return _json(seg.to_dict()) + "\n"


def tsv_header() -> str:
    return "\t".join(TSV_COLUMNS) + "\n"


def _tsv_field(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def segment_tsv(seg: Segment) -> str:
    """One segment as a TSV row; tabs, newlines and backslashes are escaped."""
    d = seg.to_dict()
    return "\t".join(_tsv_field(d.get(c, "")) for c in TSV_COLUMNS) + "\n"


def clean_text(document: Document, kept: list[Segment]) -> str:
    """The kept segments as text: a line per input line, a blank line between
    paragraphs, segments of one line joined as they stood when adjacent.

    >>> from cleaner.pipeline import Pipeline
    >>> d = Pipeline().process("Breaking News\\n\\nFirst paragraph here.\\nSame paragraph.\\n\\nNext one.")
    >>> print(clean_text(d, d.segments[1:]))
    First paragraph here.
    Same paragraph.
    <BLANKLINE>
    Next one.
    """
    index = {s.seg: i for i, s in enumerate(document.segments)}
    out: list[str] = []
    prev = None  # (block index, segment number) of the previous kept segment
    for seg in kept:
        b = document.block_of[index[seg.seg]]
        if prev is None:
            pass
        elif prev[0] == b:
            out.append(document.text[prev[2]:seg.start] if prev[1] + 1 == seg.seg else " ")
        elif document.blocks[prev[0]].para != document.blocks[b].para:
            out.append("\n\n")
        else:
            out.append("\n")
        out.append(seg.text)
        prev = (b, seg.seg, seg.end)
    return "".join(out)


def document_record(document: Document, kept: list[Segment], text_field: str = "text",
                    with_segments: bool = False) -> dict[str, Any]:
    """The document as one record: the input fields untouched but for
    ``text_field``, which holds the cleaned text, plus ``lang``, ``langs``,
    ``removed`` (segments dropped, by kind and by language filter), ``repairs``
    and ``encoding``."""
    rec: dict[str, Any] = dict(document.fields) if document.fields is not None else {"doc": document.doc}
    rec[text_field] = clean_text(document, kept)
    rec["lang"] = document.lang
    rec["langs"] = document.langs
    kept_ids = {s.seg for s in kept}
    removed: Counter[str] = Counter()
    for s in document.segments:
        if s.seg not in kept_ids:
            removed[s.kind if s.kind in ("boilerplate", "duplicate") else "lang"] += 1
    rec["removed"] = dict(sorted(removed.items()))
    rec["repairs"] = document.fixes
    if document.encoding is not None:
        rec["encoding"] = document.encoding
    if with_segments:
        rec["segments"] = [s.to_dict() for s in kept]
    return rec


def document_jsonl(document: Document, kept: list[Segment], text_field: str = "text",
                   with_segments: bool = False) -> str:
    return _json(document_record(document, kept, text_field, with_segments)) + "\n"


def document_text(document: Document, kept: list[Segment]) -> str:
    """Plain-text output of one document; empty when nothing was kept."""
    text = clean_text(document, kept)
    return text + "\n" if text else ""
