"""What a run shows on stderr: a progress line while it works (both passes),
and a one-line summary at the end, timed over the whole run."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .job import Result

REDRAW_SECONDS = 0.5


@dataclass
class Stats:
    """What a run did, summed over its documents."""

    docs: int = 0
    bytes: int = 0
    failures: int = 0
    segments: int = 0
    removed: int = 0
    langs: Counter = field(default_factory=Counter)
    skipped_files: int = 0
    skipped: Counter = field(default_factory=Counter)  # records left out (WARC payloads that are not pages), by type
    report: Any = None  # a cleaner.report.Collector, given every result

    def add(self, r: Result) -> None:
        if r.error is not None:
            self.failures += 1
        elif r.document:
            self.docs += 1
            if r.lang:
                self.langs[r.lang] += 1
        if r.skipped:
            self.skipped[r.skipped] += 1
        self.bytes += r.nbytes
        self.segments += r.segments
        self.removed += r.removed
        if self.report is not None:
            self.report.add(r)

    def merge(self, other: Stats) -> None:
        """Add another run's counts (a Ray worker's shard) to these."""
        self.docs += other.docs
        self.bytes += other.bytes
        self.failures += other.failures
        self.segments += other.segments
        self.removed += other.removed
        self.langs.update(other.langs)
        self.skipped_files += other.skipped_files
        self.skipped.update(other.skipped)

    def summary(self, seconds: float) -> str:
        """``cleaner: 1,234 docs, 5.0 MB in 3.2 s (1.6 MB/s), removed 41% of segments, ...``"""
        mb = self.bytes / 1e6
        share = self.removed / self.segments if self.segments else 0.0
        top = ", ".join(
            f"{k} {v / max(self.docs, 1):.0%}"
            for k, v in sorted(self.langs.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        )
        parts = [
            f"{self.docs:,} docs",
            f"{mb:.1f} MB in {seconds:.1f} s ({mb / max(seconds, 1e-9):.2f} MB/s)",
            f"removed {share:.0%} of segments",
        ]
        if top:
            parts.append(f"languages: {top}")
        if self.skipped_files:
            parts.append(f"{self.skipped_files:,} files already done")
        if self.skipped:
            kinds = ", ".join(f"{v:,} {k}" for k, v in sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
            parts.append(f"{sum(self.skipped.values()):,} records skipped ({kinds})")
        parts.append(f"{self.failures:,} failures")
        return "cleaner: " + ", ".join(parts)


class Progress:
    """A status line on stderr, redrawn at most twice a second.

    ``started`` is when the whole run began (both passes are timed from it).
    """

    def __init__(self, enabled: bool, total_bytes: int | None = None, started: float | None = None):
        self.enabled = enabled
        self.total = total_bytes
        self.start = time.monotonic() if started is None else started
        self.last = 0.0

    def update(self, stats: Stats, force: bool = False, what: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < REDRAW_SECONDS:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = stats.bytes / 1e6 / elapsed
        line = f"cleaner: {what}{stats.docs:,} docs, {stats.bytes / 1e6:.1f} MB, {rate:.2f} MB/s"
        if self.total:
            done = min(stats.bytes / self.total, 1.0)
            line += f", {done:.0%}"
            if rate > 0 and done < 1:
                eta = (self.total - stats.bytes) / 1e6 / rate
                line += f", ETA {int(eta // 60)}:{int(eta % 60):02d}"
        if stats.failures:
            line += f", {stats.failures:,} failures"
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
