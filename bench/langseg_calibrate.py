#!/usr/bin/env python3
"""Fit the score calibration of cleaner.identify on the langseg dev data.

    python bench/langseg_calibrate.py [--detectors langdetect,langid,fasttext] [--data DIR ...]

Runs the pipeline on every document of the dev sets (by default all 400 of langseg-dev
and the conversations of langseg-cs-dev), records each piece's (how, raw probability,
letters) and whether its language is right (most of its characters carry that gold
language), fits P(right) = sigmoid(a + b*logit(raw) + c*log1p(letters)) by logistic
regression per (detector, how), and prints each detector's ``calibration`` setting with
the expected calibration error (ECE) before and after.
"""

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import langseg_inproc  # noqa: E402

from cleaner.pipeline import Options, Pipeline  # noqa: E402
from cleaner.select import Selection  # noqa: E402

IDENT = sys.modules["cleaner.identify"]


def fit(X, y, iters=50, l2=1e-3):
    """Logistic regression by Newton's method (small, dense)."""
    X = np.column_stack([np.ones(len(X)), X])
    w = np.zeros(X.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-X @ w))
        g = X.T @ (p - y) + l2 * w
        H = (X * (p * (1 - p))[:, None]).T @ X + l2 * np.eye(len(w))
        w -= np.linalg.solve(H, g)
    return w


def ece(p, y, bins=10):
    p, y = np.asarray(p), np.asarray(y)
    total = 0.0
    for k in range(bins):
        m = (p >= k / bins) & (p < (k + 1) / bins) if k < bins - 1 else (p >= k / bins)
        if m.any():
            total += m.sum() * abs(p[m].mean() - y[m].mean())
    return total / len(p)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--detectors", default="langdetect,langid,fasttext")
    ap.add_argument(
        "--data",
        type=Path,
        action="append",
        help="gold folder (repeatable; default: langseg-dev and langseg-cs-dev beside the scorer)",
    )
    a = ap.parse_args()
    shared = langseg_inproc.SCORER.parents[1] / "data"
    sc = langseg_inproc.load_scorer()
    to1 = {}
    docs = []
    for data in a.data or [shared / "langseg-dev", shared / "langseg-cs-dev"]:
        to1.update({v: k for k, v in json.loads((data / "langs.json").read_text()).items()})
        for g in sorted(data.glob("*.gold.json")):
            t = Path(str(g)[:-10] + ".txt")
            docs.append((json.loads(g.read_text()), t.read_text(encoding="utf-8"), t.read_bytes()))

    def norm(code):
        c = code.strip().lower().split("-")[0]
        return sc.ALIAS.get(to1.get(c, c), to1.get(c, c))

    table = {}
    real, real_merge = IDENT.calibrate, IDENT._merge
    for det in a.detectors.split(","):
        rows = []
        pipe = Pipeline(Options(Selection.parse(None, True), det))
        for gold, text, raw in docs:
            glab = [None] * len(text)
            for s, e, lang in gold["spans"]:
                glab[s:e] = [lang] * (e - s)
            seen = []

            def record(settings, how, rawp, letters, _seen=seen):
                _seen.append((how, rawp, letters))
                return len(_seen) - 1 + 0.5  # unique placeholder: recovered below

            segs_pieces: list = []

            def grab(pieces, letters, _out=segs_pieces):
                _out.extend(pieces)
                return real_merge(pieces, letters)

            IDENT.calibrate, IDENT._merge = record, grab
            try:
                pipe.process(raw)
            finally:
                IDENT.calibrate, IDENT._merge = real, real_merge
            for p in segs_pieces:
                k = int(p.score)
                if not 0 <= k < len(seen) or p.how == "none":
                    continue
                how, rawp, letters = seen[k]
                idx = [i for i in range(p.start, p.end) if not text[i].isspace() and glab[i] != "und"]
                if not idx:
                    continue
                ok = sum(glab[i] == norm(p.lang) for i in idx) > len(idx) / 2
                rows.append((how, rawp, letters, ok))
        for how in sorted({r[0] for r in rows}):
            sub = [r for r in rows if r[0] == how]
            y = np.array([r[3] for r in sub], float)
            x = np.array([[math.log(max(r[1], 1e-6) / max(1 - r[1], 1e-6)), math.log1p(r[2])] for r in sub])
            w = fit(x, y)
            pred = 1 / (1 + np.exp(-(w[0] + x @ w[1:])))
            before = ece([r[1] for r in sub], y)
            print(
                f"{det:10} {how:9} n={len(sub):5} right={y.mean():.3f} ECE raw={before:.3f} "
                f"calibrated={ece(pred, y):.3f}",
                file=sys.stderr,
            )
            table[(det, how)] = tuple(round(float(v), 3) for v in w)
    # Each detector's class holds its own coefficients (cleaner/detectors/*.py).
    for det in a.detectors.split(","):
        coefs = ", ".join(f"{how!r}: {v!r}" for (d, how), v in table.items() if d == det)
        print(f"{det}: calibration={{{coefs}}}")


if __name__ == "__main__":
    main()
