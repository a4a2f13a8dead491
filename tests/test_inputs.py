"""What a new user runs into with inputs (issue 19): compressed files in and
out, stdin that is JSONL or compressed, special files and the output folder
inside a folder run, --include/--exclude, HTML, empty folders, stray bytes in
JSONL."""

import gzip
import json
import os
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.emit import record_line
from cleaner.io.jsonl import NotARecord, spans

CLEANER = [sys.executable, "-m", "cleaner"]
FR = "Le ministre est arrivé lundi à Sotchi pour des entretiens avec le président russe."
DE = "Der Minister kam am Montag in Sotschi zu Gesprächen mit dem russischen Präsidenten an."


def invoke(*args, input=None):
    r = CliRunner().invoke(main, [str(a) for a in args], input=input)
    return r.exit_code, r.stdout, r.stderr


def docs(stdout):
    return [json.loads(line) for line in stdout.splitlines()]


def _records():
    return [{"id": "fr", "text": FR, "meta": {"k": 1}}, {"id": "de", "text": DE}]


def _write(path, text):
    if str(path).endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(text)
    elif str(path).endswith(".zst"):
        zstandard = pytest.importorskip("zstandard")
        path.write_bytes(zstandard.ZstdCompressor().compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.zst", ".ndjson.zst"])
def test_every_jsonl_suffix_reads_and_round_trips_through_our_own_output(tmp_path, suffix):
    src = tmp_path / f"in{suffix}"
    _write(src, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()))
    code, out, err = invoke("clean", "--format", "docs", src)
    assert (code, err) == (0, "")
    assert [(d["id"], d["lang"], d["text"]) for d in docs(out)] == [("fr", "fr", FR), ("de", "de", DE)]
    # Our own compressed output, read back as input: the same records again.
    again = tmp_path / f"out{suffix}"
    assert invoke("clean", "--format", "docs", src, "-o", again)[0] == 0
    code, out2, err = invoke("clean", "--format", "docs", again)
    assert (code, err) == (0, "")
    assert [(d["id"], d["text"], d["meta"] if "meta" in d else None) for d in docs(out2)] == [
        ("fr", FR, {"k": 1}),
        ("de", DE, None),
    ]


@pytest.mark.parametrize("suffix", [".txt", ".txt.gz", ".txt.zst"])
def test_text_suffixes_read_and_write(tmp_path, suffix):
    src = tmp_path / f"page{suffix}"
    _write(src, FR + "\n")
    out = tmp_path / f"clean{suffix}"
    assert invoke("clean", "--format", "text", src, "-o", out)[0] == 0
    assert invoke("clean", "--format", "text", out)[1] == FR + "\n"


def _pipe(stdin_bytes, *args):
    return subprocess.run(CLEANER + ["clean", *args], input=stdin_bytes, capture_output=True)


def test_jsonl_on_stdin_is_read_as_jsonl():
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()).encode("utf-8")
    r = _pipe(data, "--format", "docs")
    assert r.returncode == 0 and r.stderr == b""
    assert [(d["id"], d["text"]) for d in docs(r.stdout.decode())] == [("fr", FR), ("de", DE)]
    # Text whose first line is not a JSON object stays one text document.
    r = _pipe(b"{not json}\n" + FR.encode(), "--format", "docs")
    assert [d["doc"] for d in docs(r.stdout.decode())] == ["-"]


@pytest.mark.parametrize("how", ["gzip", "zstd"])
def test_compressed_stdin_is_decompressed(how):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()).encode("utf-8")
    if how == "gzip":
        packed = gzip.compress(data, mtime=0)
    else:
        packed = pytest.importorskip("zstandard").ZstdCompressor().compress(data)
    r = _pipe(packed, "--format", "docs")
    assert r.returncode == 0, r.stderr
    assert [d["id"] for d in docs(r.stdout.decode())] == ["fr", "de"]
    r = _pipe(gzip.compress(FR.encode(), mtime=0) if how == "gzip" else packed[:0] + FR.encode(), "--format", "text")
    assert r.stdout.decode() == FR + "\n"


