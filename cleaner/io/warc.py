"""Read WARC and WET files (``.warc``, ``.warc.gz``, ``.warc.wet.gz``): a record is a document.

- A WET ``conversion`` record (Common Crawl's extracted text, a line per
  block, no blank lines between them) is a text document.
- A ``response`` (or ``resource``) record whose payload is HTML is a page,
  read as HTML (:mod:`cleaner.io.html`), with its HTTP ``Content-Type``
  charset as a hint.  Other payloads (images, PDF, scripts), HTTP errors and
  redirects are skipped, each counted in the run's summary (a
  :class:`~cleaner.io.inputs.Notice` with ``skipped``).
- ``warcinfo``, ``request``, ``metadata`` and ``revisit`` records are not
  documents and are passed over.

The document's id is its ``WARC-Record-ID``; its fields (passed through into
``--format docs`` records) are ``id``, ``url`` (``WARC-Target-URI``),
``date`` (``WARC-Date``) and ``warc``, every header of the record.

The file is read with warcio (``cleaner[warc]``) from a stream that
:func:`cleaner.io.inputs.open_input` has already decompressed, so a
truncated gzip member is Python's gzip error, reported with the number of
the record it cut, after the records before it were read.  (warcio takes
an end of input inside a record for the end of the file; the stream is
wrapped so that a broken one cannot pass for that.)
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from .inputs import Failure, Item, Notice, ReadOptions, _Peekable, _too_long, read_head

HTML_TYPES = ("text/html", "application/xhtml+xml")
DOCUMENT_RECORDS = ("response", "resource", "conversion")
SKIPPED_ONCE = "warc-skipped"  # + the kind: each kind said once, and the others counted under it
# How a WARC file starts (after any decompression by suffix): its first
# record's version line, an old ARC file's first line, or gzip members that
# warcio reads itself (a compressed WARC without the .gz suffix).
WARC_STARTS = (b"WARC/", b"filedesc://", b"\x1f\x8b")
HEAD_BYTES = 16


def read_warc(path: str, stream: BinaryIO, options: ReadOptions, base: int) -> Iterator[Item | Failure | Notice]:
    """Every document record of one WARC or WET file, in order (see the module's doc)."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield Failure(path, "reading WARC needs warcio (pip install 'cleaner[warc]')")
        return
    try:
        head = read_head(stream, HEAD_BYTES)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Failure(path, f"truncated or corrupt gzip member ({e})")
        return
    if head and not head.startswith(WARC_STARTS):
        # (warcio would read it as an ARC file, and each line as a record)
        yield Failure(
            path, "not a WARC file (it does not start with 'WARC/'), read as one by its name or --input-format"
        )
        return
    records = iter(ArchiveIterator(_Loud(_Peekable(head, stream)), arc2warc=True))  # type: ignore[arg-type]
    n = 0  # records read whole
    while True:
        where = f"{path}: record {n + 1}"
        try:
            record = next(records)
            found = _document(record, where, options, base + n + 1) if record.rec_type in DOCUMENT_RECORDS else None
            n += 1
        except StopIteration:
            return
        except BrokenStream as e:
            yield Failure(where, f"truncated or corrupt gzip member ({e}); the {n:,} records before it were read")
            return
        except ArchiveLoadFailed as e:
            yield Failure(where, f"not a WARC record ({str(e).strip()})")
            return
        if found is not None:
            yield found


class BrokenStream(Exception):
    """The compressed input ends inside a gzip member, or is corrupt."""


class _Loud(io.RawIOBase):
    """A stream whose gzip errors are :class:`BrokenStream`, which warcio does not catch."""

    def __init__(self, inner: BinaryIO):
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        # read1: a plain read would gather several gzip members and lose
        # them all to an error in the last one.
        read = getattr(self._inner, "read1", self._inner.read)
        try:
            data = read(len(b))
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            raise BrokenStream(str(e) or type(e).__name__) from e
        b[: len(data)] = data
        return len(data)


def _document(record: Any, where: str, options: ReadOptions, order: int) -> Item | Failure | Notice | None:
    """The document a record holds, the failure or skip it is, or ``None``."""
    headers = dict(record.rec_headers.headers)
    rec_id = headers.get("WARC-Record-ID", "").strip() or where
    fields = {"id": rec_id, "url": headers.get("WARC-Target-URI"), "date": headers.get("WARC-Date"), "warc": headers}
    content_type = headers.get("Content-Type", "")
    status = None
    if record.rec_type == "response" and record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode()
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return _too_long(where, options, "record")
    if record.rec_type == "conversion":
        return Item(rec_id, data, where, fields, order)
    if status is not None and not status.startswith("2"):
        return Notice(
            where, f"skipped: HTTP {status}, not a page", once=f"{SKIPPED_ONCE}:HTTP {status}", skipped=f"HTTP {status}"
        )
    media = content_type.split(";")[0].strip().lower()
    if media not in HTML_TYPES:
        what = media or "no content type"
        return Notice(where, f"skipped: {what}, not HTML", once=f"{SKIPPED_ONCE}:{what}", skipped=what)
    return Item(rec_id, data, where, fields, order, kind="html", content_type=content_type)
