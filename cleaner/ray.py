"""Past one machine: the same per-document code on Ray (``pip install 'cleaner[ray]'``).

Two entry points, both scheduling work with Ray Data (no cluster code here):

* :func:`clean_dataset`: a ``ray.data.Dataset`` of records in, a Dataset of
  cleaned records out, via ``map_batches`` with one :class:`Pipeline` per
  worker.
* ``cleaner clean --engine ray --address ADDR INPUT_DIR -o OUTPUT_DIR``
  (:func:`run_pairs_on_ray`): each input file of the tree is one task; a
  worker streams it through the same code as a local run
  (:func:`cleaner.run.job.process_item`) and writes the output shard with the
  same atomic writer at the mirrored path, so the output tree is
  byte-identical to ``cleaner clean INPUT_DIR -o OUTPUT_DIR``.  The first pass
  (repeated lines) runs in the driver.  The output folder must be visible to
  every worker (a shared file system).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from . import emit
from .columns import clean_columns
from .io.inputs import InputFile, Item, ReadOptions, read_file
from .io.outputs import Output
from .pipeline import Options, Pipeline
from .run.job import CleanJob, Result, process_item, report
from .run.plan import Pair
from .run.progress import Stats


def _ray():
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise ImportError("Ray is not installed (pip install 'cleaner[ray]')") from e
    return ray


class _CleanBatch:
    """Ray Data callable class: one Pipeline per worker, reused for every batch."""

    def __init__(self, options: Options, text_field: str, id_field: str):
        self.pipeline = Pipeline(options)
        self.text_field = text_field
        self.id_field = id_field

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        return clean_columns(self.pipeline, batch, self.text_field, self.id_field)


def clean_dataset(
    ds,
    options: Options | None = None,
    text_field: str = "text",
    id_field: str = "id",
    batch_size: int = 64,
    concurrency: int | None = None,
):
    """Clean every record of a ``ray.data.Dataset``.

    Every column is passed through; ``text_field`` holds the cleaned text; new
    columns ``lang`` (main language), and ``langs``, ``removed``, ``repairs`` as
    JSON strings (their keys vary from row to row, which Arrow columns do not
    like).  ``concurrency`` is the number of worker actors (default: Ray's
    choice).  Each record is cleaned on its own (no cross-document pass).
    """
    ray = _ray()
    if concurrency is not None:
        pool = ray.data.ActorPoolStrategy(size=concurrency)
    else:
        pool = ray.data.ActorPoolStrategy(min_size=1, max_size=max(1, int(_cluster_cpus())))
    return ds.map_batches(
        _CleanBatch,
        fn_constructor_kwargs={"options": options or Options(), "text_field": text_field, "id_field": id_field},
        batch_size=batch_size,
        batch_format="default",
        compute=pool,
    )


def logging_quiet() -> None:
    """Ray Data logs every execution plan at INFO on stderr; ours is for failures."""
    import logging

    for name in ("ray.data", "ray"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _cluster_cpus() -> float:
    ray = _ray()
    return ray.cluster_resources().get("CPU", 1)


class _CleanShard:
    """Ray Data callable class: cleans whole files, one Pipeline per worker."""

    def __init__(self, job: CleanJob, read_opts: ReadOptions):
        self.job = job
        self.read_opts = read_opts
        self.pipeline = Pipeline(job.options, job.repeats)

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        src, dst, name, index = row["src"], row["dst"], row["name"], row["index"]
        stats = Stats()
        events: list[list] = []  # [kind, where, message, once] in the order a local run reports
        out = Output(dst)
        whole_file_failed = False
        try:
            if self.job.fmt == "tsv":
                out.write(emit.tsv_header())
            for item in read_file(InputFile(index, src), self.read_opts):
                # Name documents and failures by the path as the user gave it,
                # exactly like a local run, while opening the absolute path.
                if item.where.startswith(src):
                    item.where = name + item.where[len(src) :]
                if isinstance(item, Item) and item.doc.startswith(src):
                    item.doc = name + item.doc[len(src) :]
                r: Result = process_item(self.pipeline, self.job, item)
                stats.add(r)
                report(
                    r,
                    lambda w, m: events.append(["error", w, m, ""]),
                    lambda w, m, once: events.append(["warning", w, m, once]),
                )
                if r.error is not None:
                    whole_file_failed |= r.error[0] == name
                else:
                    out.write(r.out)
        except BaseException:
            out.abort()
            raise
        if whole_file_failed:
            out.abort()
        else:
            out.commit()
        return {
            "src": src,
            "docs": stats.docs,
            "bytes": stats.bytes,
            "segments": stats.segments,
            "removed": stats.removed,
            "langs": json.dumps(dict(stats.langs)),
            "skipped": json.dumps(dict(stats.skipped)),
            "events": json.dumps(events),
        }


def run_pairs_on_ray(
    pairs: list[Pair],
    read_opts: ReadOptions,
    job: CleanJob,
    address: str | None,
    fail: Callable[[str, str], None],
    warn: Callable[[str, str, str], None],
    stats: Stats,
) -> None:
    """``cleaner clean --engine ray``: every (input, output) pair is a task on the cluster."""
    ray = _ray()
    if not pairs:
        return
    if not ray.is_initialized():
        import logging

        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:  # a local Ray for this run
            ray.init(log_to_driver=False, include_dashboard=False, logging_level=logging.WARNING)
    logging_quiet()
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # failures reported in input order
    ctx.enable_progress_bars = False
    ds = ray.data.from_items(
        [
            {
                "src": os.path.abspath(p.src.path),
                "dst": os.path.abspath(p.dst),
                "name": p.src.path,
                "index": p.src.index,
            }
            for p in pairs
        ],
        override_num_blocks=len(pairs),
    )
    pool = ray.data.ActorPoolStrategy(min_size=1, max_size=max(1, min(len(pairs), int(_cluster_cpus()))))
    done = ds.map(_CleanShard, fn_constructor_kwargs={"job": replace(job), "read_opts": read_opts}, compute=pool)
    for row in done.iter_rows():
        shard = Stats(docs=row["docs"], bytes=row["bytes"], segments=row["segments"], removed=row["removed"])
        shard.langs.update(json.loads(row["langs"]))
        shard.skipped.update(json.loads(row["skipped"]))
        stats.merge(shard)
        for kind, where, message, once in json.loads(row["events"]):
            if kind == "error":
                stats.failures += 1
                fail(where, message)
            else:
                warn(where, message, once)
