"""The command line, through click's runner and through real pipes."""

import gzip
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from cleaner.cli import main

CLEANER = [sys.executable, "-m", "cleaner"]
GOOD = "The minister arrived in Sochi on Monday for talks with the president."
OTHER = "Le ministre est arrivé lundi à Sotchi pour des entretiens avec le président."


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_broken_jsonl_line_is_reported_and_the_rest_processed(tmp_path):
    src = write_jsonl(
        tmp_path / "x.jsonl",
        [
            json.dumps({"id": "a", "text": GOOD, "url": "http://a"}),
            '{"id": "b", "text": "unterminated',
            json.dumps({"id": "c", "text": OTHER, "meta": {"n": 1}}),
        ],
    )
    r = subprocess.run(CLEANER + ["clean", "--format", "docs", str(src)], capture_output=True, text=True)
    assert r.returncode == 1
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(d["id"], d["lang"]) for d in docs] == [("a", "en"), ("c", "fr")]
    assert docs[0]["url"] == "http://a" and docs[1]["meta"] == {"n": 1}
    assert docs[1]["text"] == OTHER
    assert r.stderr == f"cleaner: error: {src}:2: invalid JSON (Unterminated string starting at: column 21)\n"


def test_jsonl_field_problems_name_the_line(tmp_path):
    src = write_jsonl(
        tmp_path / "y.jsonl",
        ["[1, 2]", json.dumps({"body": GOOD}), json.dumps({"text": 7}), json.dumps({"text": GOOD})],
    )
    r = invoke("clean", str(src))
    assert r.exit_code == 1
    assert [json.loads(line)["doc"] for line in r.stdout.splitlines()] == [f"{src}:4"]
    assert r.stderr.splitlines() == [
        f"cleaner: error: {src}:1: expected a JSON object, got list",
        f"cleaner: error: {src}:2: field 'text' missing (it has \"body\": use --text-field for another)",
        f"cleaner: error: {src}:3: field 'text' is int, not a string",
    ]


def test_text_and_id_fields_and_gzip(tmp_path):
    src = tmp_path / "z.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"key": "k1", "body": OTHER}) + "\n")
    r = invoke("clean", "--text-field", "body", "--id-field", "key", str(src))
    assert r.exit_code == 0
    [seg] = [json.loads(line) for line in r.stdout.splitlines()]
    assert (seg["doc"], seg["lang"], seg["text"]) == ("k1", "fr", OTHER)


def test_an_id_field_asked_for_and_missing_is_said_once(tmp_path):
    # A misspelt --id-field named every document FILE:LINE without a word.
    src = write_jsonl(tmp_path / "z.jsonl", [json.dumps({"key": f"k{i}", "text": GOOD}) for i in range(3)])
    r = invoke("clean", "--repeated-lines", "0", "--id-field", "kee", str(src))
    assert r.exit_code == 0
    assert [json.loads(line)["doc"] for line in r.stdout.splitlines()] == [f"{src}:{i}" for i in (1, 2, 3)]
    assert r.stderr == (
        f"cleaner: warning: {src}:1: field 'kee' missing; documents are named FILE:LINE instead "
        '(it has "key", "text": use --id-field for another)\n'
        "cleaner: warning: 2 more inputs like that (field 'kee' missing)\n"
    )
    # Without --id-field, records without an id are named FILE:LINE quietly.
    r = invoke("clean", "--repeated-lines", "0", str(src))
    assert r.exit_code == 0 and r.stderr == ""


