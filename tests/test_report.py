"""The HTML report (cleaner.report): what it holds, that it agrees with the
data, that it is the same for the same run, and that its sample is bounded."""

import json
import random
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from cleaner import Pipeline, Selection
from cleaner.cli import main
from cleaner.repair import repair
from cleaner.report import Collector, collect, document_entry, page_data, render
from cleaner.report.render import read_page

CLEANER = [sys.executable, "-m", "cleaner"]
SEED = "voa-kerry-sochi.txt"
CAPTION = "პრეზიდენტი დონალდ ტრამპი და პირველი ლედი მელანია ტრამპი თავისუფლების მეჯლისზე, 20 იანვარი, 2017"


def run_report(tmp_path, *args, name="r.html"):
    out = tmp_path / name
    r = CliRunner().invoke(main, ["clean", "--report", str(out), *args])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    data, _seconds = read_page(html)
    return data, r.stdout, html


def text_of(doc, seg):
    return doc["text"][seg["start"] : seg["end"]]


def test_the_worked_example_in_the_report(tmp_path, in_fixtures):
    data, _out, _html = run_report(tmp_path, SEED)
    [doc] = data["documents"]
    assert (doc["doc"], doc["lang"], doc["encoding"], doc["fixes"]) == (SEED, "en", "utf-8", [])
    by_text = {}
    for seg in doc["segments"]:
        by_text.setdefault(text_of(doc, seg), []).append(seg)
    # The furniture is struck through with its reason; the caption is kept once, as Georgian.
    for line in ("Accessibility links", "Breaking News"):
        [seg] = by_text[line]
        assert (seg["kind"], seg["reason"], seg["removed"]) == ("boilerplate", "phrase", "boilerplate: phrase")
    first, second = by_text[CAPTION]
    assert (first["lang"], first["script"], first["main"], first["removed"]) == ("ka", "Geor", False, "")
    assert (second["lang"], second["kind"], second["removed"]) == ("ka", "duplicate", "duplicate: exact-dup")
    [heading] = by_text["Isolation, sanctions"]
    assert (heading["kind"], heading["removed"]) == ("heading", "")
    assert doc["langs"] == ["en", "ka"]
    assert doc["reasons"] == ["boilerplate: phrase", "duplicate: exact-dup"]
    assert doc["removed_share"] == round(
        (19 + 13 + len(CAPTION)) / sum(s["end"] - s["start"] for s in doc["segments"]), 4
    )

    s = data["summary"]
    assert (s["docs"], s["segments"], s["removed"], s["foreign_docs"], s["foreign_segments"]) == (1, 49, 3, 1, 1)
    assert s["reasons"] == [["boilerplate: phrase", 2, 32], ["duplicate: exact-dup", 1, len(CAPTION)]]
    assert [lang for lang, _n in s["letters"]] == ["en", "ka"]
    assert s["main"] == [["en", 1]] and s["encodings"] == [["utf-8", 1]] and s["fixes"] == []
    assert s["shares"] == [1] + [0] * 9 and s["mostly_removed"] == 0
    assert data["run"] == {
        "docs": 1,
        "bytes": len((FIXTURES / SEED).read_bytes()),
        "failures": 0,
        "segments": 49,
        "removed": 3,
        "skipped_files": 0,
    }


def test_the_report_holds_the_records_of_jsonl_keep_boilerplate(tmp_path, in_fixtures):
    data, out, _html = run_report(
        tmp_path, "--keep-boilerplate", "--format", "jsonl", SEED, "voa-kerry-sochi.mojibake.txt", "moscow.cp1251.txt"
    )
    records = [json.loads(line) for line in out.splitlines()]
    shown = []
    for doc in data["documents"]:
        for seg in doc["segments"]:
            rec = {k: v for k, v in seg.items() if k != "removed"}
            shown.append({"doc": doc["doc"], **rec, "text": text_of(doc, seg)})
    assert [{k: r[k] for k in sorted(r)} for r in records] == [{k: r[k] for k in sorted(r)} for r in shown]


def test_repairs_and_encodings_are_shown_per_line(tmp_path, in_fixtures):
    data, _out, _html = run_report(tmp_path, "voa-kerry-sochi.mojibake.txt", "moscow.cp1251.txt")
    mojibake, cp1251 = data["documents"]
    assert mojibake["fixes"] == ["encoding"] and cp1251["encoding"] == "cp1251"
    repaired = (FIXTURES / SEED).read_text(encoding="utf-8")
    assert mojibake["text"] == repaired
    fixed = repair((FIXTURES / "voa-kerry-sochi.mojibake.txt").read_text(encoding="utf-8")).lines
    starts = [0] + [i + 1 for i, c in enumerate(repaired) if c == "\n"]
    assert mojibake["repairs"] == [[starts[f.line - 1], ["encoding"], ""] for f in fixed]
    assert len(fixed) == 27
    assert data["summary"]["fixes"] == [["encoding", 1]]
    assert data["summary"]["encodings"] == [["cp1251", 1], ["utf-8", 1]]


def test_lang_filter_drops_are_shown_with_their_reason(tmp_path, in_fixtures):
    data, _out, _html = run_report(tmp_path, "--lang", "ka", SEED)
    [doc] = data["documents"]
    reasons = {seg["removed"] for seg in doc["segments"]}
    assert reasons == {"", "boilerplate: phrase", "duplicate: exact-dup", "content: --lang", "heading: --lang"}
    assert [text_of(doc, s) for s in doc["segments"] if not s["removed"]] == [CAPTION]
    assert data["options"] == {"detector": "langdetect", "lang": "ka", "keep_boilerplate": False}


