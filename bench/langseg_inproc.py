#!/usr/bin/env python3
"""The langseg scorer's metrics, computed in one process (fast, for tuning).

    python bench/langseg_inproc.py [--detector NAME] [--data DIR] [--details FILE]

Same metrics as ../shared/tools/score_langseg.py (its score_doc is imported), but the
pipeline runs in this process, so model loading is paid once: not a speed benchmark
(use bench/langseg.py for the table with docs/s).
"""

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from shared_paths import TOOLS  # noqa: E402

from cleaner.pipeline import Options, Pipeline  # noqa: E402
from cleaner.select import Selection  # noqa: E402

SCORER = TOOLS / "score_langseg.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_langseg", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--detector", default="langdetect")
    ap.add_argument("--data", type=Path, default=SCORER.parents[1] / "data" / "langseg-dev")
    ap.add_argument("--details", type=Path)
    a = ap.parse_args()
    sc = load_scorer()
    to1 = {v: k for k, v in json.loads((a.data / "langs.json").read_text()).items()}

    def norm(code):
        c = code.strip().lower().replace("_", "-").split("-")[0]
        return sc.ALIAS.get(to1.get(c, c), to1.get(c, c))

    pipe = Pipeline(Options(Selection.parse(None, True), a.detector))
    res = []
    t0 = time.time()
    det = a.details.open("w") if a.details else None
    for g in sorted(a.data.glob("*.gold.json")):
        txt = Path(str(g)[:-10] + ".txt")
        text = txt.read_text(encoding="utf-8")
        doc = pipe.process(txt.read_bytes(), doc=txt.name)
        segs = [(s.start, s.end, s.lang) for s in pipe.select(doc)]
        r = sc.score_doc(text, json.loads(g.read_text()), segs, norm)
        res.append(r)
        if det:
            det.write(json.dumps({"doc": g.name[:-10], "segs": segs, **r}, ensure_ascii=False) + "\n")
    wall = time.time() - t0
    chars = sum(r["chars"] for r in res)
    characc = sum(r["correct"] for r in res) / chars
    frags = [f for r in res for f in r["frags"]]
    runs = [x for r in res for x in r["runs"]]
    rec = sum(f[3] for f in frags) / len(frags)
    prec = sum(runs) / len(runs) if runs else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    mono = [r for r in res if not r["frags"]]
    alarm = sum(r["alarm"] for r in mono) / len(mono)
    by = {}
    for f in frags:
        by.setdefault(f[0], []).append(f[3])
        by.setdefault(f[1], []).append(f[3])
    print("recall: " + "  ".join(f"{k}={sum(v) / len(v):.3f}/{len(v)}" for k, v in sorted(by.items())))
    head = sum(r["head"][0] for r in res) / max(1, sum(r["head"][1] for r in res))
    print(
        f"fragP={prec:.3f} fragR={rec:.3f} runs={len(runs)} headacc={head:.3f} "
        f"alarms={[r['main'] for r in mono if r['alarm']]} in-process docs/s={len(res) / wall:.1f}"
    )
    print(f"characc={characc:.3f} fragF1={f1:.3f} falsealarm={alarm:.3f} docs={len(res)}")


if __name__ == "__main__":
    main()
