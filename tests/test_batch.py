"""Batch runs: --jobs, folder in/out, atomic outputs, --resume, compression."""

import gzip
import json
import os
import subprocess
import sys
from dataclasses import replace as dataclasses_replace

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.io.inputs import ReadOptions, read
from cleaner.pipeline import Options
from cleaner.run import plan
from cleaner.run import pool as run_pool
from cleaner.run.job import CleanJob
from cleaner.run.passes import learn_repeats
from cleaner.run.plan import RunSpec, output_path
from cleaner.run.pool import Workers, clean_items
from cleaner.run.runner import execute


def run_folder(inputs, out, job, resume=False, fail=lambda w, m: None):
    spec = RunSpec(tuple(inputs), out, ReadOptions(), job, folder_out=True, resume=resume)
    return execute(spec, fail, lambda w, m, once="": None)


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True, cwd=cwd)


@pytest.fixture()
def tree(tmp_path, seed_text):
    """A folder of text pages and JSONL shards made from the worked example."""
    root = tmp_path / "in"
    paras = [p for p in seed_text.split("\n\n") if p.strip()]
    for i in range(9):
        d = root / f"site{i % 3}"
        d.mkdir(parents=True, exist_ok=True)
        text = "Breaking News\n\n" + "\n\n".join(paras[i : i + 5]) + "\n\nდილა მშვიდობისა, როგორ ხარ?\n"
        (d / f"page{i}.txt").write_text(text, encoding="utf-8")
    recs = [{"id": f"r{i}", "meta": {"k": i}, "text": "\n".join(paras[i : i + 3])} for i in range(12)]
    (root / "shards").mkdir()
    (root / "shards" / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs[:6]))
    with gzip.open(root / "shards" / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("".join(json.dumps(r) + "\n" for r in recs[6:]) + "not json\n")
    (root / "empty.jsonl").write_text("")
    return root


@pytest.mark.parametrize("fmt", ["jsonl", "docs", "tsv", "text"])
def test_jobs_2_output_equals_jobs_1(tree, fmt):
    one = _cli("clean", "--format", fmt, "-j", "1", str(tree))
    two = _cli("clean", "--format", fmt, "-j", "2", str(tree))
    assert one.returncode == two.returncode == 1  # the broken JSON line
    assert one.stdout == two.stdout and len(one.stdout) > 1000
    assert one.stderr == two.stderr
    assert two.stderr.decode().count("cleaner: error:") == 1


def test_clean_items_keeps_order_with_small_chunks(tree, monkeypatch):
    monkeypatch.setattr(run_pool, "CHUNK_DOCS", 2)
    items = list(read([str(tree)], ReadOptions()))
    job = CleanJob(Options(), "docs")
    a = [r.out for r in clean_items(items, job)]
    with Workers(job, 2) as workers:
        b = [r.out for r in clean_items(items, job, workers)]
    assert a == b and len(a) == len(items)


def test_one_pool_serves_both_passes(tree, monkeypatch):
    """The first pass and the cleaning pass share one pool; what the first pass
    learned reaches its workers through a temporary file that is gone afterwards."""
    monkeypatch.setattr(run_pool, "CHUNK_DOCS", 2)
    items = list(read([str(tree)], ReadOptions()))
    job = CleanJob(Options(), "docs")
    alone = dataclasses_replace(job, repeats=learn_repeats(items, 2))
    expected = [r.out for r in clean_items(items, alone)]
    with Workers(job, 2) as workers:
        repeats = learn_repeats(items, 2, workers)
        assert repeats.counter.table == alone.repeats.counter.table
        assert (repeats._ids, repeats._docs) == (alone.repeats._ids, alone.repeats._docs)
        shared = dataclasses_replace(job, repeats=repeats)
        assert [r.out for r in clean_items(items, shared, workers)] == expected
        path = workers.repeats_file(repeats)
        assert os.path.exists(path) and workers.repeats_file(repeats) == path
        # Without repeats (a run that has none) the same workers clean as without.
        assert [r.out for r in clean_items(items, job, workers)] == [r.out for r in clean_items(items, job)]
    assert not os.path.exists(path)


def test_folder_out_mirrors_tree_and_equals_stream(tree, tmp_path):
    out = tmp_path / "out"
    r = _cli("clean", "--format", "docs", "-j", "2", str(tree), "-o", str(out))
    assert r.returncode == 1
    files = sorted(os.path.relpath(os.path.join(d, f), out) for d, _s, fs in os.walk(out) for f in fs)
    assert files == ["empty.jsonl", "shards/a.jsonl", "shards/b.jsonl.gz"] + [
        f"site{i % 3}/page{i}.jsonl" for i in sorted(range(9), key=lambda i: (i % 3, i))
    ]
    stream = _cli("clean", "--format", "docs", "-j", "1", str(tree)).stdout
    joined = b""
    for f in files:
        p = out / f
        joined += gzip.open(p).read() if f.endswith(".gz") else p.read_bytes()
    assert joined == stream
    assert not [f for f in files if ".tmp-" in f]


def test_gzip_output_is_byte_identical_between_runs(tree, tmp_path):
    _cli("clean", "--format", "docs", str(tree), "-o", str(tmp_path / "o1"))
    _cli("clean", "--format", "docs", str(tree), "-o", str(tmp_path / "o2"))
    assert (tmp_path / "o1/shards/b.jsonl.gz").read_bytes() == (tmp_path / "o2/shards/b.jsonl.gz").read_bytes()


def test_resume_skips_finished_outputs(tree, tmp_path):
    out = tmp_path / "out"
    job = CleanJob(Options(), "docs")
    run_folder([str(tree)], str(out), job)
    done = out / "site0" / "page0.jsonl"
    gone = out / "site1" / "page1.jsonl"
    done.write_text("kept as it was\n")
    gone.unlink()
    stats = run_folder([str(tree)], str(out), job, resume=True)
    assert done.read_text() == "kept as it was\n"
    assert gone.exists() and stats.docs == 1 and stats.skipped_files == 11


def test_unreadable_input_leaves_no_output(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("The talks resumed on Monday in Sochi.\n")
    (src / "bad.txt.gz").write_bytes(b"not gzip at all")
    fails = []
    run_folder([str(src)], str(tmp_path / "out"), CleanJob(Options(), "docs"), fail=lambda w, m: fails.append(w))
    assert os.listdir(tmp_path / "out") == ["ok.jsonl"]
    assert fails == [str(src / "bad.txt.gz")]


def test_zstd_output_by_suffix(tree, tmp_path):
    zstandard = pytest.importorskip("zstandard")
    out = tmp_path / "all.jsonl.zst"
    r = _cli("clean", "--format", "docs", "-j", "1", str(tree / "site0"), "-o", str(out))
    assert r.returncode == 0
    plain = _cli("clean", "--format", "docs", "-j", "1", str(tree / "site0")).stdout
    assert zstandard.ZstdDecompressor().stream_reader(open(out, "rb")).read() == plain


def test_usage_errors():
    r = _cli("clean", "--resume", "-")
    assert r.returncode == 2 and b"--resume needs -o DIR" in r.stderr


def test_summary_line(tree):
    r = _cli("clean", "--summary", "-j", "2", str(tree / "site0"))
    line = r.stderr.decode().strip()
    assert line.startswith("cleaner: 3 docs, ") and line.endswith("0 failures")
    # page0 of site0 holds a single body sentence amid furniture: what classify
    # keeps of it is classify's business, the summary just reports the shares.
    assert ", languages: en " in line


def test_output_path_names():
    assert output_path("in/a/b.txt", "in", "out", "text", False) == os.path.join("out", "a", "b.txt")
    assert output_path("in/a/b.jsonl.gz", "in", "out", "tsv", True) == os.path.join("out", "a", "b.tsv.gz")


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_interrupting_a_folder_run_with_two_jobs(tmp_path, seed_text, sig, interruptible):
    """Exit 130 with one line and no traceback, only complete outputs, and
    --resume finishes the run with the same outputs as an uninterrupted one."""
    import signal
    import time

    src = tmp_path / "in"
    src.mkdir()
    # (enough files that the run is still going when the signal comes, however fast it is)
    n_files = 400
    for i in range(n_files):
        (src / f"p{i:03d}.txt").write_text(seed_text.replace("the ", f"the {i} "), encoding="utf-8")
    out = tmp_path / "out"
    p = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "clean", "-j", "2", str(src), "-o", str(out)],
        stderr=subprocess.PIPE,
        preexec_fn=interruptible,
    )
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("*.jsonl"))) < 3:
        time.sleep(0.05)  # until it is writing outputs
    p.send_signal(getattr(signal, sig))
    err = p.communicate(timeout=120)[1].decode()
    assert p.returncode == 130
    assert err == f"cleaner: interrupted; the outputs in {out} are complete, --resume goes on from there\n"
    done = sorted(os.listdir(out))
    assert 3 <= len(done) < n_files and all(not name.startswith(".") for name in done)
    r = _cli("clean", "-j", "2", "--resume", str(src), "-o", str(out))
    assert r.returncode == 0 and r.stderr == b""
    whole = tmp_path / "whole"
    assert _cli("clean", "-j", "2", str(src), "-o", str(whole)).returncode == 0
    assert sorted(os.listdir(out)) == sorted(os.listdir(whole))
    assert all((out / n).read_bytes() == (whole / n).read_bytes() for n in os.listdir(whole))


