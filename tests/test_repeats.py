"""Lines repeated across the documents of a run: furniture goes everywhere,
copied prose stays in its first document (issue 19, item 1)."""

import subprocess
import sys
from collections import Counter

from click.testing import CliRunner
from conftest import FIXTURES

from cleaner import Pipeline
from cleaner.cli import main
from cleaner.phrases import normalize
from cleaner.repeats import LineCounter, RepeatScanner, document_ids, eligible, line_id

DOCS = [
    f"Home\nOur Staff\nEditorial Director Arnold Kim\nStory {i} begins here, and the minister arrived in Sochi "
    f"on Monday for talks that officials on both sides described as difficult, and he was expected to meet "
    f"the president later.\nThe second paragraph of story {i}: it was the first visit of its kind in two "
    f"years, and analysts said it was a sign that both sides still wanted to talk."
    for i in range(4)
]


def test_counts_do_not_depend_on_order_or_on_how_the_run_is_split():
    a, b, halves, other = (LineCounter(width=4096) for _ in range(4))
    for d in DOCS:
        a.add_ids(document_ids(d.splitlines()))
    for d in reversed(DOCS):
        b.add_ids(document_ids(d.splitlines()))
    for d in DOCS[:2]:
        halves.add_ids(document_ids(d.splitlines()))
    for d in DOCS[2:]:
        other.add_ids(document_ids(d.splitlines()))
    halves.merge(other)
    assert a.table == b.table == halves.table
    assert a.documents == halves.documents == 4
    assert a.count(line_id("our staff")) == 4 and a.count(line_id("editorial director arnold kim")) == 4


def test_a_line_counts_once_per_document_and_only_when_eligible():
    c = LineCounter(width=4096)
    c.add_ids(document_ids(["Our Staff", "our staff", "OUR STAFF!"]))
    assert c.count(line_id("our staff")) == 1
    assert not eligible("ok") and eligible("x " * 150)


def test_the_first_document_is_the_earliest_whatever_the_order_documents_are_learned_in():
    page = "A copied paragraph that several documents of the run carry word for word."
    s = RepeatScanner(LineCounter(width=4096))
    for order, text in [(7, page), (3, "Something else entirely."), (5, page), (9, page)]:
        s.add(order, document_ids([text]))
    r = s.finish()
    assert r.count(normalize(page)) == 3 and r.first(normalize(page)) == 5
    assert r.first(normalize("Something else entirely.")) is None  # in one document only


def _tsv(args, folder):
    result = CliRunner().invoke(main, ["clean", "--keep-boilerplate", "--format", "tsv", *args, str(folder)])
    assert result.exit_code == 0, result.output
    return [line.split("\t") for line in result.output.splitlines()[1:]]


def _run(args, tmp_path, names):
    for name, text in zip(names, DOCS):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return _tsv(args, tmp_path)


