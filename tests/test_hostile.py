"""Hostile inputs: each gets a clear message naming the input (and the JSONL
line), the exit status says something failed, and every other document is
still processed and written."""

import gzip
import json
import os
import time

import pytest
from click.testing import CliRunner

from cleaner import Pipeline
from cleaner.cli import main

GOOD = "The minister arrived in Sochi on Monday for talks with the president."
GOOD2 = "It was the first visit of its kind in two years, officials on both sides said."


def run(*args, input=None):
    r = CliRunner().invoke(main, ["clean", *map(str, args)], input=input)
    return r.exit_code, r.stdout, r.stderr


def folder_with(tmp_path, name, data):
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z-good.txt").write_text(GOOD2, encoding="utf-8")
    return tmp_path


def texts(stdout):
    return [d["text"] for d in map(json.loads, stdout.splitlines())]


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("bytes.txt", bytes(range(0x80, 0x100)) * 8, "undecodable bytes: not UTF-8 and no known code page fits"),
        ("nul.bin", b"\x00\x01\x02\x03" * 500 + b"abc", "binary data (NUL bytes), not text"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data (PNG image), not text"),
        (
            "data.txt",
            gzip.compress(GOOD.encode() * 10, mtime=0),
            "binary data (gzip; name it .gz to read it), not text",
        ),
    ],
)
def test_bad_files_are_reported_and_the_others_written(tmp_path, name, data, message):
    folder = folder_with(tmp_path, name, data)
    code, out, err = run("--format", "docs", folder)
    assert code == 1
    assert texts(out) == [GOOD, GOOD2]
    assert err == f"cleaner: error: {folder / name}: {message}\n"