def test_a_pipe_closed_while_the_workers_wait_ends_the_run(tmp_path):
    """`cleaner clean -j 2 big | less`, quit after a while: the workers had
    done all they were given and waited for more; ending the pool then hung
    for ever (the feeder waited for a free slot that would never come)."""
    import time

    src = tmp_path / "big.txt"
    src.write_text("The minister arrived in Sochi on Monday for talks with the president.\n" * 4000)
    p = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "clean", "-j", "2", "--repeated-lines", "0"]
        + ["--input-format", "lines", str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert p.stdout.read(100)  # it is writing
        time.sleep(6)  # the pipe is full, every worker idle
        p.stdout.close()
        assert p.wait(timeout=60) == 0
        assert p.stderr.read() == b""
    finally:
        p.kill()


def test_the_summary_times_the_whole_run_and_the_first_pass_shows_progress(tree, monkeypatch, capsys):
    """The first pass is timed in the summary and has a progress line of its own."""
    import time

    from click.testing import CliRunner

    import cleaner.run.runner as runner
    from cleaner.cli import main
    from cleaner.run.progress import Progress

    real = runner.learn_repeats

    def slow(*args, **kwargs):
        time.sleep(1.5)
        return real(*args, **kwargs)

    monkeypatch.setattr(runner, "learn_repeats", slow)
    r = CliRunner().invoke(main, ["clean", "--summary", "-j", "1", str(tree / "site0")])
    seconds = float(r.stderr.split(" MB in ")[1].split(" s ")[0])
    assert r.exit_code == 0 and seconds >= 1.5
    items = list(read([str(tree / "site0")], ReadOptions()))
    real(items, 2, progress=Progress(True))
    assert "\rcleaner: learning repeated lines: 1 docs, " in capsys.readouterr().err


def test_a_large_file_gets_every_core_by_default_and_a_small_one_or_a_pipe_one(tmp_path, monkeypatch):
    from cleaner.run import plan

    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    small = tmp_path / "small.jsonl"
    small.write_text('{"text": "A line."}\n', encoding="utf-8")
    big = tmp_path / "big.jsonl"
    with open(big, "wb") as f:
        f.truncate(plan.POOL_MIN_BYTES)  # (sparse: its size is what counts)
    (tmp_path / "folder").mkdir()
    assert plan.default_jobs([str(small)]) == 1
    assert plan.default_jobs(["-"]) == 1
    assert plan.default_jobs([str(big)]) == 3
    assert plan.default_jobs([str(small), str(tmp_path / "folder")]) == 3


# --- runs that would lose data are refused before anything is read ---------------


def _two_shards(tmp_path):
    """Two folders holding files of the same names, as shards of a crawl do."""
    for shard, words in (("s1", "first"), ("s2", "second")):
        (tmp_path / shard).mkdir()
        (tmp_path / shard / "a.txt").write_text(f"The {words} shard holds this sentence of text.\n")
    return tmp_path / "s1", tmp_path / "s2"


@pytest.mark.parametrize("command", ["clean", "repair"])
def test_two_inputs_with_one_output_file_are_refused(tmp_path, command):
    s1, s2 = _two_shards(tmp_path)
    out = tmp_path / "out"
    r = CliRunner().invoke(main, [command, str(s1), str(s2), "-o", f"{out}/"])
    assert r.exit_code == 2
    assert f"{s1 / 'a.txt'} and {s2 / 'a.txt'} -> {out / 'a'}" in r.output
    assert "--exclude" in r.output and "Traceback" not in r.output
    assert not out.exists()  # nothing was written, so nothing was half done


def test_a_text_page_and_its_html_side_by_side_are_refused(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text("The page as text, one sentence of it.\n")
    (tmp_path / "in" / "page.html").write_text("<p>The page as HTML, one sentence of it.</p>\n")
    r = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert r.exit_code == 2 and "page.jsonl" in r.output


def test_many_clashes_are_counted_not_all_listed(tmp_path):
    s1, s2 = _two_shards(tmp_path)
    for i in range(5):
        for shard in (s1, s2):
            (shard / f"b{i}.txt").write_text("Another sentence, the same in both.\n")
    with pytest.raises(plan.PlanError, match=r"\(and 3 more\)"):
        plan.plan_folder([str(s1), str(s2)], str(tmp_path / "out"), "docs", ReadOptions())


@pytest.mark.parametrize("command", ["clean", "repair"])
def test_an_output_file_that_is_an_input_is_refused(tmp_path, command):
    src = tmp_path / "a.jsonl"
    original = '{"id": "k", "text": "Original text of a document, one sentence."}\n'
    src.write_text(original)
    r = CliRunner().invoke(main, [command, str(src), "-o", str(src)])
    assert r.exit_code == 2 and "is also an input" in r.output
    assert src.read_text() == original


def test_an_output_folder_that_would_replace_an_input_is_refused(tmp_path):
    src = tmp_path / "a.jsonl"
    original = '{"id": "k", "text": "Original text of a document, one sentence."}\n'
    src.write_text(original)
    r = CliRunner().invoke(main, ["clean", str(src), "-o", f"{tmp_path}/"])
    assert r.exit_code == 2 and "is an input of the run" in r.output
    assert src.read_text() == original


def test_a_file_given_twice_is_cleaned_once(tmp_path):
    s1, _s2 = _two_shards(tmp_path)
    r = _cli("clean", str(s1), str(s1 / "a.txt"), "-o", f"{tmp_path / 'out'}/")
    assert r.returncode == 0, r.stderr
    assert b"given more than once: read once" in r.stderr
    assert os.listdir(tmp_path / "out") == ["a.jsonl"]
    assert len((tmp_path / "out" / "a.jsonl").read_text().splitlines()) == 1


def test_an_output_file_inside_an_input_folder_is_not_read_back(tmp_path):
    s1, _s2 = _two_shards(tmp_path)
    out = s1 / "all.jsonl"
    for _ in range(2):  # the second run must not clean the first run's output
        r = _cli("clean", "-q", str(s1), "-o", str(out))
        assert r.returncode == 0, r.stderr
        assert [json.loads(line)["doc"] for line in out.read_text().splitlines()] == [str(s1 / "a.txt")]


def test_a_link_in_the_tree_gets_its_own_output(tmp_path):
    s1, _s2 = _two_shards(tmp_path)
    (s1 / "b.txt").symlink_to("a.txt")
    r = _cli("clean", "-q", str(s1), "-o", f"{tmp_path / 'out'}/")
    assert r.returncode == 0 and r.stderr == b"", r.stderr
    assert sorted(os.listdir(tmp_path / "out")) == ["a.jsonl", "b.jsonl"]  # the tree, mirrored


def test_a_report_that_would_replace_an_input_or_the_output_is_refused(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("The talks resumed on Monday in Sochi, officials said.\n")
    r = CliRunner().invoke(main, ["clean", "--report", str(src), str(src)])
    assert r.exit_code == 2 and "is also an input" in r.output
    assert src.read_text().startswith("The talks")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["clean", "--report", str(out), "-o", str(out), str(src)])
    assert r.exit_code == 2 and "is also the output" in r.output and not out.exists()


def test_a_report_inside_an_input_folder_is_not_read_back(tmp_path):
    s1, _s2 = _two_shards(tmp_path)
    for _ in range(2):  # the second run must not clean the first run's report
        r = _cli("clean", "-q", "--report", str(s1 / "report.html"), str(s1))
        assert r.returncode == 0, r.stderr
        assert [json.loads(line)["doc"] for line in r.stdout.decode().splitlines()] == [str(s1 / "a.txt")]
