"""Clean a batch of records given as columns (a dict of lists, as Ray Data
and Hugging Face ``datasets`` hand them over): the body of both helpers.

Every column is passed through; the text column holds the cleaned text; new
columns ``lang`` (the main language), and ``langs``, ``removed`` and
``repairs`` as JSON strings (their keys vary from row to row, which Arrow
columns do not like).  A null text stays null, with ``lang`` "und".

>>> from cleaner.pipeline import Pipeline
>>> out = clean_columns(Pipeline(), {"text": ["Breaking News\\nThe talks resumed on Monday in Sochi."], "n": [1]})
>>> out["text"], out["lang"], out["n"], out["removed"]
(['The talks resumed on Monday in Sochi.'], ['en'], [1], ['{"boilerplate": 1}'])
"""

from __future__ import annotations

import json
from typing import Any

from .emit import document_record
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
    columns: dict[str, list[Any]] = {name: [] for name in (text_field, *NEW_COLUMNS)}
    for i, text in enumerate(texts):
        if text is None:
            # A null cell is a missing value, not the text "None": it stays
            # missing, in no language.
            for name, empty in (
                (text_field, None),
                ("lang", UND),
                ("langs", "{}"),
                ("removed", "{}"),
                ("repairs", "[]"),
            ):
                columns[name].append(empty)
            continue
        doc = str(ids[i]) if ids is not None else str(i)
        if html:
            document = pipeline.process_html(text if isinstance(text, bytes) else str(text), doc=doc)
        else:
            document = pipeline.process(str(text), doc=doc)
        rec = document_record(document, document.kept, "text")
        columns[text_field].append(rec["text"])
        columns["lang"].append(rec["lang"])
        for name in ("langs", "removed", "repairs"):
            columns[name].append(json.dumps(rec[name]))
    out.update(columns)
    return out