def test_strict_stops_at_the_first_failure(tmp_path):
    folder = folder_with(tmp_path, "m-bad.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, err = run("--strict", "--format", "text", folder)
    assert code == 1 and out == GOOD + "\n"
    assert err.splitlines() == [
        f"cleaner: error: {folder / 'm-bad.png'}: binary data (PNG image), not text",
        "cleaner: stopped at the first failure (--strict)",
    ]


def test_empty_file_and_empty_stdin_warn_but_do_not_fail(tmp_path):
    folder = folder_with(tmp_path, "m-empty.txt", b"")
    code, out, err = run("--format", "docs", folder)
    assert code == 0 and texts(out) == [GOOD, "", GOOD2]
    assert err == f"cleaner: warning: {folder / 'm-empty.txt'}: empty document\n"
    assert run(input="") == (0, "", "cleaner: warning: -: empty document\n")


def test_vanished_and_unreadable_files(tmp_path):
    folder = folder_with(tmp_path, "placeholder", b"")
    os.remove(folder / "placeholder")
    os.symlink(folder / "gone.txt", folder / "m-vanished.txt")  # listed, then not there
    os.symlink("/proc/self/mem", folder / "n-unreadable.txt")  # opens, then fails to read
    code, out, err = run("--format", "docs", folder)
    assert code == 1 and texts(out) == [GOOD, GOOD2]
    assert err.splitlines() == [
        f"cleaner: error: {folder / 'm-vanished.txt'}: no such file or directory",
        f"cleaner: error: {folder / 'n-unreadable.txt'}: input/output error",
    ]


def test_jsonl_bad_lines_each_named(tmp_path):
    lines = [
        json.dumps({"id": 1, "text": GOOD}),
        "{not json",
        "42",
        json.dumps({"id": 4}),
        json.dumps({"id": 5, "text": ["a"]}),
        b"\xff\xfe{}".decode("latin-1"),
        json.dumps({"id": 7, "text": GOOD}),
        json.dumps({"id": 8, "text": None}),
    ]
    src = tmp_path / "d.jsonl"
    src.write_bytes(
        b"\n".join(line.encode("utf-8") if i != 5 else b"\xff\xfe{}" for i, line in enumerate(lines)) + b"\n"
    )
    code, out, err = run("--format", "docs", src)
    assert code == 1
    assert [d["id"] for d in map(json.loads, out.splitlines())] == [1, 7]
    assert err.splitlines() == [
        f"cleaner: error: {src}:2: invalid JSON (Expecting property name enclosed in double quotes: column 2)",
        f"cleaner: error: {src}:3: expected a JSON object, got int",
        f"cleaner: error: {src}:4: field 'text' missing (it has \"id\": use --text-field for another)",
        f"cleaner: error: {src}:5: field 'text' is list, not a string",
        f"cleaner: error: {src}:6: invalid UTF-8 at byte 0",
        f"cleaner: error: {src}:8: field 'text' is null (use --text-field for another)",
    ]


def test_lone_surrogates_are_replaced_with_a_warning_and_fields_kept(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_text(
        '{"id": "s", "text": "Bad \\ud800 char in a sentence here.", "note": "\\udc00"}\n'
        + json.dumps({"id": "ok", "text": GOOD})
        + "\n",
        encoding="ascii",
    )
    code, out, err = run("--format", "docs", src)
    assert code == 0
    first, second = map(json.loads, out.splitlines())
    assert first["text"] == "Bad \ufffd char in a sentence here." and first["repairs"] == ["surrogates"]
    assert first["note"] == "\udc00" and second["text"] == GOOD
    assert err == f"cleaner: warning: {src}:1: lone surrogate replaced by U+FFFD\n"


@pytest.mark.slow
def test_a_100_mb_jsonl_line_is_reported_and_the_next_line_processed(tmp_path):
    src = tmp_path / "big.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        f.write('{"id": "big", "text": "' + "word " * 20_000_000 + '"}\n')
        f.write(json.dumps({"id": "next", "text": GOOD}) + "\n")
    assert src.stat().st_size > 100_000_000
    code, out, err = run("--format", "docs", src)
    assert code == 1 and texts(out) == [GOOD]
    assert (
        err == f"cleaner: error: {src}:1: document too long (100,000,000 characters; --max-doc-chars is 10,000,000)\n"
    )


@pytest.mark.slow
def test_a_50_mb_document_without_newline(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 10_000_000)
    code, out, err = run("--format", "docs", big)
    assert code == 1 and out == ""
    assert err == f"cleaner: error: {big}: document too long (over 40,000,004 bytes; --max-doc-chars is 10,000,000)\n"
    code, out, err = run("--format", "jsonl", "--max-doc-chars", "60000000", big)
    assert code == 0 and err == ""
    [seg] = map(json.loads, out.splitlines())
    assert (seg["start"], seg["end"], seg["kind"]) == (0, 49_999_999, "content")


def test_mixed_line_endings(tmp_path):
    src = tmp_path / "crlf.txt"
    src.write_bytes(b"First line here.\r\nSecond line here.\rThird line here.\n\r\nNew paragraph.")
    code, out, err = run("--format", "text", src)
    assert (code, err) == (0, "")
    assert out == "First line here.\nSecond line here.\nThird line here.\n\nNew paragraph.\n"


PATHOLOGICAL = {
    "one character ten million times": "a" * 10_000_000,
    "deep combining stack": "a" + "\u0301" * 1_000_000 + " end",
    "every script in one line": " ".join(chr(c) * 3 for c in range(0x41, 0x30000, 97) if chr(c).isalpha()) * 3,
    "right-to-left marks and joiners": "\u200f\u200dשלום\u200e עולם\u202e abc\u202c " * 20_000,
    "zero-width everywhere": "w\u200bo\u200cr\u200dd\u2060 " * 50_000,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_in_linear_time_and_lossless(name):
    from cleaner import Options, Selection

    text = PATHOLOGICAL[name]
    pipe = Pipeline(Options(Selection(keep_boilerplate=True)))
    doc = pipe.process(text)
    segs = pipe.select(doc)
    covered = "".join(s.text for s in segs)
    assert "".join(covered.split()) == "".join(doc.text.split())
    # Not a timing test: a generous bound that only quadratic behaviour breaks.
    small = text[: len(text) // 10]
    t0 = time.perf_counter()
    pipe.process(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    pipe.process(text)
    t_full = time.perf_counter() - t0
    assert t_full < 40 * max(t_small, 0.05), (t_small, t_full)


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_interrupt_leaves_no_half_written_output(tmp_path, sig, interruptible):
    import signal
    import subprocess
    import sys

    src = tmp_path / "many.txt"
    src.write_text((GOOD + "\n") * 20_000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "clean", "--input-format", "lines", "-o", str(out), str(src)],
        stderr=subprocess.PIPE,
        preexec_fn=interruptible,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not any(tmp_path.glob(".out.jsonl.tmp-*")):
        time.sleep(0.05)  # wait until it is writing
    time.sleep(0.5)
    p.send_signal(getattr(signal, sig))
    err = p.communicate(timeout=60)[1].decode()
    assert p.returncode == 130
    assert err == f"cleaner: interrupted; {out} not written\n"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["many.txt"]


def test_the_api_names_what_it_takes_when_given_something_else():
    import pytest

    from cleaner import Pipeline

    for bad in (None, 5, ["text"]):
        with pytest.raises(TypeError, match=rf"takes text \(str\) or bytes, not {type(bad).__name__}"):
            Pipeline().process(bad)
