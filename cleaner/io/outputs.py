"""Where output goes: stdout, or a file that appears only when complete.

One writer for every path of a run (the stream to ``-o FILE``, each file of
``-o DIR``, each shard a Ray worker writes): text is encoded as UTF-8 and
compressed by suffix (``.gz``, ``.zst``); a file is written under a temporary
name in the same folder and renamed when :meth:`Output.commit` is called, so
an output that exists is whole, and Ctrl-C, SIGTERM or an error leaves none
(a device or a FIFO, ``-o /dev/null``, is written into as it is).
Writing to stdout flushes each record, so a pipe reader sees it at once.
"""

from __future__ import annotations

import gzip
import os
import sys
from typing import BinaryIO

COMPRESSED = (".gz", ".zst")
# Temporary files being written, so an interrupt that lands between two
# statements (a file opened, not yet known to its caller) still leaves none.
_OPEN: set[str] = set()


class PipeClosed(Exception):
    """The reader of our output went away (``| head``)."""


class OutputError(Exception):
    """Output could not be written (disk full, permission denied...)."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where, self.message = where, message


def compression(path: str) -> str:
    """The compression suffix of ``path`` ('' for none).

    >>> compression("a/b.jsonl.zst"), compression("b.txt")
    ('.zst', '')
    """
    return next((s for s in COMPRESSED if path.endswith(s)), "")


def _reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower()


class Output:
    """UTF-8 text to ``path`` (atomically, compressed by suffix) or to stdout
    (``path`` None or ``-``).

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "x.txt")
    >>> out = Output(p); out.write("hello\\n"); os.path.exists(p)
    False
    >>> out.commit(); open(p).read()
    'hello\\n'
    """

    def __init__(self, path: str | None = None):
        self.path = None if path in (None, "-") else path
        self.where = self.path or "<stdout>"
        self._tmp: str | None = None
        self._final: str | None = None  # what the temporary file is renamed to
        self._raw: BinaryIO
        self._stream: BinaryIO
        if self.path is None:
            self._raw = self._stream = sys.stdout.buffer
            return
        try:
            if os.path.exists(self.path) and not os.path.isfile(self.path):
                # /dev/null, /dev/stdout, a FIFO: written into, there is no
                # file to replace (renaming over one replaced the device).
                self._raw = open(self.path, "wb")
            else:
                # Through a link, to the file it names (the link stays a link).
                real = os.path.realpath(self.path)
                folder, name = os.path.split(real)
                os.makedirs(folder, exist_ok=True)
                # Same folder, so the rename never crosses file systems; the
                # real suffix last, so the compression matches.
                self._tmp = os.path.join(folder, f".{name}.tmp-{os.getpid()}{compression(name)}")
                self._final = real
                _OPEN.add(self._tmp)
                self._raw = open(self._tmp, "wb")
        except OSError as e:
            blocking = _file_in_the_way(os.path.dirname(os.path.abspath(self.path)))
            reason = f"{blocking} is not a folder" if blocking else _reason(e)
            raise OutputError(self.path, f"cannot write: {reason}") from None
        self._stream = self._raw
        comp = compression(self.path)
        if comp == ".gz":
            # No file name and a zero time in the header: the same text always
            # gives the same bytes (temp-file names and clocks differ between runs).
            self._stream = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)  # type: ignore[assignment]
        elif comp == ".zst":
            try:
                import zstandard
            except ImportError:
                self.abort()
                raise OutputError(
                    self.path, "writing .zst needs the zstandard package (pip install 'cleaner[zstd]')"
                ) from None
            self._stream = zstandard.ZstdCompressor().stream_writer(self._raw, closefd=False)

    def write(self, text: str) -> None:
        """Write ``text``; stdout is flushed at once (records reach a pipe as they are ready)."""
        if not text:
            return
        try:
            self._stream.write(text.encode("utf-8"))
            if self.path is None:
                self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as e:
            raise OutputError(self.where, f"cannot write: {_reason(e)}") from None

    def commit(self) -> None:
        """Finish: flush stdout, or close the file and give it its name."""
        try:
            if self.path is None:
                self._stream.flush()
                return
            self._close()
            if self._tmp is not None:
                os.replace(self._tmp, self._final)  # type: ignore[arg-type]
                _OPEN.discard(self._tmp)
                self._tmp = None
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as e:
            self.abort()
            raise OutputError(self.where, f"cannot write: {_reason(e)}") from None

    def abort(self) -> None:
        """Give up: the temporary file is removed, nothing appears under the name."""
        if self.path is None:
            return
        try:
            self._close()
        except OSError:
            pass
        if self._tmp is not None:
            _remove(self._tmp)
            self._tmp = None

    def _close(self) -> None:
        if self._stream is not self._raw:
            self._stream.close()
        if not self._raw.closed:
            self._raw.close()

    def __enter__(self) -> Output:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        # Commit on success or when the pipe reader left (it has all it wanted);
        # abort on anything else.  Never ends the process: the caller decides.
        if exc_type is None:
            self.commit()
        elif exc_type is PipeClosed and self.path is None:
            pass
        else:
            self.abort()


def _file_in_the_way(folder: str) -> str | None:
    """The file that stands where ``folder`` or one of its parents should be
    (``-o notes.txt/out.jsonl``), or ``None``."""
    while folder and not os.path.exists(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return folder if folder and not os.path.isdir(folder) else None


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    _OPEN.discard(tmp)


def remove_unfinished() -> None:
    """Remove every temporary file this process has not committed (after an
    interrupt, wherever it landed)."""
    for tmp in list(_OPEN):
        _remove(tmp)


def quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null, so Python does not
    report the broken pipe again when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
