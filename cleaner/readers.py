"""Read inputs: files, folders and stdin, as plain text or JSONL, compressed or not.

Yields :class:`Item` (one document) or :class:`Failure` (one problem, with
the file and line it is in), lazily, so a corpus is never held in memory and a
bad line never hides the good ones after it.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

INPUT_FORMATS = ("auto", "text", "lines", "jsonl")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.zst", ".ndjson.zst")


@dataclass
class Item:
    """One document to clean: ``data`` is bytes (files) or str (JSONL fields)."""

    doc: str
    data: bytes | str
    where: str
    fields: dict[str, Any] | None = field(default=None)


@dataclass
class Failure:
    """An input that could not be read; ``where`` is ``path`` or ``path:line``."""

    where: str
    message: str


@dataclass(frozen=True)
class ReadOptions:
    input_format: str = "auto"
    text_field: str = "text"
    id_field: str = "id"


def expand(paths: list[str]) -> Iterator[str | Failure]:
    """Files, in order: folders recursively in sorted order, hidden files skipped;
    no paths means stdin (``-``)."""
    for p in paths or ["-"]:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        elif os.path.exists(p):
            yield p
        else:
            yield Failure(p, "no such file or directory")


def _open(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if path.endswith(".zst"):
        try:
            import zstandard
        except ImportError as e:
            raise OSError("reading .zst needs the zstandard package (pip install 'cleaner[zstd]')") from e
        return zstandard.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _format_of(path: str, requested: str) -> str:
    if requested != "auto":
        return requested
    return "jsonl" if path.lower().endswith(_JSONL_SUFFIXES) else "text"


def read(paths: list[str], options: ReadOptions = ReadOptions()) -> Iterator[Item | Failure]:
    """Every document of every input, or a :class:`Failure` where one is bad."""
    for path in expand(paths):
        if isinstance(path, Failure):
            yield path
            continue
        fmt = _format_of(path, options.input_format)
        try:
            stream = _open(path)
        except OSError as e:
            yield Failure(path, _os_message(e))
            continue
        try:
            if fmt == "text":
                yield Item(path, stream.read(), path)
            elif fmt == "lines":
                yield from _lines(path, stream)
            else:
                yield from _jsonl(path, stream, options)
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            yield Failure(path, _os_message(e))
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def _os_message(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror.lower()
    return str(e) or type(e).__name__


def _lines(path: str, stream: BinaryIO) -> Iterator[Item | Failure]:
    for n, line in enumerate(stream, 1):
        line = line.rstrip(b"\r\n")
        if line.strip():
            yield Item(f"{path}:{n}", line, f"{path}:{n}")


def _jsonl(path: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Item | Failure]:
    for n, raw in enumerate(stream, 1):
        where = f"{path}:{n}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as e:
            yield Failure(where, f"invalid UTF-8 at byte {e.start}")
            continue
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
            yield Failure(where, f"no {options.text_field!r} field (use --text-field)")
            continue
        if not isinstance(text, str):
            yield Failure(where, f"field {options.text_field!r} is {type(text).__name__}, not a string")
            continue
        doc = rec.get(options.id_field)
        yield Item(str(doc) if doc is not None else where, text, where, rec)
