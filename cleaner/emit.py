"""Turn processed documents into output records: JSONL segments, document
records, TSV rows or plain text.  Pure functions returning strings; the CLI
writes them as soon as each document is done."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from .io.jsonl import NotARecord, replace_value
from .records import Document, Segment

FORMATS = ("jsonl", "docs", "tsv", "text")
TSV_COLUMNS = ("doc", "seg", "start", "end", "lang", "score", "script", "kind", "reason", "main", "how", "text")


def _json(obj: Any) -> str:
    s = json.dumps(obj, ensure_ascii=False)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        # A passed-through field holds a lone surrogate: escaping keeps it as it
        # came in, where raw output could not be written as UTF-8 at all.
        s = json.dumps(obj)
    return s


def json_line(obj: Any) -> str:
    """``obj`` as one line of JSON Lines (with its newline), UTF-8 where it can be."""
    return _json(obj) + "\n"


def segment_jsonl(seg: Segment) -> str:
    """One segment as a JSON line (with its newline)."""
    return json_line(seg.to_dict())


def tsv_header() -> str:
    return "\t".join(TSV_COLUMNS) + "\n"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _tsv_field(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    s = str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    # A lone surrogate (a file name that is not UTF-8, a passed-through JSON
    # escape) cannot be written as UTF-8: escaped as JSON escapes it.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", s) if not s.isascii() else s


def segment_tsv(seg: Segment) -> str:
    """One segment as a TSV row; tabs, newlines and backslashes are escaped."""
    d = seg.to_dict()
    return "\t".join(_tsv_field(d.get(c, "")) for c in TSV_COLUMNS) + "\n"


OURS_PREFIX = "cleaner_"


def field_name(key: str, taken) -> str:
    """The name our field ``key`` is written under beside the input's fields
    ``taken``: ``key``, or ``cleaner_<key>`` where the input has that name,
    prefixed again while that is taken too (an input field is never written over).

    >>> field_name("lang", {"id"}), field_name("lang", {"lang"}), field_name("lang", {"lang", "cleaner_lang"})
    ('lang', 'cleaner_lang', 'cleaner_cleaner_lang')
    """
    name = key
    while name in taken:
        name = OURS_PREFIX + name
    return name


def record_line(
    fields: dict[str, Any], text_field: str, text: str, line: str | None = None, ours: dict[str, Any] | None = None
) -> str:
    """A JSON line of the input record ``fields`` with ``text`` as its
    ``text_field`` and the fields ``ours`` added.  Given the ``line`` the
    record was read from, every other character of it is kept as it was
    (numbers as written, key order, escapes, spacing: :mod:`cleaner.io.jsonl`),
    and kept whole when nothing changes; a line written in ASCII with
    ``\\u`` escapes gets its new values escaped too.

    >>> record_line({"n": 1.5, "text": "x"}, "text", "y", '{"n":1.50,"text":"x"}', {"lang": "en"})
    '{"n":1.50,"text":"y", "lang": "en"}\\n'
    >>> record_line({"n": 1.5, "text": "x"}, "text", "y")
    '{"n": 1.5, "text": "y"}\\n'
    """
    if line is not None:
        if not ours and fields.get(text_field) == text:
            return line + "\n"
        # A line its writer kept ASCII (``\u00e9`` escapes) stays ASCII.
        dumps = json.dumps if line.isascii() and "\\u" in line else _json
        try:
            return replace_value(line, text_field, dumps(text), dumps(ours)[1:-1] if ours else "") + "\n"
        except NotARecord:
            pass  # (a line that does not hold these fields: written from the fields)
    rec = dict(fields)
    rec[text_field] = text
    rec.update(ours or {})
    return json_line(rec)


def document_record(
    document: Document, kept: list[Segment], text_field: str = "text", with_segments: bool = False
) -> dict[str, Any]:
    """The document as one record: the input fields untouched but for
    ``text_field``, which holds the cleaned text, plus ``lang``, ``langs``,
    ``removed`` (segments dropped, by kind and by language filter), ``repairs``,
    ``encoding`` (bytes input only) and, if asked, ``segments``.  Where the
    input already has a field of one of those names, it stays as it was and
    ours is written as ``cleaner_<name>`` (:func:`field_name`).

    >>> from cleaner.pipeline import Pipeline
    >>> d = Pipeline().process("Good morning to all of you.", fields={"id": 7, "lang": "x"})
    >>> sorted(document_record(d, d.segments).items())  # doctest: +NORMALIZE_WHITESPACE
    [('cleaner_lang', 'en'), ('id', 7), ('lang', 'x'), ('langs', {'en': 1.0}), ('removed', {}),
     ('repairs', []), ('text', 'Good morning to all of you.')]
    """
    fields = document.fields if document.fields is not None else {"doc": document.doc}
    rec: dict[str, Any] = dict(fields)
    rec[text_field] = document.text_of(kept)
    rec.update(_ours(document, kept, fields, text_field, with_segments))
    return rec


def _ours(
    document: Document, kept: list[Segment], fields: dict[str, Any], text_field: str, with_segments: bool
) -> dict[str, Any]:
    """The fields a document record adds to the input's, under the names
    :func:`field_name` gives them."""
    removed: Counter[str] = Counter()
    kept_ids = {s.seg for s in kept}
    for s in document.segments:
        if s.seg not in kept_ids:
            removed[s.kind if s.kind in ("boilerplate", "duplicate") else "lang"] += 1
    ours: dict[str, Any] = {
        "lang": document.lang,
        "langs": document.langs,
        "removed": dict(sorted(removed.items())),
        "repairs": document.fixes,
    }
    if document.encoding is not None:
        ours["encoding"] = document.encoding
    if with_segments:
        ours["segments"] = [s.to_dict() for s in kept]
    taken = {*fields, text_field}
    return {field_name(key, taken): value for key, value in ours.items()}


def document_jsonl(
    document: Document,
    kept: list[Segment],
    text_field: str = "text",
    with_segments: bool = False,
    line: str | None = None,
) -> str:
    """:func:`document_record` as a JSON line; given the ``line`` the input
    record was read from, its fields are kept as they were written
    (:func:`record_line`)."""
    if document.fields is None or line is None:
        return json_line(document_record(document, kept, text_field, with_segments))
    ours = _ours(document, kept, document.fields, text_field, with_segments)
    return record_line(document.fields, text_field, document.text_of(kept), line, ours)


def document_text(document: Document, kept: list[Segment]) -> str:
    """Plain-text output of one document; empty when nothing was kept."""
    text = document.text_of(kept)
    return text + "\n" if text else ""
