"""cleaner on Ray gives what the local run gives (skipped when Ray is absent)."""

import json
import os

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from click.testing import CliRunner  # noqa: E402

from cleaner import Pipeline  # noqa: E402
from cleaner.cli import main  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    yield ray
    ray.shutdown()


def _records(seed_text):
    paras = [p for p in seed_text.split("\n\n") if p.strip()]
    recs = []
    for i in range(24):
        text = "\n\n".join(paras[(i * 3) % len(paras) : (i * 3) % len(paras) + 4])
        if i % 5 == 0:
            text += "\n\nდილა მშვიდობისა, როგორ ხარ დღეს?"
        if i % 7 == 0:
            text = "Accessibility links\n" + text.replace("’", "â€™")
        recs.append({"id": f"doc-{i}", "url": f"https://example.org/{i}", "n": i, "text": text})
    return recs


def _write_shards(root, recs):
    os.makedirs(root / "a", exist_ok=True)
    shards = [root / "part-0.jsonl", root / "a" / "part-1.jsonl", root / "a" / "part-2.jsonl.gz"]
    import gzip

    for k, path in enumerate(shards):
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs[k::3])
        if k == 1:
            lines += "{not json\n"
        if str(path).endswith(".gz"):
            with gzip.open(path, "wt", encoding="utf-8") as f:
                f.write(lines)
        else:
            path.write_text(lines, encoding="utf-8")


def _tree(root):
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = os.path.join(dirpath, name)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = f.read()
    return out


def test_engine_ray_output_equals_local_run(local_ray, tmp_path, seed_text):
    src = tmp_path / "in"
    _write_shards(src, _records(seed_text))

    def run(engine, out):
        r = CliRunner().invoke(
            main, ["clean", "--format", "docs", "--engine", engine, "--summary", "-j", "1", str(src), "-o", str(out)]
        )
        return r.exit_code, r.stderr.splitlines()

    local_code, local_err = run("local", tmp_path / "local")
    ray_code, ray_err = run("ray", tmp_path / "ray")
    local, remote = _tree(tmp_path / "local"), _tree(tmp_path / "ray")
    assert sorted(local) == ["a/part-1.jsonl", "a/part-2.jsonl.gz", "part-0.jsonl"]
    assert remote == local
    assert local_code == ray_code == 1
    assert local_err[0] == ray_err[0] and local_err[0].endswith(
        "part-1.jsonl:9: invalid JSON (Expecting property name enclosed in double quotes: column 2)"
    )
    # The summaries agree but for the time taken.
    assert [line.split(" MB in ")[0] for line in local_err[1:]] == [line.split(" MB in ")[0] for line in ray_err[1:]]
    assert local_err[1].startswith("cleaner: 24 docs") and local_err[1].endswith("1 failures")


def test_clean_dataset_matches_process_records(local_ray, seed_text):
    from cleaner.ray import clean_dataset

    recs = _records(seed_text)[:10]
    ds = ray.data.from_items(recs)
    got = sorted(clean_dataset(ds, batch_size=4, concurrency=2).take_all(), key=lambda r: r["n"])
    want = list(Pipeline().process_records(recs))
    assert [r["text"] for r in got] == [w["text"] for w in want]
    assert [r["lang"] for r in got] == [w["lang"] for w in want]
    assert [json.loads(r["langs"]) for r in got] == [w["langs"] for w in want]
    assert [r["url"] for r in got] == [w["url"] for w in want]
