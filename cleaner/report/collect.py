"""What the HTML report shows of a run, gathered as the run streams by.

* :func:`document_entry` turns one cleaned document into the plain record the
  report shows of it: its repaired text, main language, repairs, encoding and
  every segment as :meth:`cleaner.records.Segment.to_dict` gives it (the
  records of ``--format jsonl --keep-boilerplate``, without the ``doc`` and
  ``text`` that the document already holds), each with ``removed``: why it
  was removed (:func:`removal_reason`), or ``""`` when it was kept.  It runs
  where the document is cleaned (a worker process), so the parent only adds up.
* :class:`Collector` adds up the whole run (languages, reasons, repairs,
  removed share per document) and keeps a sample of documents: the ``sample``
  ones whose name has the smallest stable hash, so the same run gives the same
  sample whatever ``--jobs`` (ties go to the earlier document).  Memory holds
  the sums and the sample, never the run.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import replace
from typing import Any

from ..records import Document
from ..select import Selection, keep

SAMPLE = 200  # documents shown in full, by default
DOC_CHARS = 200_000  # characters of one document shown at most; the rest is cut
FAILURES_SHOWN = 50  # failure messages listed; all are counted
SHARE_BINS = 10  # bars of the removed-share histogram (0-10 %, ..., 90-100 %)
MOSTLY_REMOVED = 0.5  # "most was removed": over this share of the characters
LANG_FILTER_REASON = "--lang"  # the reason shown for content that --lang drops


_EVERYTHING = Selection()


def document_entry(document: Document, selection: Selection = _EVERYTHING) -> dict[str, Any]:
    """The report's record of one document.

    A segment is ``removed`` (its :func:`removal_reason`) when a run without
    ``--keep-boilerplate`` drops it (boilerplate, duplicates, and languages
    ``selection`` leaves out), so the report shows what was judged furniture
    even when the output keeps it; kept segments have ``removed == ""``.

    >>> from cleaner import Pipeline
    >>> e = document_entry(Pipeline().process("Breaking News\\nThe talks resumed on Monday in Sochi."))
    >>> e["lang"], e["letters"], [(s["kind"], s.get("reason"), s["removed"]) for s in e["segments"]]
    ('en', {'en': 30}, [('boilerplate', 'phrase', 'boilerplate: phrase'), ('content', None, '')])
    """
    normal = replace(selection, keep_boilerplate=False)
    segments, kept = [], []
    for s in document.segments:
        d = s.to_dict()
        del d["doc"], d["text"]  # the document's name and text[start:end]
        if keep(s, normal):
            d["removed"] = ""
            kept.append(s)
        else:
            d["removed"] = removal_reason(d)
        segments.append(d)
    return {
        "doc": document.doc,
        "lang": document.lang,
        "encoding": document.encoding,
        "fixes": list(document.fixes),
        "repairs": line_repairs(document),
        "letters": dict(sorted(_letter_counts(kept).items())),
        "text": document.text,
        "segments": segments,
    }


def line_repairs(document: Document) -> list[list[Any]]:
    """``[offset, fixes, detail]`` for each repaired line: where the line
    starts in the repaired text, which fixes fired, and their detail (the
    code page a line was re-read from, say).

    >>> from cleaner import Pipeline
    >>> line_repairs(Pipeline().process("Hello there.\\nThe Mona Lisa doesnâ€™t have eyebrows."))
    [[13, ['encoding'], '']]
    """
    wanted = {fix.line: fix for fix in document.fixed_lines}
    out, offset = [], 0
    for n, line in enumerate(document.text.split("\n"), 1):
        if n in wanted:
            out.append([offset, list(wanted[n].fixes), wanted[n].detail])
            if len(out) == len(wanted):
                break
        offset += len(line) + 1
    return out


def removal_reason(segment: dict[str, Any]) -> str:
    """``kind: reason`` of a removed segment, e.g. ``boilerplate: phrase``.

    >>> removal_reason({"kind": "duplicate", "reason": "exact-dup"})
    'duplicate: exact-dup'
    >>> removal_reason({"kind": "content"})
    'content: --lang'
    """
    kind = segment["kind"]
    reason = segment.get("reason") or (LANG_FILTER_REASON if kind in ("content", "heading") else "")
    return f"{kind}: {reason}" if reason else kind


def sample_key(doc: str) -> int:
    """A stable hash of a document's name: which documents the sample holds.

    >>> sample_key("voa-kerry-sochi.txt") == sample_key("voa-kerry-sochi.txt")
    True
    """
    digest = hashlib.blake2b(doc.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class Collector:
    """The run's sums and its sample of documents, fed one result at a time.

    >>> from cleaner import Pipeline
    >>> c = Collector(sample=1)
    >>> for i, text in enumerate(["Good morning to you all.", "Breaking News\\nGood night."]):
    ...     c.add_entry(document_entry(Pipeline().process(text, doc=f"d{i}")))
    >>> c.docs, c.removed, len(c.sample_documents())
    (2, 1, 1)
    """

    def __init__(self, sample: int = SAMPLE):
        self.sample = sample
        self.docs = 0
        self.segments = 0
        self.removed = 0
        self.chars = 0
        self.removed_chars = 0
        self.letters: Counter[str] = Counter()  # of the kept text, per language
        self.main: Counter[str] = Counter()  # documents per main language
        self.reasons: Counter[str] = Counter()  # removed segments per removal_reason
        self.reason_chars: Counter[str] = Counter()
        self.fixes: Counter[str] = Counter()  # documents per repair
        self.encodings: Counter[str] = Counter()  # documents per encoding ("" for text given as text)
        self.shares = [0] * SHARE_BINS  # documents per removed share
        self.mostly_removed = 0
        self.foreign_docs = 0  # documents with a kept segment in another language
        self.foreign_segments = 0
        self.failures: list[tuple[str, str]] = []
        self.failed = 0
        # The sample: a heap of (-key, -index, entry) whose top is the largest
        # (key, index) kept so far, the first to go when a smaller one comes.
        self._heap: list[tuple[int, int, dict[str, Any]]] = []

    def add(self, result) -> None:
        """One :class:`cleaner.run.job.Result`: its ``report_entry`` or its failure."""
        if result.error is not None:
            self.failed += 1
            if len(self.failures) < FAILURES_SHOWN:
                self.failures.append(tuple(result.error))
        elif result.report_entry is not None:
            self.add_entry(result.report_entry)

    def add_entry(self, entry: dict[str, Any]) -> None:
        """One document's :func:`document_entry`."""
        index = self.docs
        self.docs += 1
        chars = removed_chars = removed = foreign = 0
        for s in entry["segments"]:
            n = s["end"] - s["start"]
            chars += n
            why = s["removed"]
            if why:
                removed += 1
                removed_chars += n
                self.reasons[why] += 1
                self.reason_chars[why] += n
            elif s["lang"] not in (entry["lang"], "und"):
                foreign += 1
        share = removed_chars / chars if chars else 0.0
        self.segments += len(entry["segments"])
        self.removed += removed
        self.chars += chars
        self.removed_chars += removed_chars
        self.letters.update(entry["letters"])
        self.main[entry["lang"]] += 1
        self.fixes.update(entry["fixes"])
        self.encodings[entry["encoding"] or ""] += 1
        self.shares[min(int(share * SHARE_BINS), SHARE_BINS - 1)] += 1
        self.mostly_removed += share > MOSTLY_REMOVED
        self.foreign_docs += foreign > 0
        self.foreign_segments += foreign
        self._keep_sample(entry, index, share)

    def _keep_sample(self, entry: dict[str, Any], index: int, share: float) -> None:
        item = (-sample_key(entry["doc"]), -index, entry)
        if len(self._heap) < self.sample:
            heapq.heappush(self._heap, item)
        elif item[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, item)
        else:
            return
        entry["index"] = index
        entry["removed_share"] = round(share, 4)
        # What the page's filters look for, worked out once here.
        entry["langs"] = sorted({s["lang"] for s in entry["segments"]})
        entry["reasons"] = sorted({s["removed"] for s in entry["segments"] if s["removed"]})

    def sample_documents(self) -> list[dict[str, Any]]:
        """The sampled entries in run order, each cut to :data:`DOC_CHARS`."""
        return [_cut(entry) for _key, _index, entry in sorted(self._heap, key=lambda t: -t[1])]

    def summary(self) -> dict[str, Any]:
        """The run's sums, for the charts (every mapping sorted, so the page is
        the same for the same run)."""
        return {
            "docs": self.docs,
            "segments": self.segments,
            "removed": self.removed,
            "chars": self.chars,
            "removed_chars": self.removed_chars,
            "letters": _ranked(self.letters),
            "main": _ranked(self.main),
            "reasons": [[k, n, self.reason_chars[k]] for k, n in _ranked(self.reasons)],
            "fixes": _ranked(self.fixes),
            "encodings": _ranked(self.encodings),
            "shares": self.shares,
            "mostly_removed": self.mostly_removed,
            "foreign_docs": self.foreign_docs,
            "foreign_segments": self.foreign_segments,
            "failed": self.failed,
            "failures": [list(f) for f in self.failures],
            "sample": {"size": self.sample, "shown": len(self._heap)},
        }


def _ranked(counts: Counter[str]) -> list[list[Any]]:
    """``[[key, count], ...]``, largest first, ties by key."""
    return [[k, n] for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _cut(entry: dict[str, Any]) -> dict[str, Any]:
    """``entry`` with at most :data:`DOC_CHARS` characters of text (whole
    segments only); ``chars`` then says how long the document was."""
    if len(entry["text"]) <= DOC_CHARS:
        return entry
    segments = [s for s in entry["segments"] if s["end"] <= DOC_CHARS]
    end = segments[-1]["end"] if segments else 0
    return {**entry, "text": entry["text"][:end], "segments": segments, "chars": len(entry["text"])}


def _letter_counts(segments: list) -> dict[str, int]:
    from ..identify import letter_counts  # (not at import: the command line reads SAMPLE)

    return letter_counts(segments)