@pytest.mark.parametrize("command", ["clean", "repair"])
def test_a_file_given_twice_into_one_stream_is_read_once(tmp_path, command):
    # `cleaner clean docs docs/a.txt` (or a glob and a name that overlap)
    # wrote the document twice, without a word.
    (tmp_path / "docs").mkdir()
    a = tmp_path / "docs" / "a.txt"
    a.write_text(GOOD + "\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text(OTHER + "\n", encoding="utf-8")
    r = invoke(command, "--format" if command == "clean" else "--strict", *(["text"] if command == "clean" else []),
               str(tmp_path / "docs"), str(a), str(a))  # fmt: skip
    assert r.exit_code == 0
    assert r.stdout == f"{GOOD}\n{OTHER}\n"
    assert r.stderr == (
        f"cleaner: warning: {a}: given more than once: read once\n"
        "cleaner: warning: 1 more input like that (given more than once: read once)\n"
    )


def test_missing_file_is_reported_and_others_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    r = invoke("clean", "--format", "text", str(tmp_path / "nope.txt"), str(good))
    assert r.exit_code == 1
    assert r.stdout == GOOD + "\n"
    assert r.stderr == f"cleaner: error: {tmp_path / 'nope.txt'}: no such file or directory\n"


def test_binary_file_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    r = invoke("clean", "--format", "text", str(tmp_path))
    assert r.exit_code == 1 and r.stdout == GOOD + "\n"
    assert r.stderr == f"cleaner: error: {tmp_path / 'b.png'}: binary data (PNG image), not text\n"


def test_folders_are_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    r = invoke("clean", str(tmp_path))
    assert [json.loads(line)["doc"] for line in r.stdout.splitlines()] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "2.txt"),
    ]


def test_lines_input_format_and_stdin():
    r = invoke("clean", "--input-format", "lines", "--format", "docs", input=f"{GOOD}\n\n{OTHER}\n")
    assert r.exit_code == 0
    assert [(d["doc"], d["lang"]) for d in map(json.loads, r.stdout.splitlines())] == [("-:1", "en"), ("-:3", "fr")]


def test_lang_filter_main_and_codes():
    text = f"{GOOD}\n{OTHER}\n"
    assert invoke("clean", "--format", "text", "--lang", "fr", "-", input=text).stdout == OTHER + "\n"
    assert invoke("clean", "--format", "text", "--lang", "main", input=text).stdout in (GOOD + "\n", OTHER + "\n")
    assert invoke("clean", "--format", "text", "--lang", "en,fr", input=text).stdout == text


def test_output_file(tmp_path):
    out = tmp_path / "o.jsonl"
    r = invoke("clean", "-o", str(out), str(FIXTURES / "voa-kerry-sochi.txt"))
    assert r.exit_code == 0 and r.stdout == ""
    assert len(out.read_text("utf-8").splitlines()) == 46


def test_output_onto_a_fifo_is_written_into_it_not_replaced(tmp_path):
    # -o /dev/null, -o /dev/stdout, -o a FIFO: the text goes into what is
    # there (it was renamed over it: /dev/null became a file, a FIFO's
    # reader got nothing, and the run said it went well).
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = subprocess.run(
        CLEANER + ["clean", "--format", "text", "--lang", "en", "-o", str(fifo), str(FIXTURES / "voa-kerry-sochi.txt")],
        capture_output=True,
        timeout=120,
    )
    reader.join(10)
    assert r.returncode == 0 and r.stderr == b""
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and got[0].decode().startswith("US, Russia Renew High-level Talks\n")
    assert sorted(os.listdir(tmp_path)) == ["pipe"]  # no temporary file left beside it


def test_output_through_a_link_writes_the_file_it_names(tmp_path):
    target = tmp_path / "runs" / "today.txt"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    r = invoke("clean", "--format", "text", "--lang", "en", "-o", str(link), str(FIXTURES / "voa-kerry-sochi.txt"))
    assert r.exit_code == 0
    assert link.is_symlink()
    assert target.read_text("utf-8").startswith("US, Russia Renew High-level Talks\n")


@pytest.mark.parametrize("command", ["clean", "repair"])
def test_an_empty_output_name_is_a_usage_error(command):
    # `-o "$OUT"` with OUT unset: "cleaner: error: <stdout>: cannot write: is a directory".
    r = invoke(command, "-o", "", str(FIXTURES / "voa-kerry-sochi.txt"))
    assert r.exit_code == 2 and r.stdout == ""
    assert "Error: -o '' names no file (an unset variable?): give a file, a folder, or - for stdout" in r.stderr
    if command == "clean":  # (--report '' wrote no report, with exit 0)
        r = invoke(command, "--report", "", str(FIXTURES / "voa-kerry-sochi.txt"))
        assert r.exit_code == 2 and "Error: --report '' names no file (an unset variable?): give a file" in r.stderr


