"""Hugging Face ``datasets`` (``pip install 'cleaner[hf]'``): clean a Dataset's text column.

from datasets import load_dataset
from cleaner.hf import clean_dataset

ds = clean_dataset(load_dataset("json", data_files="shards/*.jsonl", split="train"), num_proc=4)
ds.filter(lambda r: r["lang"] == "en").to_json("clean.jsonl")
"""

from __future__ import annotations

from typing import Any

from .columns import clean_columns
from .pipeline import Options, Pipeline

# One pipeline per worker process (datasets' num_proc workers each import
# this module), per set of options; built on the worker's first batch.
_PIPELINES: dict[Options, Pipeline] = {}


def _clean_batch(batch: dict[str, Any], text_column: str, id_column: str, options: Options, html: bool) -> dict:
    pipeline = _PIPELINES.get(options)
    if pipeline is None:
        pipeline = _PIPELINES[options] = Pipeline(options)
    return clean_columns(pipeline, batch, text_column, id_column, html)


def clean_dataset(
    ds: Any,
    text_column: str = "text",
    num_proc: int | None = None,
    options: Options | None = None,
    id_column: str = "id",
    html: bool = False,
    batch_size: int = 64,
    **map_kwargs: Any,
) -> Any:
    """``ds`` (a ``datasets.Dataset``) with ``text_column`` cleaned and the
    columns ``lang``, ``langs``, ``removed``, ``repairs`` added (the last
    three as JSON strings, as :func:`cleaner.ray.clean_dataset` makes them).

    Runs ``ds.map`` in batches over ``num_proc`` processes, each with its own
    pipeline; every other column is passed through; ``html``: the column
    holds HTML pages.  Each record is cleaned on its own (no cross-document
    pass).  Extra keyword arguments go to ``Dataset.map`` (``desc``,
    ``load_from_cache_file``...).
    """
    return ds.map(
        _clean_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        fn_kwargs={
            "text_column": text_column,
            "id_column": id_column,
            "options": options or Options(),
            "html": html,
        },
        **map_kwargs,
    )
