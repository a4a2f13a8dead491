"""The faster langdetect engines must never change an answer."""

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.detectors import LangdetectDetector
from cleaner.detectors.langdetect_engine import choose_engine, make_factory, rs_available, speed_up
from cleaner.languages import SCRIPT_CANDIDATES
from cleaner.scripts import script_runs
from cleaner.split import split_blocks

SAMPLES = [
    "Facebook",
    "Privacy Policy",
    "Ê",
    "12:45",
    "—",
    "The company struggled to contend with the more than 10 million users.",
    "Die Datenbank zerstören und zu irreparablen Schäden führen.",
    "Беременность и роды",
    "Новости спорта и культуры за неделю",
    "Über das persönliche Patientenportal können Nutzer zugreifen.",
    "A Lisboa é a capital de Portugal e a sua maior cidade.",
    "Tôi là người Việt Nam và tôi yêu quê hương tôi.",
    "यह एक हिंदी वाक्य है जो परीक्षण के लिए है।",
    "این یک جمله فارسی برای آزمایش است.",
    "http://example.org/a?b=c mail@example.org",
]


def _pieces(seed_text):
    out = []
    for b in split_blocks(seed_text):
        for run in script_runs(seed_text, b.start, b.end):
            out.append(seed_text[run.start : run.end])
    return out + SAMPLES


def _answers(factory, texts):
    from langdetect.lang_detect_exception import LangDetectException

    out = []
    cands = SCRIPT_CANDIDATES
    for text in texts:
        for prior in (None, cands["Latn"], cands["Cyrl"], cands["Arab"]):
            d = factory.create()
            if prior:
                d.set_prior_map({c: 1.0 for c in prior})
            d.append(text)
            try:
                out.append([(x.lang, x.prob) for x in d.get_probabilities()])
            except LangDetectException as e:
                out.append(("error", e.code))
    return out


@pytest.fixture(scope="module")
def reference():
    return make_factory("reference", 0)


def test_exact_python_engine_equals_langdetect_bit_for_bit(reference, seed_text):
    texts = _pieces(seed_text)
    fast = make_factory("python", 0, loaded=reference)
    assert _answers(fast, texts) == _answers(reference, texts)


def test_profiles_read_lazily_equal_langdetects_loader_row_for_row(reference):
    import struct

    from cleaner.profiles import langdetect_profiles

    probs, langs = langdetect_profiles()
    eager = reference.word_lang_prob_map
    assert list(langs) == reference.langlist
    assert list(probs) == list(eager)  # same n-grams, in the same order
    for gram, row in eager.items():
        # Bit for bit: the detector multiplies these numbers thousands of times.
        assert struct.pack(f"{len(row)}d", *probs[gram]) == struct.pack(f"{len(row)}d", *row), gram
    assert probs.get("the") is probs["the"] and probs.get("no such gram") is None
    assert "no such gram" not in probs


def test_python_engine_on_the_shared_profiles_equals_langdetect(reference, seed_text):
    texts = _pieces(seed_text)
    assert _answers(make_factory("python", 0), texts) == _answers(reference, texts)


@pytest.mark.skipif(not rs_available(), reason="langdetect_rs not installed (cleaner[fast])")
def test_rs_engine_equals_langdetect_bit_for_bit(reference, seed_text):
    texts = _pieces(seed_text)
    assert _answers(make_factory("rs", 0), texts) == _answers(reference, texts)


def test_engine_choice(monkeypatch):
    monkeypatch.setenv("CLEANER_LANGDETECT_ENGINE", "python")
    assert choose_engine() == "python"
    monkeypatch.delenv("CLEANER_LANGDETECT_ENGINE")
    assert choose_engine() == ("rs" if rs_available() else "python")
    with pytest.raises(ValueError):
        choose_engine("nope")


def test_pipeline_output_does_not_depend_on_engine(monkeypatch, seed_text):
    from cleaner.identify import identify

    results = []
    for engine in ["reference", "python"] + (["rs"] if rs_available() else []):
        det = speed_up(LangdetectDetector(use_rs=engine == "rs"), engine)
        segs, main = identify(seed_text, detector=det)
        results.append((main, [(s.start, s.end, s.lang, s.score) for s in segs]))
    assert all(r == results[0] for r in results)


_NGRAM_TEXT = st.text(alphabet=st.sampled_from("aAbBcZ é ÉxY  ДдЖж日本\u0300.,-'0\t")) | st.text()


@settings(max_examples=300, deadline=None)  # (the first example loads the profiles)
@given(_NGRAM_TEXT)
def test_ngrams_word_by_word_equal_langdetects_loop(text):
    from langdetect.detector import Detector

    from cleaner.detectors.langdetect_engine import ExactDetector

    factory = _shared_reference()
    ours, theirs = ExactDetector(factory), Detector(factory)
    ours.text = theirs.text = text
    assert ours._extract_ngrams() == theirs._extract_ngrams()


@functools.lru_cache(maxsize=1)
def _shared_reference():
    return make_factory("reference", 0)