def test_a_fifo_in_an_input_folder_is_skipped_with_a_warning(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(FR, encoding="utf-8")
    os.mkfifo(src / "x.txt")
    r = subprocess.run(
        CLEANER + ["clean", "--format", "text", str(src), "-o", str(tmp_path / "out")], capture_output=True, timeout=60
    )
    assert r.returncode == 0
    assert r.stderr.decode() == f"cleaner: warning: {src / 'x.txt'}: skipped: a FIFO, not a regular file\n"
    assert os.listdir(tmp_path / "out") == ["a.txt"]


def test_a_fifo_named_on_the_command_line_is_read(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(FR)

    t = threading.Thread(target=feed)
    t.start()
    r = subprocess.run(CLEANER + ["clean", "--format", "text", str(fifo)], capture_output=True, timeout=60)
    t.join()
    assert r.stdout.decode() == FR + "\n"


def test_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(FR, encoding="utf-8")
    for _ in range(2):
        code, _out, err = invoke("clean", "--format", "docs", src, "-o", src / "out")
        assert (code, err) == (0, "")
    found = sorted(os.path.relpath(os.path.join(d, f), src) for d, _s, fs in os.walk(src) for f in fs)
    assert found == ["a.txt", os.path.join("out", "a.jsonl")]


def test_include_and_exclude_globs(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text("name\tlang\na.txt\tfr\n", encoding="utf-8")
    code, out, _ = invoke("clean", "--format", "docs", "--include", "*.txt", tmp_path)
    assert code == 0 and [d["doc"] for d in docs(out)] == [str(tmp_path / "b.txt"), str(tmp_path / "news" / "a.txt")]
    code, out, _ = invoke("clean", "--format", "docs", "--exclude", "news/*", "--exclude", "*.tsv", tmp_path)
    assert [d["doc"] for d in docs(out)] == [str(tmp_path / "b.txt")]


def test_exclude_names_a_folder_too(tmp_path):
    # `--exclude drafts` read drafts/ all the same (the glob was only tried
    # on file names and whole paths), without a word.
    (tmp_path / "drafts" / "old").mkdir(parents=True)
    (tmp_path / "drafts" / "old" / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DE, encoding="utf-8")
    for pattern in ("drafts", "drafts/", "dra*", "old"):
        code, out, _ = invoke("clean", "--format", "docs", "--exclude", pattern, tmp_path)
        assert code == 0 and [d["doc"] for d in docs(out)] == [str(tmp_path / "b.txt")], pattern
    code, out, _ = invoke("clean", "--format", "docs", "--exclude", "b", tmp_path)
    assert len(docs(out)) == 2  # a file name is still matched whole


def test_a_link_to_a_folder_is_said_not_followed(tmp_path):
    # A linked folder inside an input folder was left out without a word.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "docs" / "more").symlink_to(tmp_path / "elsewhere")
    code, out, err = invoke("clean", "--format", "text", tmp_path / "docs")
    assert (code, out) == (0, f"{FR}\n")
    link = tmp_path / "docs" / "more"
    assert err == f"cleaner: warning: {link}: skipped: a link to a folder, not followed (name it to read it)\n"
    code, out, err = invoke("clean", "--format", "text", "--exclude", "more", tmp_path / "docs")
    assert (code, out, err) == (0, f"{FR}\n", "")
    code, out, err = invoke("clean", "--format", "text", tmp_path / "docs" / "more")
    assert (code, out, err) == (0, f"{DE}\n", "")


def test_html_files_are_read_as_pages_and_warned_about_only_without_the_parser(tmp_path, monkeypatch):
    pytest.importorskip("selectolax")
    page = "<!DOCTYPE html><html><body><p>" + FR + "</p></body></html>"
    for name in ("a.html", "b.htm", "c.txt"):
        (tmp_path / name).write_text(page, encoding="utf-8")
    (tmp_path / "d.txt").write_text(DE, encoding="utf-8")
    # (the copies of the page are found as copies of its text: the first pass reads it as a page too)
    code, out, err = invoke("clean", "--format", "text", "-j", "1", tmp_path)
    assert (code, err, out) == (0, "", f"{FR}\n{DE}\n")
    code, out, err = invoke("clean", "--format", "text", "--repeated-lines", "0", tmp_path)
    assert (code, err, out) == (0, "", f"{FR}\n{FR}\n{FR}\n{DE}\n")  # c.txt starts like a page: it is one
    monkeypatch.setattr("cleaner.io.html.available", lambda: False)
    code, _out, err = invoke("clean", "--format", "text", "-j", "1", tmp_path)
    assert code == 0
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"cleaner: warning: {tmp_path / 'a.html'}: looks like HTML")
    assert "cleaner[html]" in lines[0]
    assert lines[1] == "cleaner: warning: 2 more inputs like that (looks like HTML)"


@pytest.mark.parametrize(
    "args,message",
    [
        ([], "no input files"),
        (["--include", "*.md"], "no input files matching --include/--exclude"),
    ],
)
def test_an_empty_folder_or_nothing_matching_is_an_error(tmp_path, args, message):
    (tmp_path / "x.txt").write_text(FR, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    folder = empty if not args else tmp_path
    code, out, err = invoke("clean", *args, folder)
    assert code == 1 and out == ""
    assert err == f"cleaner: error: {folder}: {message}\n"


def test_a_latin1_byte_in_a_jsonl_line_is_repaired_counted_and_reported(tmp_path):
    src = tmp_path / "x.jsonl"
    src.write_bytes(
        b'{"id": 1, "text": "Le caf\xe9 est ouvert tous les jours de la semaine."}\n'
        + json.dumps({"id": 2, "text": DE}).encode()
        + b"\n"
    )
    code, out, err = invoke("clean", "--format", "docs", src)
    assert code == 0
    first, second = docs(out)
    assert first["text"] == "Le café est ouvert tous les jours de la semaine."
    # (cp1250 and cp1252 read this line alike; which one is named is the charset vote's business)
    assert first["repairs"] == ["invalid-utf8"] and first["encoding"] in ("cp1252", "cp1250", "latin-1")
    assert second["encoding"] == "utf-8" and second["repairs"] == []
    assert err == f"cleaner: warning: {src}:1: invalid UTF-8 at byte 25: read as {first['encoding']}\n"


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_jsonl_that_starts_with_a_byte_order_mark_is_read_as_jsonl(tmp_path, how):
    # (what Windows tools write: the first record used to fail as invalid JSON,
    # and on stdin the whole stream was read as one text)
    data = b'\xef\xbb\xbf{"id": "a", "text": "The first record."}\r\n{"id": "b", "text": "The second record."}\r\n'
    path = tmp_path / "bom.jsonl"
    path.write_bytes(data)
    args, stdin = (
        (["clean", "--format", "docs", str(path)], None) if how == "file" else (["clean", "--format", "docs"], data)
    )
    r = CliRunner().invoke(main, args, input=stdin)
    assert r.exit_code == 0, r.output
    assert [json.loads(line)["id"] for line in r.output.splitlines()] == ["a", "b"]


@pytest.mark.parametrize("fmt", ["tsv", "jsonl"])
def test_a_file_name_that_is_not_utf8_is_written_escaped(tmp_path, fmt):
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes in a name, as old archives have them
    (tmp_path / name).write_text("The talks resumed on Monday in Sochi, officials said.\n")
    r = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "--format", fmt, name], capture_output=True, cwd=tmp_path
    )
    assert r.returncode == 0 and r.stderr == b"", r.stderr
    assert b"caf\\udce9.txt" in r.stdout  # the JSON escape, in both formats


def test_a_record_id_that_is_not_a_string_names_its_document_as_json(tmp_path):
    """An id of 7, true or {"site": "a"} was named in Python's form (True, {'site': 'a'})."""
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"id": 7, "text": "Hello there, how are you doing today?"}\n'
        '{"id": true, "text": "Fine thanks, and how are you?"}\n'
        '{"id": {"site": "a", "n": 3}, "text": "Good morning to all of you."}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["clean", str(path)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["doc"] for line in result.output.splitlines()] == ["7", "true", '{"site": "a", "n": 3}']


