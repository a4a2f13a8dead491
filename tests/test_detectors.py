"""The speed-ups of cleaner.detectors must never change an answer."""
import pytest

from cleaner.detectors import CachedDetector, choose_engine, make_factory, rs_available
from cleaner.identify import LangdetectDetector
from cleaner.scripts import script_runs
from cleaner.split import split_blocks

SAMPLES = [
    "Facebook", "Privacy Policy", "Ê", "12:45", "—",
    "The company struggled to contend with the more than 10 million users.",
    "Die Datenbank zerstören und zu irreparablen Schäden führen.",
    "Беременность и роды", "Новости спорта и культуры за неделю",
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
            out.append(seed_text[run.start:run.end])
    return out + SAMPLES


def _answers(factory, texts):
    from langdetect.lang_detect_exception import LangDetectException

    out = []
    cands = LangdetectDetector.SCRIPT_CANDIDATES
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


class _Counting:
    name = "counting"

    def __init__(self):
        self.calls = 0

    def detect(self, text, candidates=None):
        self.calls += 1
        return [(text[:2], 1.0)]


def test_cache_answers_repeats_and_stays_bounded():
    inner = _Counting()
    cached = CachedDetector(inner, max_chars=100, max_key_chars=30)
    assert cached.detect("Home page", None) == [("Ho", 1.0)]
    assert cached.detect("Home page", None) == [("Ho", 1.0)]
    assert inner.calls == 1 and cached.hits == 1
    cached.detect("Home page", frozenset({"en"}))  # other candidates: another key
    assert inner.calls == 2
    for i in range(50):
        cached.detect(f"line number {i:03d}", None)
    assert cached._chars <= 100
    long = "x" * 40  # longer than max_key_chars: never kept
    cached.detect(long, None)
    cached.detect(long, None)
    assert inner.calls == 2 + 50 + 2


def test_pipeline_output_does_not_depend_on_engine(monkeypatch, seed_text):
    from cleaner.identify import identify

    results = []
    for engine in ["reference", "python"] + (["rs"] if rs_available() else []):
        det = LangdetectDetector()
        from cleaner.detectors import speed_up

        speed_up(det, engine)
        segs, main = identify(seed_text, detector=CachedDetector(det))
        results.append((main, [(s.start, s.end, s.lang, s.score) for s in segs]))
    assert all(r == results[0] for r in results)