def test_a_repeated_id_is_said_once_per_run_and_the_others_counted(tmp_path):
    # Segments of two documents with one id could not be told apart, without a word.
    recs = [{"id": i, "text": t} for i, t in (("a", GOOD), ("b", OTHER), ("a", OTHER), (7, GOOD), ("b", GOOD))]
    first = write_jsonl(tmp_path / "one.jsonl", [json.dumps(r) for r in recs[:3]])
    second = write_jsonl(tmp_path / "two.jsonl", [json.dumps(r) for r in recs[3:]] + [json.dumps({"text": GOOD})])
    said = (
        f'cleaner: warning: {first}:3: repeated id; "a" names an earlier document too, '
        "so their segments share one doc name\n"
        "cleaner: warning: 1 more input like that (repeated id)\n"
    )
    r = invoke("clean", "--repeated-lines", "0", str(first), str(second))
    assert (r.exit_code, r.stderr) == (0, said)
    assert [json.loads(line)["doc"] for line in r.stdout.splitlines()] == ["a", "b", "a", "7", "b", f"{second}:3"]
    for jobs in ("1", "2"):  # the same through a pipe, and from a pool of workers
        piped = subprocess.run(
            CLEANER + ["clean", "-j", jobs, "--repeated-lines", "0", "-"],
            input=first.read_bytes() + second.read_bytes(),
            capture_output=True,
        )
        assert (piped.returncode, piped.stderr.decode()) == (0, said.replace(str(first), "-"))
    # Into a folder: the run, not each output file, is what ids repeat in.
    r = invoke("clean", "--repeated-lines", "0", "-j", "1", str(tmp_path), "-o", str(tmp_path / "out"))
    assert (r.exit_code, r.stderr) == (0, said)
    # Ids that never repeat say nothing; nor do documents named by their place.
    lines = write_jsonl(tmp_path / "u.jsonl", [json.dumps({"id": i, "text": GOOD}) for i in range(10, 60)])
    assert invoke("clean", "--repeated-lines", "0", str(lines), str(second)).stderr == ""


def test_usage_errors_exit_2():
    assert invoke("clean", "--format", "xml").exit_code == 2
    assert invoke("clean", "--bogus").exit_code == 2


def test_repair_command_restores_fixtures(in_fixtures):
    r = invoke("repair", "voa-kerry-sochi.mojibake.txt", "moscow.cp1251.txt")
    assert r.exit_code == 0
    expected = (in_fixtures / "voa-kerry-sochi.txt").read_text("utf-8") + (in_fixtures / "moscow.utf8.txt").read_text(
        "utf-8"
    )
    assert r.stdout_bytes == expected.encode("utf-8")


def test_repair_of_lines_keeps_every_line_in_its_place(tmp_path):
    # One side of a parallel corpus: line N must stay line N.  Blank lines
    # were dropped (exit 0), so every line after them moved up.
    src = tmp_path / "side.txt"
    src.write_bytes("first line\n\nthird line, d\u00c3\u00a9j\u00c3\u00a0 vu\n   \nfifth line\n".encode())
    for args in (["--input-format", "lines", str(src)], ["--input-format", "lines", "-"]):
        r = subprocess.run(CLEANER + ["repair", *args], input=src.read_bytes(), capture_output=True)
        assert (r.returncode, r.stderr) == (0, b"")
        assert r.stdout.decode() == "first line\n\nthird line, d\u00e9j\u00e0 vu\n   \nfifth line\n"


