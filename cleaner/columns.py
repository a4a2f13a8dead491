"""Clean a batch of records given as columns (a dict of lists, as Ray Data
and Hugging Face ``datasets`` hand them over): the body of both helpers.

Every column is passed through; the text column holds the cleaned text; new
columns ``lang`` (the main language), and ``langs``, ``removed`` and
``repairs`` as JSON strings (their keys vary from row to row, which Arrow
columns do not like), each named ``cleaner_<name>`` where the batch already
has a column of that name (:func:`cleaner.emit.field_name`).  A null text
stays null, with ``lang`` "und".

>>> from cleaner.pipeline import Pipeline
>>> out = clean_columns(Pipeline(), {"text": ["Breaking News\\nThe talks resumed on Monday in Sochi."], "n": [1]})
>>> out["text"], out["lang"], out["n"], out["removed"]
(['The talks resumed on Monday in Sochi.'], ['en'], [1], ['{"boilerplate": 1}'])
"""

from __future__ import annotations

import json
from typing import Any

from .emit import document_record, field_name
from .io.inputs import doc_id
from .languages import UND
from .pipeline import Pipeline

NEW_COLUMNS = ("lang", "langs", "removed", "repairs")


def clean_columns(
    pipeline: Pipeline, batch: dict[str, Any], text_field: str = "text", id_field: str = "id", html: bool = False
) -> dict[str, list[Any]]:
    """``batch`` with ``text_field`` cleaned and the :data:`NEW_COLUMNS` added
    (``html``: the text column holds HTML pages)."""
    texts = batch[text_field]
    ids = batch.get(id_field)
    out: dict[str, Any] = dict(batch)
    taken = {*batch, text_field}
    cleaned: list[Any] = []
    columns: dict[str, list[Any]] = {key: [] for key in NEW_COLUMNS}
    for i, text in enumerate(texts):
        if text is None:
            # A null cell is a missing value, not the text "None": it stays
            # missing, in no language.
            cleaned.append(None)
            for key, empty in (("lang", UND), ("langs", "{}"), ("removed", "{}"), ("repairs", "[]")):
                columns[key].append(empty)
            continue
        doc = doc_id(ids[i]) if ids is not None else str(i)
        if html:
            document = pipeline.process_html(text if isinstance(text, bytes) else str(text), doc=doc)
        else:
            document = pipeline.process(str(text), doc=doc)
        rec = document_record(document, document.kept, "text")
        cleaned.append(rec["text"])
        columns["lang"].append(rec["lang"])
        for key in ("langs", "removed", "repairs"):
            columns[key].append(json.dumps(rec[key]))
    out[text_field] = cleaned
    out.update((field_name(key, taken), values) for key, values in columns.items())
    return out
