"""Property tests for the invariants of DESIGN.md."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Options, Pipeline, Selection
from cleaner.emit import document_record
from cleaner.repair import repair

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORD_ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèàüößçñ",
    "абвгдежзийклмнопрстуфхцчшщыьэюяАБВГД",
    "αβγδεζηθικλμνξοπρστυφχψωάέ",
    "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "的一是不了人我在有他这中大来上国个到说们",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
]
PUNCT = st.sampled_from([" ", " ", " ", ", ", ". ", "! ", "? ", "“", "”", "’", " — ", "\n", "\n\n", "3", "2017"])
word = st.sampled_from(WORD_ALPHABETS).flatmap(lambda a: st.text(alphabet=a, min_size=1, max_size=12))
clean_text = st.lists(st.one_of(word, PUNCT), max_size=60).map("".join)
any_text = st.text(max_size=300)

PIPE = Pipeline(Options(Selection(keep_boilerplate=True)))


@SETTINGS
@given(clean_text)
def test_repair_leaves_clean_text_unchanged(text):
    assert repair(text).text == text


@SETTINGS
@given(st.one_of(clean_text, any_text))
def test_segments_cover_every_non_space_character_in_order(text):
    doc = PIPE.process(text)
    segs = PIPE.select(doc)
    assert all(a.end <= b.start for a, b in zip(segs, segs[1:]))
    assert [s.seg for s in segs] == list(range(len(segs)))
    for s in segs:
        assert s.start < s.end and doc.text[s.start : s.end] == s.text
    covered = "".join(s.text for s in segs)
    assert "".join(covered.split()) == "".join(doc.text.split())


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@SETTINGS
@given(
    st.dictionaries(
        st.one_of(st.text(max_size=8), st.sampled_from(["lang", "langs", "removed", "repairs", "id"])).filter(
            lambda k: k != "text"
        ),
        json_value,
        max_size=5,
    ),
    clean_text,
)
def test_docs_pass_every_input_field_through(fields, text):
    rec = dict(fields, text=text)
    [out] = list(Pipeline().process_records([rec]))
    out = json.loads(json.dumps(out))
    for k, v in fields.items():
        assert out[k] == json.loads(json.dumps(v))
    assert isinstance(out["text"], str) and "lang" in out


@SETTINGS
@given(clean_text)
def test_record_text_is_the_kept_segments(text):
    doc = Pipeline().process(text)
    kept = Pipeline().select(doc)
    out = document_record(doc, kept)["text"]
    assert "".join(out.split()) == "".join("".join(s.text for s in kept).split())


# Bytes as a file would hold them: clean text, mojibake of it, or anything.
any_bytes = st.one_of(
    clean_text.map(lambda t: t.encode("utf-8")),
    clean_text.map(lambda t: t.encode("utf-8").decode("cp1252", "replace").encode("utf-8")),
    st.binary(max_size=200),
)


@SETTINGS
@given(any_bytes)
def test_offsets_index_the_repaired_text(data):
    from cleaner.decode import DecodeError, decode

    try:
        text = decode(data).text
    except DecodeError:
        return  # reported as a failure, never segmented
    doc = PIPE.process(data)
    assert doc.text == repair(text).text
    for s in doc.segments:
        assert doc.text[s.start : s.end] == s.text


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_bytes, min_size=1, max_size=12))
def test_output_is_the_same_whatever_the_number_of_jobs(datas):
    from cleaner.io.inputs import Item
    from cleaner.run import pool
    from cleaner.run.job import CleanJob

    items = [Item(f"d{i}", data, f"d{i}") for i, data in enumerate(datas)]
    job = CleanJob(Options(), "jsonl")
    old, pool.CHUNK_DOCS = pool.CHUNK_DOCS, 2  # several chunks even for a few documents
    try:
        one = [(r.out, r.error) for r in pool.clean_items(items, job)]
        with pool.Workers(job, 2) as workers:
            two = [(r.out, r.error) for r in pool.clean_items(items, job, workers)]
    finally:
        pool.CHUNK_DOCS = old
    assert one == two
