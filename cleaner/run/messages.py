"""What a run says on stderr about its inputs: one wording for every path.

``cleaner: error: FILE[:LINE]: message`` for a failure (the run goes on, the
exit status becomes 1), ``cleaner: warning: FILE[:LINE]: message`` for a
warning; a warning with a ``once`` key is said for its first file only, and
the count of the others at the end of the run.  The same failure on many
lines of one file (a misspelt ``--text-field``: every record) is said for its
first :data:`SAME_SHOWN` lines, and the count of the others at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import click

from ..decode import DecodeError
from ..io.inputs import TooLong

SAME_SHOWN = 5  # lines of one file said with the same failure before they are only counted


def problem(e: Exception) -> str:
    """How an exception raised while cleaning or repairing one document is reported."""
    if isinstance(e, (DecodeError, TooLong)):
        return str(e)
    # Not the user's mistake: say so, but keep going with the other documents.
    return f"internal error: {type(e).__name__}: {e}"


class StrictStop(Exception):
    """--strict and something failed."""


class Messages:
    """Counts failures and says them, and warnings, the same way everywhere."""

    def __init__(self, strict: bool = False, echo: Callable[[str], None] | None = None):
        self.failures = 0
        self.strict = strict
        self._echo = echo or (lambda line: click.echo(line, err=True))
        self._once: Counter[str] = Counter()
        self._first: dict[str, str] = {}
        self._same: Counter[tuple[str, str]] = Counter()  # (file, message) -> lines failed so

    def fail(self, where: str, message: str) -> None:
        self.failures += 1
        path, _, line = where.rpartition(":")
        if path and line.isdigit():
            self._same[path, message] += 1
            if self._same[path, message] > SAME_SHOWN:
                if self.strict:
                    raise StrictStop()
                return
        self._echo(f"cleaner: error: {where}: {message}")
        if self.strict:
            raise StrictStop()

    def warn(self, where: str, message: str, once: str = "") -> None:
        if once:
            self._once[once] += 1
            if self._once[once] > 1:
                return
            self._first[once] = message
        self._echo(f"cleaner: warning: {where}: {message}")

    def finish(self) -> None:
        """Say how many more inputs each once-per-run warning was about, and
        how many more lines of a file failed as its first ones did."""
        for (path, message), n in self._same.items():
            if n > SAME_SHOWN:
                more = n - SAME_SHOWN
                self._echo(f"cleaner: error: {path}: {more:,} more line{'s' if more > 1 else ''} like that ({message})")
        for key, n in sorted(self._once.items()):
            if n > 1:
                self._echo(
                    f"cleaner: warning: {n - 1:,} more input{'s' if n > 2 else ''} "
                    f"like that ({self._first[key].split(',')[0].split(';')[0]})"
                )

    @property
    def status(self) -> int:
        return 1 if self.failures else 0