def test_repair_of_lines_makes_no_line_break_inside_a_line(tmp_path):
    # A lone CR inside a line came out as a line break: one input line gave
    # two, and every line after it moved down.  So did a U+2028 repair made
    # of its mojibake.
    src = tmp_path / "side.txt"
    src.write_bytes(
        b"one\rtwo\n"  # a lone CR
        b"caf\xc3\x83\xc2\xa9 a\xc3\xa2\xc2\x80\xc2\xa8b\n"  # U+2028 read as cp1252, then written as UTF-8
        b"x\xe2\x80\xa8y\r\n"  # U+2028 itself, and a CRLF line end
        b"last\r\r\n"
    )
    expected = "one two\ncaf\u00e9 a b\nx y\nlast\n"
    r = invoke("repair", "--input-format", "lines", "--explain", str(src))
    assert (r.exit_code, r.stdout) == (0, expected)
    assert r.stderr.splitlines()[0] == f"{src}:1: encoding=utf-8 fixes=line-breaks"
    for args in ([str(src)], ["-"]):
        piped = subprocess.run(
            CLEANER + ["repair", "--input-format", "lines", *args], input=src.read_bytes(), capture_output=True
        )
        assert (piped.returncode, piped.stderr, piped.stdout.decode()) == (0, b"", expected)
    # clean reads such a line as one line too: one document, one line of text.
    r = invoke(
        "clean", "--input-format", "lines", "--format", "docs", input=b"The talks went on\runtil late at night.\n"
    )
    assert (r.exit_code, [json.loads(line)["text"] for line in r.stdout.splitlines()]) == (
        0,
        ["The talks went on until late at night."],
    )


def test_repair_jsonl_keeps_fields(tmp_path):
    broken = "doesnâ€™t"
    src = write_jsonl(tmp_path / "r.jsonl", [json.dumps({"id": 1, "text": broken, "x": [1]})])
    assert json.loads(invoke("repair", str(src)).stdout) == {"id": 1, "text": "doesn’t", "x": [1]}


# Records as other tools write them: numbers json.loads would change (1e5,
# 1.50, 1e400 that json.dumps writes as Infinity), escapes, compact and odd
# spacing, a field named like the text field inside another field.  The first
# is ASCII (its writer escaped the rest: so is the repaired text), the second UTF-8.
AS_WRITTEN = [
    '{"id":1e5,"price":1.50,"text":"doesn\\u00e2\\u20ac\\u2122t","big":1e400,"esc":"caf\\u00e9 \\/ x", "z" : [1, 2.0]}',
    '{ "meta": {"text": "nöt this one"}, "text" : "Gr\u00c3\u00bc\u00c3\u0178 Gott" ,"n":-0.0 }',
    '{"id": 3, "text": "nothing to repair here", "n": 1.50}',
]


def test_repair_of_jsonl_changes_the_text_value_only(tmp_path):
    # Every field was re-serialised: 1e5 came out as 100000.0, 1.50 as 1.5,
    # 1e400 as Infinity (not JSON), escapes and spacing as json.dumps writes them.
    src = write_jsonl(tmp_path / "r.jsonl", AS_WRITTEN)
    expected = (
        '{"id":1e5,"price":1.50,"text":"doesn\\u2019t","big":1e400,"esc":"caf\\u00e9 \\/ x", "z" : [1, 2.0]}\n'
        '{ "meta": {"text": "nöt this one"}, "text" : "Grüß Gott" ,"n":-0.0 }\n'
        '{"id": 3, "text": "nothing to repair here", "n": 1.50}\n'
    )
    r = invoke("repair", str(src))
    assert (r.exit_code, r.stderr, r.stdout) == (0, "", expected)
    piped = subprocess.run(CLEANER + ["repair"], input=src.read_bytes(), capture_output=True)
    assert (piped.returncode, piped.stderr, piped.stdout.decode()) == (0, b"", expected)


def test_docs_keep_the_input_fields_as_written(tmp_path):
    src = write_jsonl(tmp_path / "d.jsonl", AS_WRITTEN[:1] + AS_WRITTEN[2:])
    r = invoke("clean", "--format", "docs", str(src))
    assert r.exit_code == 0, r.stderr
    first, third = r.stdout.splitlines()
    assert first.startswith(expected_first := AS_WRITTEN[0].replace("\\u00e2\\u20ac\\u2122", "\\u2019")[:-1])
    assert first[len(expected_first) :].startswith(', "lang": ')
    assert third == (
        '{"id": 3, "text": "nothing to repair here", "n": 1.50, "lang": "en", "langs": {"en": 1.0}, '
        '"removed": {}, "repairs": [], "encoding": "utf-8"}'
    )
    assert json.loads(first)["repairs"] == ["encoding"]


