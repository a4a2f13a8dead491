"""WARC and WET in (issue 15): files written here with warcio itself, no network."""

import gzip
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleaner.cli import main

warcio = pytest.importorskip("warcio")
pytest.importorskip("selectolax")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

CLEANER = [sys.executable, "-m", "cleaner"]
EN = "The minister arrived in Sochi on Monday for talks with the president of Russia, officials said."
FR = "Le ministre est arrivé lundi à Sotchi pour des entretiens avec le président russe, selon ses services."
PAGE = f"<html><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><p>{EN}</p></article></html>"


def invoke(*args):
    r = CliRunner().invoke(main, [str(a) for a in args])
    return r.exit_code, r.stdout, r.stderr


def _response(w, url, body: bytes, content_type: str, status: str = "200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


def write_warc(path, records):
    """``records``: (kind, url, body, content type) tuples; returns the record ids in order."""
    ids = []
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=str(path).endswith(".gz"))
        w.write_record(w.create_warcinfo_record(path.name, {"software": "cleaner tests"}))
        for kind, url, body, ctype in records:
            if kind == "conversion":
                rec = w.create_warc_record(url, "conversion", payload=io.BytesIO(body), warc_content_type=ctype)
            elif kind == "redirect":
                rec = _response(w, url, body, ctype, "301 Moved Permanently")
            else:
                rec = _response(w, url, body, ctype)
            w.write_record(rec)
            ids.append(rec.rec_headers.get_header("WARC-Record-ID"))
    return ids


WET = [
    ("conversion", "https://a.example/en", f"Accessibility links\nBreaking News\n{EN}\n".encode(), "text/plain"),
    ("conversion", "https://b.example/fr", f"{FR}\nPartager\n".encode(), "text/plain"),
]
WARC = [
    ("response", "https://a.example/", PAGE.encode(), "text/html; charset=utf-8"),
    ("response", "https://a.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png"),
    ("redirect", "https://a.example/old", b"<html>Moved</html>", "text/html"),
    ("response", "https://b.example/fr", f"<p>{FR}</p>".encode("cp1252"), "text/html; charset=windows-1252"),
]


def test_a_wet_conversion_record_is_a_document(tmp_path):
    src = tmp_path / "CC-MAIN-2024-00001.warc.wet.gz"
    ids = write_warc(src, WET)
    code, out, err = invoke("clean", "--format", "docs", src)
    assert (code, err) == (0, "")
    docs = [json.loads(line) for line in out.splitlines()]
    assert [(d["id"], d["url"], d["lang"], d["text"]) for d in docs] == [
        (ids[0], "https://a.example/en", "en", EN),
        (ids[1], "https://b.example/fr", "fr", FR),
    ]
    assert docs[0]["warc"]["WARC-Type"] == "conversion" and docs[0]["date"] == docs[0]["warc"]["WARC-Date"]


def test_warc_html_responses_are_pages_and_the_rest_is_skipped_and_counted(tmp_path):
    src = tmp_path / "crawl.warc.gz"
    ids = write_warc(src, WARC)
    argv = [*CLEANER, "clean", "--format", "docs", "--summary", str(src)]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.returncode == 0
    docs = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(d["id"], d["url"], d["text"]) for d in docs] == [
        (ids[0], "https://a.example/", EN),
        (ids[3], "https://b.example/fr", FR),
    ]
    assert docs[1]["encoding"] == "cp1252"  # the header's charset, which reads right
    err = done.stderr.splitlines()
    # each kind of skipped record is said once (the rest counted under it), each under its own name
    assert err[:2] == [
        f"cleaner: warning: {src}: record 3: skipped: image/png, not HTML",
        f"cleaner: warning: {src}: record 4: skipped: HTTP 301, not a page",
    ]
    assert "2 docs" in err[-1] and "2 records skipped (1 HTTP 301, 1 image/png)" in err[-1]


def test_a_plain_warc_reads_too_and_a_folder_run_names_outputs_after_the_crawl(tmp_path):
    (tmp_path / "in").mkdir()
    write_warc(tmp_path / "in" / "crawl.warc", WARC[:1])
    write_warc(tmp_path / "in" / "CC-MAIN-1.warc.wet.gz", WET)
    code, _out, err = invoke("clean", "--format", "docs", "-j", "1", tmp_path / "in", "-o", tmp_path / "out")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["CC-MAIN-1.jsonl.gz", "crawl.jsonl"]
    with gzip.open(tmp_path / "out" / "CC-MAIN-1.jsonl.gz", "rt") as f:
        assert [json.loads(line)["lang"] for line in f] == ["en", "fr"]


def test_a_truncated_gzip_member_is_reported_with_its_record_and_the_records_before_it_are_kept(tmp_path):
    src = tmp_path / "cut.warc.wet.gz"
    write_warc(src, [*WET, WET[0]])
    data = src.read_bytes()
    last = data.rfind(b"\x1f\x8b\x08")  # the last record's gzip member
    src.write_bytes(data[: last + 40])
    code, out, err = invoke("clean", "--format", "docs", src)
    assert code == 1
    assert [json.loads(line)["lang"] for line in out.splitlines()] == ["en", "fr"]
    assert err.startswith(f"cleaner: error: {src}: record 4: truncated or corrupt gzip member (")
    assert err.rstrip().endswith("the 3 records before it were read")


def test_the_first_pass_reads_pages_as_text(tmp_path):
    """Lines repeated across the run's pages are found in their text, not their markup."""
    menu = "<ul class='menu'><li>Our Staff</li><li>Contact the newsroom</li></ul>"
    pages = [(f"https://a.example/{i}", f"{menu}<p>{s}</p>".encode(), "text/html") for i, s in enumerate([EN, FR, EN])]
    src = tmp_path / "site.warc.gz"
    write_warc(src, [("response", *p) for p in pages])
    code, out, _err = invoke("clean", "--format", "docs", "--repeated-lines", "2", src)
    docs = [json.loads(line) for line in out.splitlines()]
    # The third page's paragraph is a copy of the first's: found as a line of its text.
    assert code == 0 and [d["text"] for d in docs] == [EN, FR, ""]


def test_a_file_that_is_not_a_warc_is_said_to_be_not_one(tmp_path):
    # --input-format warc on a text file: warcio's own complaint about a
    # "WARC-Target-URI" on stderr, a record "skipped: application/http", exit 0.
    src = tmp_path / "notes.txt"
    src.write_text("The minister arrived in Sochi on Monday.\nTalks went on.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["clean", "--input-format", "warc", str(src)])
    assert (r.exit_code, r.stdout) == (1, "")
    assert r.stderr == (
        f"cleaner: error: {src}: not a WARC file (it does not start with 'WARC/'), "
        "read as one by its name or --input-format\n"
    )
