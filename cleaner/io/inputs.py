"""Read inputs: files, folders and stdin, as plain text, JSONL, HTML or
WARC/WET (:mod:`cleaner.io.html`, :mod:`cleaner.io.warc`), compressed or not.

Yields :class:`Item` (one document), :class:`Failure` (one problem, with the
file and line it is in) or :class:`Notice` (a warning: a file skipped, bytes
repaired), lazily, so a corpus is never held in memory and a bad line never
hides the good ones after it.

Every document carries its place in the run (:attr:`Item.order`): the index of
its file among all input files, in the order they are walked, and its index
in that file.  Both passes of a run, and every worker, agree on it, so "the
first document that has this line" means the same in all of them.
"""

from __future__ import annotations

import codecs
import fnmatch
import gzip
import hashlib
import io
import json
import os
import stat
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ..charset import detect

INPUT_FORMATS = ("auto", "text", "lines", "jsonl", "html", "warc")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSED_SUFFIXES = (".gz", ".zst")
DEFAULT_MAX_DOC_CHARS = 10_000_000
# A document's place in the run: (file index << ORDER_BITS) | index in its file.
ORDER_BITS = 32
STDIN = "-"

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_SNIFF_BYTES = 1 << 16  # what is looked at to tell stdin's format
# Suffixes of files that hold HTML, and of WARC files (Common Crawl's WET too).
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
WARC_SUFFIXES = (".warc", ".wet")
# How a page starts (an XML declaration alone could be any XML: XHTML comes as .xhtml).
_HTML_START = (b"<!doctype html", b"<html")


class TooLong(ValueError):
    """A document over ``Options.max_doc_chars``: reported, never cut silently."""


def check_length(text: str, limit: int) -> str:
    """``text``, or :class:`TooLong` when it is longer than ``limit`` characters."""
    if len(text) > limit:
        raise TooLong(f"document too long ({len(text):,} characters; --max-doc-chars is {limit:,})")
    return text


@dataclass
class Item:
    """One document to clean: ``data`` is bytes (files) or str (JSONL fields).

    ``encoding`` is set when the reader decoded the text itself (JSONL lines);
    ``fixes`` names what it had to repair on the way (``invalid-utf8``).
    ``kind`` is ``html`` for a page to read as HTML
    (:meth:`cleaner.pipeline.Pipeline.process_html`), with ``content_type``
    the one its HTTP headers declare (its charset is a hint).  ``line`` is
    the JSON text of a JSONL record as read, when ``ReadOptions.keep_lines``
    (its output keeps every other field as written: :mod:`cleaner.io.jsonl`).
    """

    doc: str
    data: bytes | str
    where: str
    fields: dict[str, Any] | None = field(default=None)
    order: int = 0
    encoding: str | None = None
    fixes: tuple[str, ...] = ()
    kind: str = "text"
    content_type: str | None = None
    line: str | None = None


@dataclass
class Failure:
    """An input that could not be read; ``where`` is ``path`` or ``path:line``."""

    where: str
    message: str


@dataclass
class Notice:
    """Something the user should know about an input that is still read (or skipped).

    Notices with the same ``once`` key are said once per run (with a count of
    the others at the end).  ``skipped`` names what was left out (a WARC
    record's payload type), counted in the run's summary.
    """

    where: str
    message: str
    once: str = ""
    skipped: str = ""


