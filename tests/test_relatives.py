"""A main language the detectors lack or know poorly, read as a close relative
(Corsican as Italian, Galician as Spanish, Luxembourgish as Dutch or Welsh...):
the document's own marker words name it (identify._poor_relative), foreign
passages stay foreign, and too little evidence gives ``und``, never the
relative with confidence.

The texts in tests/data/relatives/ are hand-written for these tests (short
transcripts of everyday speech, one foreign line in most); the monolingual
Italian, Spanish, Portuguese, French, German and Dutch controls must keep
their language on every segment.
"""

from pathlib import Path

import pytest
from conftest import detector_or_skip

from cleaner.identify import identify

DATA = Path(__file__).parent / "data" / "relatives"
DETECTORS = ("langdetect", "langid", "fasttext")


_detector = detector_or_skip


def _langs(name, detector):
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    segs, main = identify(text, detector=_detector(detector))
    return main, [(s.lang, text[s.start : s.end].split()[0]) for s in segs]


def test_corsican_answers_of_a_french_interview_with_langid():
    # py3langid lacks Corsican; its lines, read as Italian, are Corsican by their
    # words, and the interviewer's French stays French (asked between Italian and
    # French, not between French and a language it cannot answer).
    main, segs = _langs("co-interview", "langid")
    assert main == "co"
    assert [lang for lang, _ in segs] == ["fr", "co", "fr", "co", "fr", "co", "co", "fr"]


def test_a_corsican_quotation_in_french_text():
    # The quoted paragraph, read as Italian by langdetect, is named Corsican by its
    # own words (_name_other_relatives); the French around it stays French.
    main, segs = _langs("fr-quoting-co", "langdetect")
    assert main == "fr"
    assert [lang for lang, _ in segs] == ["fr", "fr", "fr", "fr", "co", "fr", "fr"]


# (document, its main language, the first word of each line in another language, and that language)
CASES = [
    ("co", "co", {"Je": "fr"}),
    ("gl", "gl", {"Nosotros": "es"}),
    ("oc", "oc", {"Je": "fr"}),
    ("lb", "lb", {"The": "en"}),
    ("fy", "fy", {"We": "en"}),
    ("ast", "ast", {}),
    ("scn", "scn", {"My": "en"}),
    ("nap", "nap", {"I": "en"}),
    ("vec", "vec", {"My": "en"}),
    ("it", "it", {}),
    ("es", "es", {}),
    ("pt", "pt", {}),
    ("fr", "fr", {}),
    ("de", "de", {}),
    ("nl", "nl", {}),
]


@pytest.mark.parametrize("detector", DETECTORS)
@pytest.mark.parametrize("name,main,foreign", CASES)
def test_main_language_read_as_a_relative(name, main, foreign, detector):
    got_main, segs = _langs(name, detector)
    assert got_main == main
    assert segs == [(foreign.get(first, main), first) for _, first in segs]


@pytest.mark.parametrize("detector", ("langdetect", "langid"))
def test_too_few_words_to_name_it_is_und(detector):
    # Corsican with only cù and sò of its own words (5% of them): not named, and
    # not said to be Italian either.
    main, segs = _langs("weak", detector)
    assert main == "und"
    assert {lang for lang, _ in segs} == {"und"}


def test_corsican_scores_and_how():
    text = (DATA / "co.txt").read_text(encoding="utf-8")
    segs, main = identify(text, detector=_detector("langdetect"))
    assert main == "co" and all(s.main == (s.lang == "co") for s in segs)
    assert [s.lang for s in segs] == ["co", "co", "co", "fr", "co", "co", "co", "co"]


def test_marker_words_of_relatives_name_no_control():
    from cleaner.languages import MARKER_WORDS
    from cleaner.markers import WordBag, words

    pairs = [("it", lang) for lang in ("co", "scn", "nap", "vec")]
    pairs += [("es", "gl"), ("es", "ast"), ("pt", "gl"), ("fr", "oc"), ("de", "lb"), ("nl", "fy"), ("de", "fy")]
    for name, lang in pairs:
        bag = WordBag(words((DATA / f"{name}.txt").read_text(encoding="utf-8")))
        assert bag.hits(lang) == 0, (name, lang, [w for w in bag.counts if w in MARKER_WORDS[lang]])
