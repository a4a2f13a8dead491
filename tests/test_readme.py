"""The README's examples run as written (issue 19).

Every ```sh and ```python block of README.md is run in a folder that holds
the files the examples name (page.txt, page.html, broken.txt, dumps/, crawl/,
shards/, corpus.jsonl.gz, dump.jsonl.gz, crawl.warc.gz,
CC-MAIN-sample.warc.wet.gz), made from the repository's fixtures.  A block
right after an HTML comment ``<!-- needs: ... -->`` is not run: it needs the
network or a cluster, installs the package (.ci/run does that), or runs this
very suite.  Shell blocks run under ``bash -e``; the Python blocks run in
order in one interpreter, as a reader would type them.
"""

import gzip
import json
import os
import re
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

BLOCK = re.compile(r"(?P<marker><!-- needs: [^>]*-->\n)?```(?P<lang>sh|python)\n(?P<code>.*?)```", re.S)
FR = "Le ministre est arrivé lundi à Sotchi pour des entretiens avec le président russe."


def blocks(lang):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(m.start(), m["code"]) for m in BLOCK.finditer(text) if m["lang"] == lang and not m["marker"]]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    d = tmp_path_factory.mktemp("readme")
    seed = (FIXTURES / "voa-kerry-sochi.txt").read_text(encoding="utf-8")
    paras = [p for p in seed.split("\n\n") if p.strip()]
    (d / "page.txt").write_text(seed, encoding="utf-8")
    (d / "broken.txt").write_bytes((FIXTURES / "voa-kerry-sochi.mojibake.txt").read_bytes())
    for sub, name, text in [
        ("dumps", "a.txt", seed),
        ("dumps", "b.txt", FR),
        ("dumps/drafts", "c.txt", FR),
        ("crawl/site", "one.txt", seed),
        ("crawl/site", "two.txt", "\n\n".join(paras[5:12])),
    ]:
        (d / sub).mkdir(parents=True, exist_ok=True)
        (d / sub / name).write_text(text, encoding="utf-8")
    records = [
        {"id": f"r{i}", "url": f"https://example.org/{i}", "text": "\n".join(paras[i : i + 4])} for i in range(0, 40, 4)
    ]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (d / "shards").mkdir()
    (d / "shards" / "part-0.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(d / "shards" / "part-1.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(lines.replace('"r', '"s'))
    for name in ("corpus.jsonl.gz", "dump.jsonl.gz"):
        with gzip.open(d / name, "wt", encoding="utf-8") as f:
            f.write(lines)
    page = "<nav><a href='/'>Home</a></nav><article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>"
    (d / "page.html").write_text(page, encoding="utf-8")
    _warcs(d, page, paras)
    return d


def _warcs(d, page, paras):
    """crawl.warc.gz (pages) and CC-MAIN-sample.warc.wet.gz (extracted text), written with warcio."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(d / "crawl.warc.gz", "wb") as f:
        w = WARCWriter(f, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://example.org/", "response", payload=io.BytesIO(page.encode()), http_headers=http
            )
        )
    with open(d / "CC-MAIN-sample.warc.wet.gz", "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(0, 12, 4):
            text = "\n".join(paras[i : i + 4]).encode()
            w.write_record(
                w.create_warc_record(
                    f"https://example.org/{i}", "conversion", payload=io.BytesIO(text), warc_content_type="text/plain"
                )
            )


def _env():
    # The console script lives beside the interpreter running the tests.
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def test_the_readme_has_runnable_examples():
    assert len(blocks("sh")) >= 3 and len(blocks("python")) >= 3


@pytest.mark.parametrize("offset,code", blocks("sh"), ids=lambda x: str(x) if isinstance(x, int) else "")
def test_shell_examples_run(sandbox, offset, code):
    r = subprocess.run(["bash", "-e", "-c", code], cwd=sandbox, capture_output=True, text=True, env=_env(), timeout=600)
    assert r.returncode == 0, f"README block at {offset}:\n{code}\nstderr:\n{r.stderr}"
    assert "Traceback" not in r.stderr


def test_python_examples_run(sandbox):
    program = "\n\n".join(code for _offset, code in blocks("python"))
    r = subprocess.run(
        [sys.executable, "-c", program], cwd=sandbox, capture_output=True, text=True, env=_env(), timeout=600
    )
    assert r.returncode == 0, f"{program}\nstderr:\n{r.stderr}"