HTML_NOTICE = (
    "looks like HTML, read as text, markup and all: pip install 'cleaner[html]' to read HTML as HTML, "
    "or leave such files out with --exclude '*.html'"
)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are found and read.

    ``include``/``exclude`` are glob patterns matched against file names and
    against paths relative to the folder given (``*.txt``, ``news/**``);
    ``exclude`` also against the names of the folders inside it (``drafts``);
    ``skip`` holds folders never walked and files never read (the output
    folder or file, when it lies inside an input folder); ``blank_lines``:
    with ``lines``, a blank line is a document too (``cleaner repair`` keeps
    every line in its place); ``keep_lines``: a JSONL record keeps the line
    it was read from (:attr:`Item.line`), for outputs that write it back.
    """

    input_format: str = "auto"
    text_field: str = "text"
    id_field: str = "id"
    # Longer documents are reported, never read whole: a character is at most
    # 4 bytes of UTF-8 (and of UTF-32), so more bytes than that cannot fit.
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    blank_lines: bool = False
    id_field_asked: bool = False  # --id-field was given: a record without it is said
    keep_lines: bool = False

    @property
    def max_bytes(self) -> int:
        return 4 * self.max_doc_chars + 4


@dataclass(frozen=True)
class InputFile:
    """One file of the run: its index in walking order, its path, and the
    folder it was found in (``None`` when named on the command line)."""

    index: int
    path: str
    root: str | None = None


def _wanted(path: str, root: str, options: ReadOptions, files: bool = True) -> bool:
    """Whether ``path`` (inside folder ``root``) is read; with ``files``
    False, only whether an excluded folder holds it."""
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    name = os.path.basename(path)

    def hit(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)

    if files and options.include and not hit(options.include):
        return False
    if files and hit(options.exclude):
        return False
    # An excluded folder (``--exclude drafts``, ``drafts/``) leaves out all it holds.
    folders = [f for f in rel.split("/")[:-1] if f]
    return not any(fnmatch.fnmatch(folder, p.rstrip("/")) for p in options.exclude for folder in folders)


def walk(paths: list[str], options: ReadOptions = ReadOptions()) -> Iterator[InputFile | Failure | Notice]:
    """Input files in order: folders recursively in sorted order (hidden files,
    ``options.skip`` folders and files ``include``/``exclude`` leave out are
    skipped); no paths means stdin.  Sockets, FIFOs and devices found in a
    folder are skipped with a :class:`Notice` (opening one could block the run
    for ever), and so are links to folders (a loop could trap it); named on
    the command line, a FIFO is read (``<(zcat x.gz)``), a linked folder walked.
    A file reached twice by the same path (a folder and a file in it) is
    read once, with a :class:`Notice`; a link to it is a file of its own."""
    index = 0
    skip = {os.path.realpath(s) for s in options.skip}
    seen: set[str] = set()

    def again(path: str) -> Notice | None:
        where = os.path.abspath(path)
        if where in seen:
            return Notice(path, "given more than once: read once", once="given-twice")
        seen.add(where)
        return None

    for p in paths or [STDIN]:
        if p == STDIN:
            yield InputFile(index, p)
            index += 1
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(
                    d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(root, d)) not in skip
                )
                for d in dirs:
                    # (not walked: os.walk follows no links, so a loop cannot trap the run)
                    link = os.path.join(root, d)
                    if os.path.islink(link) and _wanted(os.path.join(link, "*"), p, options, files=False):
                        yield Notice(link, "skipped: a link to a folder, not followed (name it to read it)")
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    path = os.path.join(root, name)
                    if not _wanted(path, p, options) or skip and os.path.realpath(path) in skip:
                        continue
                    kind = _special(path)
                    if kind:
                        yield Notice(path, f"skipped: {kind}, not a regular file")
                        continue
                    twice = again(path)
                    if twice:
                        yield twice
                        continue
                    yield InputFile(index, path, p)
                    index += 1
        elif os.path.exists(p):
            twice = again(p)
            if twice:
                yield twice
                continue
            yield InputFile(index, p)
            index += 1
        else:
            yield Failure(p, "no such file or directory")


def _special(path: str) -> str | None:
    """What kind of special file ``path`` is (a FIFO, a socket, a device), or ``None``."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # (reported when it is opened)
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def expand(paths: list[str], options: ReadOptions = ReadOptions()) -> Iterator[str | Failure]:
    """The paths :func:`walk` finds (``-`` for stdin), with its failures."""
    for f in walk(paths, options):
        if isinstance(f, InputFile):
            yield f.path
        elif isinstance(f, Failure):
            yield f


def format_of(path: str, requested: str) -> str:
    """``text``, ``lines``, ``jsonl``, ``html`` or ``warc`` for ``path`` (by suffix when ``auto``).

    >>> format_of("a/b.ndjson.zst", "auto"), format_of("a/b.txt.gz", "auto"), format_of("x", "lines")
    ('jsonl', 'text', 'lines')
    >>> format_of("CC-MAIN-1.warc.wet.gz", "auto"), format_of("crawl.warc", "auto"), format_of("a.htm", "auto")
    ('warc', 'warc', 'html')
    """
    if requested != "auto":
        return requested
    name = _strip_compression(path.lower())
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "html" if name.endswith(HTML_SUFFIXES) else "text"


def _strip_compression(path: str) -> str:
    for s in COMPRESSED_SUFFIXES:
        if path.endswith(s):
            return path[: -len(s)]
    return path


def looks_like_html(path: str, head: bytes) -> bool:
    """Whether a file is HTML, by its suffix or its first bytes."""
    if _strip_compression(path.lower()).endswith(HTML_SUFFIXES):
        return True
    start = head.lstrip()[:64].lower()
    return start.startswith(_HTML_START)


class _Peekable(io.RawIOBase):
    """A binary stream with its first bytes already read (stdin, after sniffing).

    Its end is for good: at a terminal, Ctrl-D ends one read, and reading
    again would wait for another (``ended``: the end was met while sniffing).
    """

    def __init__(self, head: bytes, rest: BinaryIO, ended: bool = False):
        self._head, self._rest, self._ended = head, rest, ended

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._ended:
            return 0
        # One read at a time (read() would go on reading past a Ctrl-D that
        # ended a partial read, and wait for another).
        data = self._rest.read1(len(b))  # type: ignore[attr-defined]
        if not data:
            self._ended = True
        b[: len(data)] = data
        return len(data)


def _decompress(stream: BinaryIO, how: str) -> BinaryIO:
    if how == "gz":
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    try:
        import zstandard
    except ImportError as e:
        raise OSError("reading .zst needs the zstandard package (pip install 'cleaner[zstd]')") from e
    # zstandard's reader has no readline: buffered, it has (for JSONL and lines).
    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(stream))


def open_input(path: str) -> BinaryIO:
    """A binary stream of ``path``'s bytes, decompressed by suffix (``.gz``, ``.zst``)."""
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if path.endswith(".zst"):
        raw = open(path, "rb")
        try:
            return _decompress(raw, "zst")
        except OSError:
            raw.close()
            raise
    return open(path, "rb")


def read_head(stream: BinaryIO, size: int) -> bytes:
    """The first ``size`` bytes of ``stream``, fewer only at its end (a pipe
    may hand over fewer at a time; one read at a time, so a terminal's
    Ctrl-D ends it)."""
    head = b""
    read = getattr(stream, "read1", stream.read)
    while len(head) < size:
        chunk = read(size - len(head))
        if not chunk:
            break
        head += chunk
    return head


def _stdin(requested: str) -> tuple[BinaryIO, str]:
    """stdin, decompressed if it starts with gzip or zstd magic, and the format
    it reads as: JSON Lines when its first line is a JSON object and no format
    was asked for, else what was asked (``auto``: text)."""
    raw: BinaryIO = sys.stdin.buffer
    head = read_head(raw, len(_ZSTD_MAGIC))
    ended = len(head) < len(_ZSTD_MAGIC)  # (the end was met)
    stream: BinaryIO = io.BufferedReader(_Peekable(head, raw, ended))
    if head.startswith(_GZIP_MAGIC):
        stream = _decompress(stream, "gz")
    elif head.startswith(_ZSTD_MAGIC):
        stream = _decompress(stream, "zst")
    if requested != "auto":
        return stream, requested
    first = stream.readline(_SNIFF_BYTES)
    fmt = "jsonl" if _is_json_object(first.removeprefix(codecs.BOM_UTF8).strip()) else "text"
    return io.BufferedReader(_Peekable(first, stream)), fmt


def _is_json_object(line: bytes) -> bool:
    if not line.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def read(paths: list[str], options: ReadOptions = ReadOptions()) -> Iterator[Item | Failure | Notice]:
    """Every document of every input, or a :class:`Failure` where one is bad."""
    for f in walk(paths, options):
        if isinstance(f, InputFile):
            yield from read_file(f, options)
        else:
            yield f


def read_files(files: Iterable[InputFile], options: ReadOptions = ReadOptions()) -> Iterator[Item | Failure | Notice]:
    """Every document of each of ``files`` (from :func:`walk`), in turn."""
    for f in files:
        yield from read_file(f, options)


def read_file(f: InputFile, options: ReadOptions = ReadOptions()) -> Iterator[Item | Failure | Notice]:
    """Every document of one input file (``-`` is stdin)."""
    path = f.path
    base = f.index << ORDER_BITS
    try:
        if path == STDIN:
            stream, fmt = _stdin(options.input_format)
        else:
            stream, fmt = open_input(path), format_of(path, options.input_format)
    except OSError as e:
        yield Failure(path, _os_message(e))
        return
    try:
        if fmt in ("text", "html"):
            data = stream.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                yield _too_long(path, options, "document")
            else:
                yield from _page(path, data, fmt, options, base)
        elif fmt == "warc":
            from .warc import read_warc

            yield from read_warc(path, stream, options, base)
        elif fmt == "lines":
            yield from _lines(path, stream, options, base)
        else:
            yield from _jsonl(path, stream, options, base)
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield Failure(path, _os_message(e))
    except Exception as e:  # noqa: BLE001 (a decompressor's own error type, zstd's: still one bad file)
        yield Failure(path, _os_message(e))
    finally:
        if path != STDIN:
            stream.close()


def _page(path: str, data: bytes, fmt: str, options: ReadOptions, base: int) -> Iterator[Item | Failure | Notice]:
    """One file read whole: HTML when asked or, by default, when it looks
    like HTML and an HTML parser is installed; else text (with a warning
    when it looks like HTML)."""
    from .html import available

    html = fmt == "html" or (options.input_format == "auto" and looks_like_html(path, data[:_SNIFF_BYTES]))
    if html and not available():
        if fmt == "html" and options.input_format == "html":
            yield Failure(path, "reading HTML needs selectolax (pip install 'cleaner[html]')")
            return
        yield Notice(path, HTML_NOTICE, once="html")
        html = False
    yield Item(path, data, path, order=base, kind="html" if html else "text")


def _os_message(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror.lower()
    return str(e) or type(e).__name__


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of ``stream``; ``None`` for a line over ``limit`` bytes,
    which is skipped in bounded pieces instead of being held in memory."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
            yield n, None
        else:
            yield n, line


def _too_long(where: str, options: ReadOptions, what: str = "line") -> Failure:
    return Failure(
        where, f"{what} too long (over {options.max_bytes:,} bytes; --max-doc-chars is {options.max_doc_chars:,})"
    )


LONE_CR_FIX = "line-breaks"  # (the name repair gives the fix it would have made of it)


def _lines(path: str, stream: BinaryIO, options: ReadOptions, base: int) -> Iterator[Item | Failure]:
    """A document per line.  A line stays one line: a lone CR inside it (an
    old Mac line end, a stray ``\r``) is a space, not the line break repair
    would make of it (the outputs of a ``lines`` input stay line for line)."""
    for n, line in _bounded_lines(stream, options.max_bytes):
        if line is None:
            yield _too_long(f"{path}:{n}", options)
            continue
        line = line.rstrip(b"\r\n")
        fixes: tuple[str, ...] = ()
        if b"\r" in line:
            # (byte 13 is CR in every encoding a line can be read in: those of
            # one byte and the ASCII-compatible ones of several; UTF-16 and
            # UTF-32, where it is not, have no lines split at byte 10 either)
            line, fixes = line.replace(b"\r", b" "), (LONE_CR_FIX,)
        if options.blank_lines or line.strip():
            yield Item(f"{path}:{n}", line, f"{path}:{n}", order=base + n, fixes=fixes)


FIELDS_SHOWN = 6  # a record's field names listed when its text field is missing


def doc_id(value: object) -> str:
    """A record's id as a document name: a string as it is, anything else as
    JSON writes it (``7``, ``true``, ``{"site": "a", "n": 3}``; not Python's
    ``True`` or ``{'site': 'a'}``).

    >>> doc_id("a-1"), doc_id(7), doc_id(True), doc_id({"n": 3})
    ('a-1', '7', 'true', '{"n": 3}')
    """
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _fields_hint(rec: dict[str, Any], option: str = "--text-field") -> str:
    """What a record without the field ``option`` names has instead (a
    misspelt --text-field or --id-field is then plain to see)."""
    if not rec:
        return "the record is empty"
    names = [json.dumps(k, ensure_ascii=False) for k in list(rec)[:FIELDS_SHOWN]]
    more = ", ..." if len(rec) > FIELDS_SHOWN else ""
    return f"it has {', '.join(names)}{more}: use {option} for another"


def _jsonl(path: str, stream: BinaryIO, options: ReadOptions, base: int) -> Iterator[Item | Failure | Notice]:
    # JSON escapes can take 12 bytes a character ("\\ud83d\\ude00" for one emoji).
    for n, raw in _bounded_lines(stream, 3 * options.max_bytes):
        where = f"{path}:{n}"
        if raw is None:
            yield _too_long(where, options)
            continue
        if n == 1:
            # (Windows tools start UTF-8 files with a byte-order mark; JSON has none)
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        encoding, notice = "utf-8", None
        fixes: tuple[str, ...] = ()
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            # A line with a stray Latin-1 byte (or a whole legacy line): read
            # with the code page plausibility votes for, as files are; kept
            # only if it then parses, counted in the repairs and reported.
            found = detect(raw)
            bad_utf8 = f"invalid UTF-8 at byte {e.start}"
            if found is None or not _is_json_object(found[0].strip().encode("utf-8", "surrogatepass")):
                yield Failure(where, bad_utf8)
                continue
            line, encoding, fixes = found[0], found[1], ("invalid-utf8",)
            notice = Notice(where, f"{bad_utf8}: read as {encoding}")
        line = line.rstrip("\r\n")
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(where, f"invalid JSON ({e.msg}: column {e.colno})")
            continue
        if not isinstance(rec, dict):
            yield Failure(where, f"expected a JSON object, got {type(rec).__name__}")
            continue
        text = rec.get(options.text_field)
        if text is None:
            if options.text_field in rec:
                yield Failure(where, f"field {options.text_field!r} is null (use --text-field for another)")
            else:
                yield Failure(where, f"field {options.text_field!r} missing ({_fields_hint(rec)})")
            continue
        if not isinstance(text, str):
            yield Failure(where, f"field {options.text_field!r} is {type(text).__name__}, not a string")
            continue
        if notice is not None:
            yield notice
        if options.id_field_asked and options.id_field not in rec:
            yield Notice(
                where,
                f"field {options.id_field!r} missing; documents are named FILE:LINE instead "
                f"({_fields_hint(rec, '--id-field')})",
                once="id-field",
            )
        doc = rec.get(options.id_field)
        yield Item(
            doc_id(doc) if doc is not None else where,
            text,
            where,
            rec,
            order=base + n,
            encoding=encoding,
            fixes=fixes,
            line=line if options.keep_lines else None,
        )


# Document names remembered to tell a repeated one, as 8-byte fingerprints in
# one table (``2 * IDS_REMEMBERED`` slots of 8 bytes: 16 MiB at most, grown as
# needed, never more than half full).  Past that many distinct names, later ones are still checked against
# those remembered, but not remembered themselves.  Two names share a
# fingerprint by chance about once in 2**64 / IDS_REMEMBERED**2 runs of that size.
IDS_REMEMBERED = 1 << 20
_IDS_FIRST_SLOTS = 1 << 10
REPEATED_ID = "repeated id"


class RepeatedIds:
    """Which document names were seen before in a run, in bounded memory
    (:data:`IDS_REMEMBERED`): an open-addressed table of fingerprints.

    >>> ids = RepeatedIds()
    >>> [ids.seen(name) for name in ("a", "b", "a", "c", "b")]
    [False, False, True, False, True]
    """

    def __init__(self, remembered: int = IDS_REMEMBERED):
        self._limit = remembered
        self._count = 0
        # (a power of two at least twice the names remembered: probing wraps with a mask)
        self._most = 1 << (2 * remembered - 1).bit_length()
        self._slots = array("Q", bytes(8 * min(_IDS_FIRST_SLOTS, self._most)))

    def seen(self, name: str) -> bool:
        """Whether ``name`` was seen before; remembered if not (while there is room)."""
        digest = hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        mark = int.from_bytes(digest, "little") or 1  # (0 marks an empty slot)
        slots = self._slots
        i = _probe(slots, mark)
        if slots[i]:
            return True
        if self._count < self._limit:
            slots[i] = mark
            self._count += 1
            if 2 * self._count > len(slots) and len(slots) < self._most:
                self._grow()
        return False

    def _grow(self) -> None:
        old = self._slots
        slots = array("Q", bytes(16 * len(old)))
        for mark in old:
            if mark:
                slots[_probe(slots, mark)] = mark
        self._slots = slots


def _probe(slots: array, mark: int) -> int:
    """The slot of ``mark`` in the table ``slots`` (a power of two long, never
    full), or the empty slot where it belongs."""
    mask = len(slots) - 1
    i = mark & mask
    while slots[i] and slots[i] != mark:
        i = (i + 1) & mask
    return i


def flag_repeated_ids(items: Iterable[Item | Failure | Notice], ids: RepeatedIds) -> Iterator[Item | Failure | Notice]:
    """``items``, with a :class:`Notice` before each document whose name (a
    JSONL id, a WARC-Record-ID: not its place, ``FILE:LINE``, which is its
    own) an earlier document of the run had: their segments could not be told
    apart.  Said once per run, with a count of the others at its end."""
    for item in items:
        if isinstance(item, Item) and item.doc != item.where and ids.seen(item.doc):
            name = json.dumps(item.doc, ensure_ascii=False)
            yield Notice(
                item.where,
                f"{REPEATED_ID}; {name} names an earlier document too, so their segments share one doc name",
                once=REPEATED_ID,
            )
        yield item
