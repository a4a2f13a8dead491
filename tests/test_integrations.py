"""cleaner inside other pipelines (issue 15): a datatrove step, run by
datatrove's local executor on JSONL, and the Hugging Face ``datasets``
helper on a real Dataset.  .ci/run installs both (CLEANER_REQUIRE_EXTRAS):
there these tests must run, never skip."""

import gzip
import json
import os

import pytest

from cleaner import Pipeline

EN = "The minister arrived in Sochi on Monday for talks with the president of Russia, officials said."
FR = "Le ministre est arrivé lundi à Sotchi pour des entretiens avec le président russe."
RECORDS = [
    {"id": "en", "text": f"Breaking News\n{EN}", "source": "a"},
    {"id": "fr", "text": FR, "source": "b"},
    {"id": "empty", "text": "Share this", "source": "c"},
]


def need(module: str):
    """The module, or a skip (a failure where CI installed every extra)."""
    if os.environ.get("CLEANER_REQUIRE_EXTRAS"):
        return __import__(module)
    return pytest.importorskip(module)


def _read_jsonl_gz(folder):
    out = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            out += [json.loads(line) for line in f]
    return out


def test_datatrove_step_between_a_jsonl_reader_and_writer(tmp_path):
    need("datatrove")
    need("orjson")  # datatrove's JSONL reader and writer need it
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.datatrove import Clean

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "part.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    pipeline = [
        JsonlReader(str(tmp_path / "in")),
        Clean(languages=["en"], exclusion_writer=JsonlWriter(str(tmp_path / "dropped"))),
        JsonlWriter(str(tmp_path / "out")),
    ]
    LocalPipelineExecutor(pipeline=pipeline, tasks=1, logging_dir=str(tmp_path / "logs")).run()
    kept = _read_jsonl_gz(tmp_path / "out")
    assert [(d["id"], d["text"]) for d in kept] == [("en", EN)]
    meta = kept[0]["metadata"]
    assert (meta["source"], meta["lang"], meta["langs"], meta["removed"], meta["repairs"]) == (
        "a",
        "en",
        {"en": 1.0},
        {"boilerplate": 1},
        [],
    )
    dropped = _read_jsonl_gz(tmp_path / "dropped")
    assert [(d["id"], d["metadata"]["lang"], d["metadata"]["filter_reason"]) for d in dropped] == [
        ("fr", "fr", "lang"),
        ("empty", "en", "empty"),  # an English line of furniture: nothing left
    ]


def test_datatrove_step_reads_html_and_keeps_empty_documents_when_asked():
    need("datatrove")
    from datatrove.data import Document

    from cleaner.datatrove import Clean

    step = Clean(html=True, drop_empty=False)
    page = Document(text=f"<nav><a href=/>Home</a></nav><p>{EN}</p>", id="p", metadata={"lang": "xx"})
    assert step.filter(page) is True
    assert page.text == EN and page.metadata["lang"] == "xx" and page.metadata["cleaner_lang"] == "en"
    assert step.filter(Document(text="Share this", id="e")) is True


def test_datasets_helper_on_a_real_dataset_with_two_workers():
    datasets = need("datasets")
    from cleaner.hf import clean_dataset

    ds = datasets.Dataset.from_list(RECORDS)
    out = clean_dataset(ds, num_proc=2)
    assert out.column_names == ["id", "text", "source", "lang", "langs", "removed", "repairs"]
    rows = out.to_list()
    expected = list(Pipeline().process_records(RECORDS))
    assert [r["text"] for r in rows] == [e["text"] for e in expected] == [EN, FR, ""]
    assert [r["lang"] for r in rows] == ["en", "fr", "en"]  # (an English line of furniture: nothing kept)
    assert [json.loads(r["removed"]) for r in rows] == [e["removed"] for e in expected]
    assert [r["source"] for r in rows] == ["a", "b", "c"]


def test_a_null_text_cell_stays_null_in_no_language():
    datasets = need("datasets")
    from cleaner.hf import clean_dataset

    ds = datasets.Dataset.from_list([{"id": "en", "text": EN}, {"id": "missing", "text": None}])
    rows = clean_dataset(ds).to_list()
    assert [(r["text"], r["lang"], r["langs"]) for r in rows] == [(EN, "en", '{"en": 1.0}'), (None, "und", "{}")]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x", "body": EN}, "record 1 (id 'x'): field 'text' missing (text_field= names another)"),
        ({"text": None}, "record 1: field 'text' is null"),
        ({"id": 7, "text": 12}, "record 1 (id 7): field 'text' is int, not text"),
    ],
)
def test_process_records_names_the_record_without_text(record, message):
    out = Pipeline().process_records([RECORDS[1], record, RECORDS[0]])
    assert next(out)["lang"] == "fr"  # the records before it are cleaned
    with pytest.raises(ValueError) as e:
        next(out)
    assert str(e.value) == message


def test_columns_named_like_ours_are_kept_and_ours_renamed():
    # A dataset with its own `lang` and `removed` columns kept them only in
    # name: the helpers (datasets, Ray) wrote over them.
    from cleaner.columns import clean_columns

    batch = {"text": [f"Breaking News\n{EN}"], "lang": ["ru"], "removed": [True], "cleaner_lang": ["x"]}
    out = clean_columns(Pipeline(), batch)
    assert out["text"] == [EN]
    assert (out["lang"], out["removed"], out["cleaner_lang"]) == (["ru"], [True], ["x"])
    assert out["cleaner_cleaner_lang"] == ["en"] and out["cleaner_removed"] == ['{"boilerplate": 1}']
    assert out["langs"] == ['{"en": 1.0}'] and out["repairs"] == ["[]"]
    # A null cell gets the same columns.
    out = clean_columns(Pipeline(), {"text": [None], "lang": ["ru"]})
    assert (out["text"], out["lang"], out["cleaner_lang"]) == ([None], ["ru"], ["und"])


def test_datatrove_keeps_metadata_named_like_ours():
    need("datatrove")
    from datatrove.data import Document

    from cleaner.datatrove import Clean

    page = Document(text=EN, id="p", metadata={"lang": "xx", "cleaner_lang": "from upstream"})
    assert Clean().filter(page) is True
    assert page.metadata["lang"] == "xx" and page.metadata["cleaner_lang"] == "from upstream"
    assert page.metadata["cleaner_cleaner_lang"] == "en"


def test_a_text_column_named_like_ours_keeps_the_cleaned_text():
    from cleaner.columns import clean_columns

    out = clean_columns(Pipeline(), {"lang": [f"Breaking News\n{EN}"]}, text_field="lang")
    assert out["lang"] == [EN] and out["cleaner_lang"] == ["en"]


def test_process_records_names_a_record_that_is_not_a_dict():
    # A list of strings ended in "AttributeError: 'str' object has no attribute 'get'".
    out = Pipeline().process_records([RECORDS[1], "just a string"])
    assert next(out)["lang"] == "fr"
    with pytest.raises(TypeError) as e:
        next(out)
    assert str(e.value) == "record 1: expected a dict (one record's fields), got str"
