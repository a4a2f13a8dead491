"""The whole pipeline for one document, and the library entry points.

    bytes ─decode─▶ str ─repair─▶ str ─split─▶ blocks ─classify─▶ ─identify─▶ segments

>>> doc = Pipeline().process("Breaking News\\nThe talks resumed on Monday in Sochi.")
>>> [(s.kind, s.lang, s.text) for s in doc.segments]
[('boilerplate', 'en', 'Breaking News'), ('content', 'en', 'The talks resumed on Monday in Sochi.')]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .classify import classify
from .decode import decode
from .detectors import Detector
from .detectors import make_detector as _make_detector
from .identify import identify, letter_shares
from .records import BOILERPLATE, DUPLICATE, Document, Segment
from .repair import repair
from .select import Selection, select
from .split import split_blocks


DEFAULT_MAX_DOC_CHARS = 10_000_000


class TooLong(ValueError):
    """A document over ``Options.max_doc_chars``: reported, never cut silently."""


def check_length(text: str, limit: int) -> str:
    """``text``, or :class:`TooLong` when it is longer than ``limit`` characters."""
    if len(text) > limit:
        raise TooLong(f"document too long ({len(text):,} characters; --max-doc-chars is {limit:,})")
    return text


@dataclass(frozen=True)
class Options:
    """Everything that changes what the pipeline produces."""

    selection: Selection = Selection()
    detector: str = "langdetect"
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS


def make_detector(name: str) -> Detector:
    """The detector called ``name``; an unknown name is a ``ValueError``."""
    return _make_detector(name)


class Pipeline:
    """Runs documents through every stage with one set of options.

    >>> Pipeline().process("Grüß Gott, wie geht es Ihnen heute?").lang
    'de'
    """

    def __init__(self, options: Options | None = None, templates=None):
        self.options = options or Options()
        self.detector = make_detector(self.options.detector)
        # Lines removed as boilerplate or duplicates are never shown unless kept,
        # so they need no language detection.
        self._skip = (frozenset() if self.options.selection.keep_boilerplate
                      else frozenset({BOILERPLATE, DUPLICATE}))
        # Lines repeated across the run (a cleaner.templates.TemplateCounter
        # filled by a first pass over the inputs), or None.
        self.templates = templates

    def process(self, data: str | bytes, doc: str = "", fields: dict[str, Any] | None = None) -> Document:
        """Run one document (text, or bytes in any encoding) through the pipeline.

        Raises :class:`cleaner.decode.DecodeError` for bytes that are not text
        and :class:`TooLong` for a document over ``options.max_doc_chars``.
        """
        encoding = None
        if isinstance(data, bytes):
            decoded = decode(data)
            data, encoding = decoded.text, decoded.encoding
        repaired = repair(check_length(data, self.options.max_doc_chars))
        text = repaired.text
        blocks = classify(text, split_blocks(text), self.templates)
        segments, main = identify(text, blocks, self.detector, doc=doc, skip_kinds=self._skip)
        block_of = _block_index(blocks, segments)
        kept = [s for s in segments if s.kind in ("content", "heading")]
        return Document(doc=doc, text=text, segments=segments, lang=main,
                        langs=letter_shares(kept), encoding=encoding, fixes=repaired.fixes,
                        fixed_lines=repaired.lines, fields=fields, blocks=blocks, block_of=block_of)

    def template_lines(self, data: str | bytes) -> list[str]:
        """The repaired lines of one document, for the first pass that counts
        lines repeated across a run (see :mod:`cleaner.templates`)."""
        return template_lines(data)

    def select(self, document: Document) -> list[Segment]:
        """The segments of ``document`` that the options keep."""
        return select(document.segments, self.options.selection)

    def process_records(self, records: Iterable[dict[str, Any]], text_field: str = "text",
                        id_field: str = "id") -> Iterator[dict[str, Any]]:
        """Clean each record's ``text_field``; yields document records as they are ready.

        Every input field is passed through; see :func:`cleaner.emit.document_record`.
        """
        from .emit import document_record

        for n, rec in enumerate(records):
            doc = str(rec.get(id_field, n))
            document = self.process(rec[text_field], doc=doc, fields=rec)
            yield document_record(document, self.select(document), text_field)


def template_lines(data: str | bytes) -> list[str]:
    """The repaired lines of one document (see :meth:`Pipeline.template_lines`);
    needs no detector, so worker processes of the first pass load none."""
    if isinstance(data, bytes):
        data = decode(data).text
    return repair(data).text.splitlines()


def _block_index(blocks, segments) -> list[int]:
    out, i = [], 0
    for s in segments:
        while blocks[i].end < s.end:
            i += 1
        out.append(i)
    return out
