"""A datatrove step (``pip install 'cleaner[datatrove]'``): cleaner between a reader and a writer.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.datatrove import Clean

    LocalPipelineExecutor(pipeline=[
        JsonlReader("shards/"),
        Clean(languages=["en"], exclusion_writer=JsonlWriter("dropped/")),
        JsonlWriter("cleaned/"),
    ], tasks=4).run()

:class:`Clean` replaces ``doc.text`` with the cleaned text and puts ``lang``,
``langs``, ``removed`` and ``repairs`` into ``doc.metadata`` (as
``cleaner_<name>`` where the metadata already has that key, as ``--format
docs`` does: :func:`cleaner.emit.field_name`).  It is a datatrove filter: documents whose main language is
not in ``languages``, and documents with nothing left, are dropped, and
written to its ``exclusion_writer`` when there is one (with
``metadata["filter_reason"]`` ``lang`` or ``empty``).  ``html=True`` reads
``doc.text`` as an HTML page (what datatrove's ``WarcReader`` yields), in
place of an HTML extractor step.  Each document is cleaned on its own (no
cross-document pass); each worker builds its pipeline once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

try:
    from datatrove.data import Document
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError as e:  # what to install, and what was missing
    raise ImportError(f"cleaner.datatrove needs datatrove (pip install 'cleaner[datatrove]'): {e}") from e

from .emit import document_record, field_name
from .languages import lookup
from .pipeline import Options, Pipeline
from .select import UnknownLanguage

METADATA = ("lang", "langs", "removed", "repairs")
DROP_LANG = "lang"
DROP_EMPTY = "empty"


class Clean(BaseFilter):
    """Clean each document's text; keep those in ``languages`` (all when
    ``None``) that have text left (unless ``drop_empty=False``)."""

    name = "🧹 cleaner"

    def __init__(
        self,
        languages: Iterable[str] | None = None,
        options: Options | None = None,
        html: bool = False,
        drop_empty: bool = True,
        exclusion_writer: Any = None,
    ):
        super().__init__(exclusion_writer)
        self.languages = None if languages is None else frozenset(_code(tag) for tag in languages)
        self.options = options or Options()
        self.html = html
        self.drop_empty = drop_empty
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        # Built in the worker, on its first document (the step itself is pickled to workers).
        if self._pipeline is None:
            self._pipeline = Pipeline(self.options)
        return self._pipeline

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_pipeline"] = None
        return state

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        """Clean ``doc`` in place; whether it is kept (or why not)."""
        with self.track_time():
            if self.html:
                document = self.pipeline.process_html(doc.text, doc=str(doc.id))
            else:
                document = self.pipeline.process(doc.text, doc=str(doc.id))
            rec = document_record(document, document.kept, "text")
        doc.text = rec["text"]
        for key in METADATA:
            doc.metadata[field_name(key, doc.metadata)] = rec[key]
        self.stat_update(f"lang_{document.lang}")
        if self.languages is not None and document.lang not in self.languages:
            return False, DROP_LANG
        if self.drop_empty and not doc.text.strip():
            return False, DROP_EMPTY
        return True


def _code(tag: str) -> str:
    """The code cleaner emits for a language tag (``en-US``, ``eng``, ``English``: ``en``)."""
    found = lookup(tag)
    if found is None:
        raise UnknownLanguage(f"unknown language {tag!r}")
    return found.code