def test_repair_of_a_folder_into_a_folder_mirrors_the_tree(tmp_path, in_fixtures):
    """-o DIR gives each input file its own repaired file (text stays text,
    JSONL stays JSONL with its fields): documents never run together."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_bytes((in_fixtures / "voa-kerry-sochi.mojibake.txt").read_bytes())
    (src / "sub" / "b.txt").write_bytes((in_fixtures / "moscow.cp1251.txt").read_bytes())
    write_jsonl(src / "c.jsonl", [json.dumps({"id": 1, "text": "doesnâ€™t", "x": [1]})])
    out = tmp_path / "out"
    r = invoke("repair", str(src), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.txt",
        "c.jsonl",
        "sub/b.txt",
    ]
    assert (out / "a.txt").read_text("utf-8") == (in_fixtures / "voa-kerry-sochi.txt").read_text("utf-8")
    assert (out / "sub" / "b.txt").read_text("utf-8") == (in_fixtures / "moscow.utf8.txt").read_text("utf-8")
    assert json.loads((out / "c.jsonl").read_text("utf-8")) == {"id": 1, "text": "doesn’t", "x": [1]}
    assert invoke("repair", "-o", str(tmp_path / "o2") + "/", input="x").exit_code == 2  # stdin into a folder


def test_pipe_with_head_ends_quietly():
    seed = (FIXTURES / "voa-kerry-sochi.txt").read_bytes()
    r = subprocess.run(
        " ".join(CLEANER) + " clean --format text --lang en | head -1",
        shell=True,
        input=seed,
        capture_output=True,
        cwd=ROOT,
    )
    assert r.returncode == 0
    assert r.stdout == b"US, Russia Renew High-level Talks\n" and r.stderr == b""
    # The same with many documents, so the pipe breaks while cleaner is still writing.
    r = subprocess.run(
        CLEANER + ["clean", "--input-format", "lines"],
        input=(GOOD + "\n").encode() * 300,
        capture_output=True,
        cwd=ROOT,
    )
    assert r.returncode == 0
    p1 = subprocess.Popen(
        CLEANER + ["clean", "--input-format", "lines"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    p2 = subprocess.Popen(["head", "-1"], stdin=p1.stdout, stdout=subprocess.PIPE)
    p1.stdout.close()
    p1.stdin.write((GOOD + "\n").encode() * 300)
    p1.stdin.close()
    assert len(p2.communicate()[0].splitlines()) == 1
    assert p1.wait() == 0 and p1.stderr.read() == b""


def test_languages_into_a_closed_pipe_ends_quietly():
    p = subprocess.Popen(CLEANER + ["languages"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    p.stdout.close()  # closed before the list is written: the write meets a broken pipe
    assert (p.wait(), p.stderr.read()) == (0, b"")


def test_a_full_disk_is_said_without_a_traceback(tmp_path):
    import os

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    for args in (["languages"], ["repair", str(FIXTURES / "voa-kerry-sochi.txt")]):
        with open("/dev/full", "w") as full:
            r = subprocess.run(CLEANER + args, stdout=full, stderr=subprocess.PIPE, cwd=ROOT)
        assert r.returncode == 1
        assert r.stderr == b"cleaner: error: <stdout>: cannot write: no space left on device\n"


def test_an_output_under_a_file_says_it_is_not_a_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    out = tmp_path / "notes.txt" / "out.jsonl"
    r = invoke("clean", "-o", str(out), str(FIXTURES / "voa-kerry-sochi.txt"))
    assert r.exit_code == 1
    assert r.stderr == f"cleaner: error: {out}: cannot write: {tmp_path / 'notes.txt'} is not a folder\n"


@pytest.mark.parametrize("command", ["clean", "repair"])
def test_one_ctrl_d_ends_what_is_typed_at_a_terminal(command):
    # At a terminal, stdin ended only at the second Ctrl-D: after the first,
    # cleaner read the terminal again.
    import os
    import pty

    leader, follower = pty.openpty()
    p = subprocess.Popen(CLEANER + [command], stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        os.write(leader, (GOOD + "\n").encode() + b"\x04")  # a line, then Ctrl-D once
        out, err = p.communicate(timeout=60)
    finally:
        p.kill()
        os.close(follower)
        os.close(leader)
    assert p.returncode == 0
    assert GOOD in out.decode()
    # (and `cleaner clean` alone, at a terminal, says what it waits for: it looked hung)
    assert err.decode() == f"cleaner: reading stdin (end it with Ctrl-D, or give files: cleaner {command} --help)\n"


def test_pipe_through_stdin_matches_file(in_fixtures):
    seed = (in_fixtures / "voa-kerry-sochi.txt").read_bytes()
    r = subprocess.run(CLEANER + ["clean"], input=seed, capture_output=True)
    expected = (in_fixtures / "voa-kerry-sochi.expected.jsonl").read_text("utf-8")
    assert r.stdout.decode("utf-8") == expected.replace('"doc": "voa-kerry-sochi.txt"', '"doc": "-"')


def test_two_runs_are_byte_identical(in_fixtures):
    args = CLEANER + ["clean", "--keep-boilerplate", "--format", "docs", "--segments", "."]
    assert subprocess.run(args, capture_output=True).stdout == subprocess.run(args, capture_output=True).stdout


def test_python_dash_m_and_version():
    r = subprocess.run(CLEANER + ["--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "0.1.0" in r.stdout


NORWEGIAN = "Regjeringen la fram forslaget til statsbudsjett for neste år på en pressekonferanse i dag."


@pytest.mark.parametrize("code", ["eng", "en-US", "EN_gb", "English"])
def test_lang_accepts_iso_639_1_639_3_bcp47_and_names(code):
    text = f"{GOOD}\n{OTHER}\n"
    r = invoke("clean", "--format", "text", "--lang", code, input=text)
    assert (r.exit_code, r.stdout) == (0, GOOD + "\n")


def test_lang_und_selects_what_no_language_was_said_of():
    text = "The talks resumed on Monday in Sochi, officials said.\n+7 (495) 123-45-67\n"
    r = invoke("clean", "--format", "text", "--keep-boilerplate", "--lang", "und", input=text)
    assert (r.exit_code, r.stdout) == (0, "+7 (495) 123-45-67\n")


@pytest.mark.parametrize("code", ["nb", "no", "nob", "nn"])
def test_norwegian_is_found_under_each_of_its_codes(code):
    r = invoke("clean", "--format", "text", "--lang", code, input=NORWEGIAN)
    assert (r.exit_code, r.stdout) == (0, NORWEGIAN + "\n")


@pytest.mark.parametrize("code,hint", [("xx", "did you mean zxx?"), ("englsh", "did you mean en?"), ("qq", "")])
def test_an_unknown_lang_code_is_a_usage_error_with_suggestions(code, hint):
    r = invoke("clean", "--lang", code, input=GOOD)
    assert r.exit_code == 2 and r.stdout == ""
    assert f"unknown language code '{code}'" in r.stderr and hint in r.stderr
    assert "see: cleaner languages" in r.stderr


def test_languages_command_lists_what_each_detector_knows():
    r = invoke("languages")
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert r.exit_code == 0 and rows[0] == ["code", "iso3", "name", "detectors", "scripts"]
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code["ka"][1:] == ["kat", "Georgian", "fasttext,langid", "Geor"]
    assert by_code["no"][2] == "Norwegian"
    ld = [line.split("\t")[0] for line in invoke("languages", "--detector", "langdetect").stdout.splitlines()[1:]]
    assert "en" in ld and "ga" not in ld and "ka" not in ld and len(ld) == 54


def test_docs_keep_every_input_field_named_like_ours(tmp_path):
    # An input with both `lang` and `cleaner_lang` lost its `cleaner_lang`
    # (ours was written over it); with --text-field lang the cleaned text
    # was replaced by the language code.
    src = write_jsonl(
        tmp_path / "x.jsonl",
        [json.dumps({"id": "a", "text": GOOD, "lang": "xx", "cleaner_lang": "yy", "encoding": "zz"})],
    )
    r = invoke("clean", "--format", "docs", str(src))
    assert r.exit_code == 0
    rec = json.loads(r.stdout)
    assert (rec["lang"], rec["cleaner_lang"], rec["encoding"]) == ("xx", "yy", "zz")
    assert rec["cleaner_cleaner_lang"] == "en" and rec["cleaner_encoding"] == "utf-8" and rec["text"] == GOOD
    src = write_jsonl(tmp_path / "y.jsonl", [json.dumps({"id": "b", "lang": GOOD})])
    rec = json.loads(invoke("clean", "--format", "docs", "--text-field", "lang", str(src)).stdout)
    assert rec["lang"] == GOOD and rec["cleaner_lang"] == "en"


def test_segments_without_docs_format_is_a_usage_error():
    r = invoke("clean", "--segments", input=GOOD)
    assert r.exit_code == 2 and "--segments" in r.stderr and "--format docs" in r.stderr
    assert invoke("clean", "--segments", "--format", "docs", input=GOOD).exit_code == 0


def test_input_format_help_names_every_suffix():
    help_text = " ".join(invoke("clean", "--help").stdout.split())
    for suffix in (".jsonl", ".ndjson", ".gz", ".zst"):
        assert suffix in help_text


def test_document_text_is_repaired_and_cleaned_text_is_what_is_kept():
    from cleaner import Pipeline

    doc = Pipeline().process("Accessibility links\nThe Mona Lisa doesnâ€™t have eyebrows, the guide said.")
    assert doc.text == "Accessibility links\nThe Mona Lisa doesn’t have eyebrows, the guide said."
    assert doc.cleaned_text == "The Mona Lisa doesn’t have eyebrows, the guide said."


def test_a_misspelt_text_field_is_said_for_a_few_lines_then_counted(tmp_path):
    src = write_jsonl(tmp_path / "m.jsonl", [json.dumps({"id": i, "body": GOOD}) for i in range(40)])
    r = invoke("clean", "--text-field", "txt", str(src))
    assert r.exit_code == 1 and r.stdout == ""
    said = 'field \'txt\' missing (it has "id", "body": use --text-field for another)'
    assert r.stderr.splitlines() == [f"cleaner: error: {src}:{n}: {said}" for n in range(1, 6)] + [
        f"cleaner: error: {src}: 35 more lines like that ({said})"
    ]


def test_different_failures_and_files_are_each_said():
    from cleaner.run.messages import SAME_SHOWN, Messages

    said = []
    m = Messages(echo=said.append)
    for n in range(1, SAME_SHOWN + 3):
        m.fail(f"a.jsonl:{n}", "invalid JSON")
        m.fail(f"b.jsonl:{n}", "invalid JSON")
    m.fail("a.jsonl:99", "field 'text' is null")
    m.fail("c.txt", "binary data")
    m.finish()
    assert m.failures == 2 * (SAME_SHOWN + 2) + 2 and m.status == 1
    assert said[-4:] == [
        "cleaner: error: a.jsonl:99: field 'text' is null",
        "cleaner: error: c.txt: binary data",
        "cleaner: error: a.jsonl: 2 more lines like that (invalid JSON)",
        "cleaner: error: b.jsonl: 2 more lines like that (invalid JSON)",
    ]


# The modules only `cleaner clean` needs: `cleaner repair` and `--help` spent
# most of their start-up importing them (0.27 CPU-s for a one-line repair, 0.25
# for --help; 0.20 and 0.13 without).
CLEAN_ONLY = ("cleaner.pipeline", "cleaner.classify", "cleaner.identify", "cleaner.run.runner", "cleaner.scripts")
_IMPORTED = (
    "import sys\n"
    "from cleaner.cli import main\n"
    "sys.argv[0] = 'cleaner'\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    f"print(*[m for m in {CLEAN_ONLY!r} if m in sys.modules], file=sys.stderr)\n"
)


@pytest.mark.parametrize(
    ("args", "imported"),
    [
        (["--help"], ""),
        (["repair", "--help"], ""),
        (["repair", "--explain", "-"], ""),
        (["repair", "--input-format", "lines", "-"], ""),
        (["clean", "--repeated-lines", "0", "-"], " ".join(CLEAN_ONLY)),
    ],
)
def test_repair_and_help_start_without_the_pipeline(args, imported):
    text = json.dumps({"id": 1, "text": "doesnâ€™t"}) + "\n"
    r = subprocess.run([sys.executable, "-c", _IMPORTED, *args], input=text.encode(), capture_output=True, cwd=ROOT)
    assert r.stderr.decode().splitlines()[-1] == imported