@pytest.mark.parametrize(
    ("line", "value", "rest"),
    [
        ('{"text": "a", "n": 1}', '"a"', ', "n": 1}'),
        ('{"text":"a","text":"b\\"c"}', '"b\\"c"', "}"),  # the last of two, as json.loads keeps
        ('{"m": {"text": "x"}, "l": ["text", {"text": 1}], "text": "y"}', '"y"', "}"),
        (' \t{ "n" : 1e400 ,"text" :\t"z" } ', '"z"', " } "),
    ],
)
def test_the_text_value_is_found_at_the_top_level_of_the_record(line, value, rest):
    start, end, last = spans(line, "text")
    assert (line[start:end], line[end:]) == (value, rest)
    assert json.loads(line)["text"] == json.loads(value)
    assert line[last:].strip() == "}"


@pytest.mark.parametrize(
    "line", ["{}", '{"n": 1}', "[1]", '{"text": "a"', '{"text": "a",}', '{"text" "a"}', '{"text": tru}']
)
def test_a_line_without_the_field_is_not_a_record_and_is_written_from_its_fields(line):
    with pytest.raises(NotARecord):
        spans(line, "text")
    assert record_line({"n": 1e5, "text": "a"}, "text", "b", line) == '{"n": 100000.0, "text": "b"}\n'


def test_repeated_ids_are_told_in_bounded_memory():
    from cleaner.io.inputs import RepeatedIds

    ids = RepeatedIds(remembered=100)
    assert [ids.seen(f"doc-{i}") for i in range(100)] == [False] * 100
    assert all(ids.seen(f"doc-{i}") for i in range(100))
    assert [ids.seen("later"), ids.seen("later")] == [False, False]  # full: checked, not remembered
    assert len(ids._slots) == 256 and len(RepeatedIds()._slots) == 1024  # grown only as needed
