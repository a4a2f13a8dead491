"""The whole pipeline for one document, and the library entry points.

    bytes ─decode─▶ str ─repair─▶ str ─split─▶ blocks ─classify─▶ ─identify─▶ segments

>>> doc = Pipeline().process("Breaking News\\nThe talks resumed on Monday in Sochi.")
>>> [(s.kind, s.lang, s.text) for s in doc.segments]
[('boilerplate', 'en', 'Breaking News'), ('content', 'en', 'The talks resumed on Monday in Sochi.')]
>>> doc.cleaned_text
'The talks resumed on Monday in Sochi.'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .classify import classify
from .decode import decode
from .detectors import Detector, make_detector
from .identify import identify, letter_shares
from .io.inputs import DEFAULT_MAX_DOC_CHARS, TooLong, check_length, doc_id
from .languages import lookup
from .records import BOILERPLATE, DUPLICATE, Block, Document, Markup, Segment
from .repair import Repaired, repair
from .repeats import MIN_DOCS, Repeats, RepeatScanner, document_ids, fingerprint
from .select import Selection, select
from .split import split_blocks

__all__ = [
    "DEFAULT_MAX_DOC_CHARS",
    "Options",
    "Pipeline",
    "TooLong",
    "check_length",
    "first_pass",
    "make_detector",
]


@dataclass(frozen=True)
class Options:
    """Everything that changes what the pipeline produces."""

    selection: Selection = Selection()
    detector: str = "langdetect"
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS
    favor: str = "balanced"  # which way doubtful lines go (a key of cleaner.classify.FAVOR)


class Pipeline:
    """Runs documents through every stage with one set of options.

    >>> Pipeline().process("Grüß Gott, wie geht es Ihnen heute?").lang
    'de'
    """

    def __init__(self, options: Options | None = None, repeats: Repeats | None = None):
        self.options = options or Options()
        self.detector: Detector = make_detector(self.options.detector)
        # Lines removed as boilerplate or duplicates are never shown unless kept,
        # so they need no language detection.
        self._skip = frozenset() if self.options.selection.keep_boilerplate else frozenset({BOILERPLATE, DUPLICATE})
        # What a first pass over the run learned about repeated lines (see
        # cleaner.repeats and learn()), or None.
        self.repeats = repeats

    def process(
        self,
        data: str | bytes,
        doc: str = "",
        fields: dict[str, Any] | None = None,
        order: int | None = None,
        encoding: str | None = None,
        fixes: Iterable[str] = (),
        markup: list[Markup | None] | None = None,
        lang_hint: str | None = None,
    ) -> Document:
        """Run one document (text, or bytes in any encoding) through the pipeline.

        ``order`` is the document's place in the run (for lines repeated
        across documents, see :meth:`learn`); ``encoding`` and ``fixes`` say
        how text given as ``str`` was decoded, when the caller decoded it.
        ``markup``, per line of the text, is what a page's HTML says of it,
        and ``lang_hint`` the language it says it is in (:meth:`process_html`
        passes both; the hint settles close calls only).

        Raises :class:`cleaner.decode.DecodeError` for bytes that are not text,
        :class:`TooLong` for a document over ``options.max_doc_chars``, and
        ``TypeError`` for anything but text or bytes.
        """
        if not isinstance(data, (str, bytes)):
            raise TypeError(f"Pipeline.process takes text (str) or bytes, not {type(data).__name__}")
        if isinstance(data, bytes):
            decoded = decode(data)
            data, encoding = decoded.text, decoded.encoding
        check_length(data, self.options.max_doc_chars)
        if self.repeats is not None and self.repeats.unrepaired(order, data):
            repaired = Repaired(data)  # the first pass repaired this very text and changed nothing
        else:
            repaired = repair(data)
        text = repaired.text
        blocks = split_blocks(text)
        if markup:
            attach_markup(text, blocks, markup)
        blocks = classify(text, blocks, self.repeats, order, self.options.favor)
        segments, main = identify(text, blocks, self.detector, doc=doc, skip_kinds=self._skip, hint=lang_hint)
        block_of = _block_index(blocks, segments)
        content = [s for s in segments if s.kind in ("content", "heading")]
        return Document(
            doc=doc,
            text=text,
            segments=segments,
            lang=main,
            langs=letter_shares(content),
            encoding=encoding,
            fixes=[*fixes, *repaired.fixes],
            fixed_lines=repaired.lines,
            fields=fields,
            blocks=blocks,
            block_of=block_of,
            kept=select(segments, self.options.selection),
        )

    def process_html(
        self,
        data: str | bytes,
        doc: str = "",
        fields: dict[str, Any] | None = None,
        order: int | None = None,
        content_type: str | None = None,
    ) -> Document:
        """Run one HTML page through the pipeline: its text, one block per line
        (:func:`cleaner.io.html.extract`), cleaned with what its markup says
        of each line as extra evidence.  ``content_type`` is an HTTP header's:
        its charset, like the page's own ``<meta charset>``, is a hint.  Needs
        ``cleaner[html]``.

        >>> d = Pipeline().process_html("<nav><a href=/>Home</a> <a href=/n>News</a></nav>"
        ...                             "<p>The talks resumed on Monday in Sochi, officials said.</p>")
        >>> d.cleaned_text
        'The talks resumed on Monday in Sochi, officials said.'
        """
        from .io.html import extract

        page = extract(data, content_type)
        hint = lookup(page.lang) if page.lang else None
        return self.process(
            page.text,
            doc,
            fields,
            order,
            encoding=page.encoding,
            markup=page.markup,
            lang_hint=hint.code if hint else None,
        )

    def select(self, document: Document) -> list[Segment]:
        """The segments of ``document`` that the options keep."""
        return select(document.segments, self.options.selection)

    def learn(self, texts: Iterable[str | bytes], min_docs: int = MIN_DOCS) -> Repeats:
        """The first pass of a run, for the library: learn the lines repeated
        across ``texts`` (in run order), so that :meth:`process` and
        :meth:`process_records` then remove repeated furniture and mark copies
        (``cross-doc-dup``) as ``cleaner clean`` does on a folder.  The
        documents must then be processed in the same order (``order`` is their
        index in ``texts``; :meth:`process_records` does this itself).

        >>> p = Pipeline()
        >>> page = "The minister arrived in Sochi on Monday for talks with the president of Russia."
        >>> _ = p.learn([page, page])
        >>> [d.segments[0].kind for d in (p.process(page, order=0), p.process(page, order=1))]
        ['content', 'duplicate']
        """
        scanner = RepeatScanner(min_docs=min_docs)
        try:
            for n, data in enumerate(texts):
                try:
                    scanner.add(n, *first_pass(data))
                except Exception:  # noqa: BLE001 (reported when the document itself is processed)
                    continue
        except BaseException:
            scanner.abort()
            raise
        self.repeats = scanner.finish()
        return self.repeats

    def process_records(
        self,
        records: Iterable[dict[str, Any]],
        text_field: str = "text",
        id_field: str = "id",
        cross_document: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """Clean each record's ``text_field``; yields document records as they are ready.

        Every input field is passed through; see :func:`cleaner.emit.document_record`.
        With ``cross_document``, ``records`` is read twice (a list, or anything
        that can be iterated again): first to :meth:`learn` the lines repeated
        across them, as ``cleaner clean`` does with files; without it, each
        record is cleaned on its own.

        A record without the text field, or whose text is not text (``None``,
        a number), raises ``ValueError`` naming the record, as ``cleaner
        clean`` reports it (a record that is not a dict: ``TypeError``); the
        records before it have been yielded.

        >>> next(Pipeline().process_records([{"id": "a", "body": "Hi"}]))
        Traceback (most recent call last):
        ...
        ValueError: record 0 (id 'a'): field 'text' missing (text_field= names another)
        """
        from .emit import document_record

        if cross_document:
            if iter(records) is records:
                raise TypeError("cross_document=True reads the records twice: give a list, not an iterator")
            self.learn(_record_text(rec, n, text_field, id_field) for n, rec in enumerate(records))
        for n, rec in enumerate(records):
            text = _record_text(rec, n, text_field, id_field)
            doc = doc_id(rec.get(id_field, n))
            document = self.process(text, doc=doc, fields=rec, order=n)
            yield document_record(document, document.kept, text_field)


def _record_text(rec: dict[str, Any], n: int, text_field: str, id_field: str) -> str | bytes:
    """The text of record ``n``, or a ValueError that says which record lacks
    it (a TypeError for a record that is not a dict)."""
    if not isinstance(rec, Mapping):
        raise TypeError(f"record {n}: expected a dict (one record's fields), got {type(rec).__name__}")
    text = rec.get(text_field)
    if isinstance(text, (str, bytes)):
        return text
    name = f"record {n}" + (f" (id {rec[id_field]!r})" if id_field in rec else "")
    if text_field not in rec:
        raise ValueError(f"{name}: field {text_field!r} missing (text_field= names another)")
    what = "null" if text is None else f"{type(text).__name__}, not text"
    raise ValueError(f"{name}: field {text_field!r} is {what}")


def first_pass(data: str | bytes, html: bool = False, content_type: str | None = None) -> tuple[list[int], int]:
    """What the first pass of a run learns from one document: the ids of its
    lines repaired as the second pass will see them
    (:func:`cleaner.repeats.document_ids`; no detector needed, so the workers
    of that pass load none) and, when repair leaves its text as it is, the
    text's fingerprint (else 0), so that the second pass does not repair it
    again (:meth:`cleaner.repeats.Repeats.unrepaired`).

    >>> ids, known = first_pass("Our Staff\\nA story about the talks.")
    >>> len(ids), known != 0, first_pass("doesnâ€™t")[1]
    (2, True, 0)
    """
    text = _text_of(data, html, content_type)
    repaired = repair(text)
    same = repaired.text == text and not repaired.fixes and not repaired.lines
    return document_ids(repaired.text.splitlines()), fingerprint(text) if same else 0


def _text_of(data: str | bytes, html: bool, content_type: str | None) -> str:
    """The text the pipeline repairs, from a document as read."""
    if html:
        from .io.html import extract

        return extract(data, content_type).text
    if isinstance(data, bytes):
        return decode(data).text
    return data


def attach_markup(text: str, blocks: list[Block], markup: list[Markup | None]) -> None:
    """Give each block the markup of its line (``markup`` is per line of the
    text before repair; repair keeps lines where they were, and if it did not,
    the markup is left out rather than put on the wrong lines)."""
    if text.count("\n") + 1 != len(markup):
        return
    line, pos = 0, 0
    for b in blocks:
        line += text.count("\n", pos, b.start)
        pos = b.start
        b.markup = markup[line]


def _block_index(blocks, segments) -> list[int]:
    out, i = [], 0
    for s in segments:
        while blocks[i].end < s.end:
            i += 1
        out.append(i)
    return out