def test_cli_marks_lines_repeated_across_the_run(tmp_path):
    rows = _run([], tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert [(r[7], r[8], r[11]) for r in rows[:3]] == [
        ("boilerplate", "phrase", "Home"),
        ("boilerplate", "repeated-across-docs", "Our Staff"),
        ("boilerplate", "repeated-across-docs", "Editorial Director Arnold Kim"),
    ]
    assert [r[7] for r in rows[3:5]] == ["content", "content"]
    assert sum(r[8] == "repeated-across-docs" for r in rows) == 6


def test_threshold_and_switch(tmp_path):
    rows = _run(["--repeated-lines", "4"], tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert not any(r[8] == "repeated-across-docs" for r in rows)
    rows = _run(["--repeated-lines", "0"], tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert not any(r[8] in ("repeated-across-docs", "cross-doc-dup") for r in rows)


def _trio(tmp_path, seed_text):
    """The worked example, an exact copy, and a near copy (other page furniture,
    one paragraph edited, one dropped)."""
    paras = seed_text.split("\n\n")
    near = "Skip to main content\n\n" + "\n\n".join(
        p.replace("Kerry", "Secretary Kerry") if i == 5 else p for i, p in enumerate(paras) if i != 8
    )
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a-original.txt").write_text(seed_text, encoding="utf-8")
    (folder / "b-http-twin.txt").write_text(seed_text, encoding="utf-8")
    (folder / "c-near-copy.txt").write_text(near, encoding="utf-8")
    return folder


def test_an_article_in_three_documents_keeps_its_text_in_the_first(tmp_path, seed_text):
    folder = _trio(tmp_path, seed_text)
    rows = _tsv([], folder)
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r[0].rsplit("/", 1)[-1], []).append(r)
    first = by_doc["a-original.txt"]
    # The first copy comes out exactly as the page does alone.
    alone = _tsv([], FIXTURES / "voa-kerry-sochi.txt")
    assert [(r[7], r[8], r[11]) for r in first] == [(r[7], r[8], r[11]) for r in alone]
    # The twin: every kept line is a cross-document duplicate of the first.
    twin = Counter((r[7], r[8]) for r in by_doc["b-http-twin.txt"])
    assert twin[("content", "")] == twin[("heading", "")] == 0
    assert twin[("duplicate", "cross-doc-dup")] == 46 and twin[("duplicate", "exact-dup")] == 1
    # The near copy keeps only what the first does not have: its edited paragraph.
    kept = [r[11] for r in by_doc["c-near-copy.txt"] if r[7] in ("content", "heading")]
    assert len(kept) == 1 and "Secretary Kerry" in kept[0]
    assert not [r for r in rows if r[8] == "repeated-across-docs"]


def test_copies_are_decided_the_same_for_any_number_of_jobs(tmp_path, seed_text):
    folder = _trio(tmp_path, seed_text)
    cmd = [sys.executable, "-m", "cleaner", "clean", "--keep-boilerplate", "--format", "tsv"]
    one = subprocess.run(cmd + ["-j", "1", str(folder)], capture_output=True)
    two = subprocess.run(cmd + ["-j", "2", str(folder)], capture_output=True)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and b"cross-doc-dup" in one.stdout


def test_a_site_template_goes_from_every_page_but_prose_stays(tmp_path):
    """Five pages of one site: the menu, the footer links and the slogan go
    from all of them; each article stays; the site's prose blurb stays once."""
    blurb = (
        "The Springfield Gazette is an independent newspaper, published since 1887 and owned by "
        "its readers, who elect its board every year."
    )
    stories = [
        "The council approved the new budget on Tuesday after a debate that lasted most of the night.",
        "Heavy rain flooded the lower town, and the fire brigade pumped water out of forty cellars.",
        "The football club signed two young players from the regional league for the coming season.",
        "A new bakery opened on Main Street, and the queue reached the corner before seven o'clock.",
        "The library will stay open until ten in the evening during the examination weeks in June.",
    ]
    for i, story in enumerate(stories):
        page = (
            "Home\nNews\nSports\nWeather\nContact the newsroom\n\n"
            f"Story number {i + 1} of the week\n\n{story} Officials said more details would follow.\n\n"
            f"{blurb}\n\nTerms of use | Privacy policy | Advertise with us\n"
        )
        (tmp_path / f"page{i}.txt").write_text(page, encoding="utf-8")
    rows = _tsv([], tmp_path)
    kinds = {(r[11][:30], r[0][-9:]): (r[7], r[8]) for r in rows}
    for i, story in enumerate(stories):
        assert kinds[(story[:30], f"page{i}.txt")] == ("content", "")
        assert kinds[("Contact the newsroom", f"page{i}.txt")] == ("boilerplate", "repeated-across-docs")
        assert kinds[("Terms of use | Privacy policy ", f"page{i}.txt")][0] == "boilerplate"
    assert kinds[(blurb[:30], "page0.txt")] == ("content", "")
    assert {kinds[(blurb[:30], f"page{i}.txt")] for i in range(1, 5)} == {("duplicate", "cross-doc-dup")}


def test_the_library_offers_the_same_pass(seed_text):
    recs = [{"id": n, "text": seed_text} for n in range(3)]
    alone = list(Pipeline().process_records(recs))
    together = list(Pipeline().process_records(recs, cross_document=True))
    assert alone[0]["text"] == alone[2]["text"] == together[0]["text"] and len(together[0]["text"]) > 3000
    assert together[1]["text"] == together[2]["text"] == ""
    assert together[2]["removed"] == {"boilerplate": 2, "duplicate": 47}
    # Nothing kept, yet the copy is still an English document (one question decides it).
    assert [r["lang"] for r in together] == ["en", "en", "en"]


def test_the_second_pass_repairs_only_what_the_first_found_to_need_it(monkeypatch):
    """The first pass repairs every document; one it leaves as it was is not
    repaired again when the same text comes back at the same place in the run."""
    import cleaner.pipeline as pipeline_module
    from cleaner.pipeline import first_pass

    misread = "The Mona Lisa doesnâ€™t have eyebrows, the curator said on Monday."
    docs = [*DOCS[:3], misread]
    scanner = RepeatScanner(LineCounter(width=4096))
    for order, text in enumerate(docs):
        scanner.add(order << 20, *first_pass(text))
    repeats = scanner.finish()
    assert [repeats.unrepaired(order << 20, text) for order, text in enumerate(docs)] == [True, True, True, False]
    assert not repeats.unrepaired(1 << 20, DOCS[0])  # other text at that place: repaired as usual
    assert not repeats.unrepaired(None, DOCS[0]) and not repeats.unrepaired(5 << 20, DOCS[0])

    repaired = []
    real = pipeline_module.repair
    monkeypatch.setattr(pipeline_module, "repair", lambda text: repaired.append(text) or real(text))
    pipe = Pipeline(repeats=repeats)
    out = [pipe.process(text, order=order << 20) for order, text in enumerate(docs)]
    assert repaired == [misread]
    assert out[3].text.startswith("The Mona Lisa doesn’t") and out[3].fixes
    assert [d.text for d in out[:3]] == DOCS[:3] and not any(d.fixes for d in out[:3])