def test_the_same_run_gives_the_same_report_for_any_jobs(tmp_path):
    def report(jobs, name):
        out = tmp_path / name
        subprocess.run(
            CLEANER
            + [
                "clean",
                "-q",
                "-j",
                str(jobs),
                "--report",
                str(out),
                "-o",
                str(tmp_path / f"{name}.out"),
                str(FIXTURES),
            ],
            check=True,
            capture_output=True,
        )
        return out.read_text(encoding="utf-8")

    pages = [report(1, "a.html"), report(1, "b.html"), report(2, "c.html")]
    volatile = re.compile(r'<script id="run-seconds" type="application/json">[0-9.]+</script>')
    assert all(len(volatile.findall(p)) == 1 for p in pages)
    assert len({volatile.sub("", p) for p in pages}) == 1
    data, seconds = read_page(pages[0])
    assert seconds >= 0 and len(data["documents"]) == data["summary"]["docs"] > 40


def test_the_sample_is_the_smallest_hashes_whatever_the_order():
    names = [f"doc-{i}" for i in range(40)]
    entries = {
        n: document_entry(Pipeline().process(f"Breaking News\nDocument {n} says hello to you all.", doc=n))
        for n in names
    }
    expected = sorted(names, key=collect.sample_key)[:5]
    for seed in range(3):
        order = names[:]
        random.Random(seed).shuffle(order)
        c = Collector(sample=5)
        for n in order:
            c.add_entry(dict(entries[n]))
            assert len(c._heap) <= 5  # memory: never more than the sample
        docs = c.sample_documents()
        assert sorted(d["doc"] for d in docs) == sorted(expected)
        assert [d["index"] for d in docs] == sorted(d["index"] for d in docs)  # in run order
        assert c.docs == 40 and c.removed == 40


def test_a_repeated_name_keeps_its_first_copy_in_the_sample():
    c = Collector(sample=1)
    for text in ("First copy of the text here.", "Second copy of the text here."):
        c.add_entry(document_entry(Pipeline().process(text, doc="same")))
    [doc] = c.sample_documents()
    assert doc["text"].startswith("First")


def test_cli_sample_is_bounded_and_named(tmp_path):
    data, _out, html = run_report(tmp_path, "--report-sample", "3", str(FIXTURES))
    assert len(data["documents"]) == 3
    assert data["summary"]["sample"] == {"size": 3, "shown": 3}
    assert data["summary"]["docs"] == data["run"]["docs"] > 3
    expected = sorted((d["doc"] for d in data["documents"]), key=collect.sample_key)
    again, _out, _html = run_report(tmp_path, "--report-sample", "3", "-j", "2", str(FIXTURES), name="again.html")
    assert sorted(d["doc"] for d in again["documents"]) == sorted(expected)


def test_long_documents_are_cut_at_a_segment_end(monkeypatch):
    monkeypatch.setattr(collect, "DOC_CHARS", 100)
    text = "\n\n".join(f"Paragraph {i} is a sentence of plain English prose." for i in range(10))
    c = Collector()
    c.add_entry(document_entry(Pipeline().process(text, doc="long")))
    [doc] = c.sample_documents()
    assert doc["chars"] == len(text) and len(doc["text"]) <= 100
    assert doc["segments"] and doc["segments"][-1]["end"] == len(doc["text"])
    assert c.chars == sum(len(p) for p in text.split("\n\n"))  # the sums count the whole document


def test_script_in_the_text_cannot_end_the_data_block():
    nasty = "</script><script>alert(1)</script><!-- & -->"
    c = Collector()
    c.add_entry(document_entry(Pipeline().process(nasty, doc="</script>\u2028")))
    page = render(page_data(c))
    assert page.count("</script>") == render(page_data(Collector())).count("</script>") == 3
    assert "<!--" not in page and "\u2028" not in page
    data, seconds = read_page(page)
    assert data["documents"][0]["text"] == nasty and data["documents"][0]["doc"] == "</script>\u2028"
    assert seconds is None


def test_failures_are_counted_and_listed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("The talks resumed on Monday in Sochi.", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["clean", "--report", str(out), str(tmp_path / "in")])
    assert r.exit_code == 1
    data, _seconds = read_page(out.read_text(encoding="utf-8"))
    assert data["run"]["failures"] == data["summary"]["failed"] == 1
    [(where, message)] = data["summary"]["failures"]
    assert where.endswith("bad.txt") and "PNG" in message
    assert [d["doc"] for d in data["documents"]] == [str(tmp_path / "in" / "good.txt")]


def test_folder_output_writes_the_report_too(tmp_path, in_fixtures):
    data, _out, _html = run_report(tmp_path, SEED, "-o", str(tmp_path / "out") + "/")
    assert (tmp_path / "out" / "voa-kerry-sochi.jsonl").exists()
    assert data["summary"]["segments"] == 49


@pytest.mark.parametrize(
    "args, message",
    [
        (["--report", "{tmp}/missing/r.html"], "no folder"),
        (["--report", "{tmp}/r.html", "--engine", "ray", "{tmp}", "-o", "{tmp}/o/"], "not available with --engine ray"),
    ],
)
def test_report_usage_errors(tmp_path, args, message):
    r = CliRunner().invoke(main, ["clean", *[a.format(tmp=tmp_path) for a in args], str(FIXTURES / SEED)])
    assert r.exit_code == 2 and message in r.output


def test_entry_marks_removed_by_a_normal_run_even_when_the_output_keeps_it():
    document = Pipeline().process("Breaking News\nThe talks resumed on Monday in Sochi.")
    keep_all = document_entry(document, Selection(keep_boilerplate=True))
    assert [s["removed"] for s in keep_all["segments"]] == ["boilerplate: phrase", ""]
