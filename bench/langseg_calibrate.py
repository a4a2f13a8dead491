#!/usr/bin/env python3
"""Fit the score calibration of cleaner.identify on the langseg dev data.

    python bench/langseg_calibrate.py [--detectors langdetect,langid,fasttext] [--data DIR ...]
                                      [--save-rows FILE | --load-rows FILE]

Runs the pipeline on every document of the dev sets (by default all 400 of langseg-dev
and the 110 conversations of langseg-cs-dev), records each piece's (how, raw
probability, letters) and whether its language is right (most of its characters carry
that gold language), fits P(right) = sigmoid(a + b*logit(raw) + c*log1p(letters)) by
logistic regression per (detector, how) on all of them, and prints each detector's
``calibration`` setting (to paste into its class in cleaner/detectors/).

On stderr, a table of the expected calibration error (ECE, 10 equal bins, over pieces)
per detector and set: of the raw probabilities, of the coefficients the detector ships
now, and of the refit; ``held-out`` rows fit on the even-numbered documents of every
set and score the odd ones, and the other way round (documents numbered in name order
within each set, as bench/langseg_eval.py numbers its halves).

``langdetect`` is whichever engine cleaner picks (the Rust port ``langdetect_rs`` when
installed); run with CLEANER_LANGDETECT_ENGINE=python to fit the pure-Python engine
(same probabilities, so the same coefficients).  ``--save-rows`` keeps the recorded
pieces (JSON) and ``--load-rows`` fits from them without running the pipeline.
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
    p, y = np.asarray(p, float), np.asarray(y, float)
    if not len(p):
        return float("nan")
    total = 0.0
    for k in range(bins):
        m = (p >= k / bins) & (p < (k + 1) / bins) if k < bins - 1 else (p >= k / bins)
        if m.any():
            total += m.sum() * abs(p[m].mean() - y[m].mean())
    return total / len(p)


def features(rows):
    return np.array([[math.log(max(r["raw"], 1e-6) / max(1 - r["raw"], 1e-6)), math.log1p(r["letters"])] for r in rows])


# What a detector's coefficients are for: labels from its answer, or kept in the main
# language against it (``script`` and ``embedded`` labels carry fixed scores).
FITTED = ("detector", "kept")


def fit_rows(rows):
    """(how -> coefficients) fitted on ``rows``."""
    out = {}
    for how in FITTED:
        sub = [r for r in rows if r["how"] == how]
        out[how] = tuple(round(float(v), 3) for v in fit(features(sub), np.array([r["ok"] for r in sub], float)))
    return out


def predict(coefs, rows):
    """Calibrated probabilities of ``rows`` under ``coefs`` (raw where a how has none),
    as :meth:`cleaner.detectors.base.Settings.calibrated` computes them."""
    out = []
    for r, (x, lg) in zip(rows, features(rows)):
        c = coefs.get(r["how"])
        out.append(r["raw"] if c is None else 1 / (1 + math.exp(-(c[0] + c[1] * x + c[2] * lg))))
    return out


def collect(det, docs, norm):
    """Each decided piece of every document: set, number, how, raw, letters, ok."""
    rows = []
    real, real_merge = IDENT.calibrate, IDENT._merge
    pipe = Pipeline(Options(Selection.parse(None, True), det))
    for name, n, gold, text, raw in docs:
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
            rows.append({"set": name, "n": n, "how": how, "raw": rawp, "letters": letters, "ok": ok})
    return rows


def _line(det, where, scored, rows, shipped, refit):
    y = [r["ok"] for r in rows]
    eces = (ece([r["raw"] for r in rows], y), ece(predict(shipped, rows), y), ece(predict(refit, rows), y))
    return (
        f"| {det} | {where} | {scored} | {len(rows)} | {np.mean(y):.3f} | "
        + " | ".join(f"{e:.3f}" for e in eces)
        + " |"
    )


def report(det, rows, shipped, final):
    """ECE lines (markdown) for one detector: per set, in-sample and held-out halves."""
    out = []
    halves = {h: fit_rows([r for r in rows if r["n"] % 2 == h]) for h in (0, 1)}
    for s in sorted({r["set"] for r in rows}) + ["all"]:
        mine = [r for r in rows if s in ("all", r["set"])]
        out.append(_line(det, s, "all (refit on all)", mine, shipped, final))
        for h, label in ((0, "even (refit on odd)"), (1, "odd (refit on even)")):
            out.append(_line(det, s, label, [r for r in mine if r["n"] % 2 == h], shipped, halves[1 - h]))
    for how in FITTED:
        mine = [r for r in rows if r["how"] == how]
        out.append(_line(det, f"all, {how} only", "all (refit on all)", mine, shipped, final))
        for h, label in ((0, "even (refit on odd)"), (1, "odd (refit on even)")):
            test = [r for r in mine if r["n"] % 2 == h]
            out.append(_line(det, f"all, {how} only", label, test, shipped, halves[1 - h]))
    return out


HEAD = (
    "| detector | set | scored on | pieces | right | ECE raw | ECE shipped | ECE refit |\n"
    "|---|---|---|---:|---:|---:|---:|---:|"
)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--detectors", default="langdetect,langid,fasttext")
    ap.add_argument(
        "--data",
        type=Path,
        action="append",
        help="gold folder (repeatable; default: langseg-dev and langseg-cs-dev beside the scorer)",
    )
    ap.add_argument("--save-rows", type=Path, help="write the recorded pieces here (JSON)")
    ap.add_argument("--load-rows", type=Path, help="fit from pieces recorded by --save-rows")
    a = ap.parse_args()
    dets = a.detectors.split(",")
    if a.load_rows:
        by_det = json.loads(a.load_rows.read_text())
    else:
        shared = langseg_inproc.SCORER.parents[1] / "data"
        sc = langseg_inproc.load_scorer()
        to1 = {}
        docs = []
        for data in a.data or [shared / "langseg-dev", shared / "langseg-cs-dev"]:
            to1.update({v: k for k, v in json.loads((data / "langs.json").read_text()).items()})
            for n, g in enumerate(sorted(data.glob("*.gold.json"))):
                t = Path(str(g)[:-10] + ".txt")
                docs.append((data.name, n, json.loads(g.read_text()), t.read_text(encoding="utf-8"), t.read_bytes()))

        def norm(code):
            c = code.strip().lower().split("-")[0]
            return sc.ALIAS.get(to1.get(c, c), to1.get(c, c))

        by_det = {}
        for det in dets:
            by_det[det] = collect(det, docs, norm)
            print(f"{det}: {len(by_det[det])} pieces", file=sys.stderr, flush=True)
        if a.save_rows:
            a.save_rows.write_text(json.dumps(by_det))
    print(HEAD, file=sys.stderr)
    table = {}
    for det in dets:
        fixed = {"script": IDENT.SCRIPT_SCORE, "embedded": IDENT.EMBEDDED_SCORE}
        for how, score in fixed.items():
            sub = [r["ok"] for r in by_det[det] if r["how"] == how]
            if sub:
                print(
                    f"  ({det}: {len(sub)} pieces by {how}, right {np.mean(sub):.3f}, fixed score {score})",
                    file=sys.stderr,
                )
        rows = [r for r in by_det[det] if r["how"] in FITTED]
        table[det] = final = fit_rows(rows)
        shipped = dict(_settings(det).calibration)
        print("\n".join(report(det, rows, shipped, final)), file=sys.stderr)
    # Each detector's class holds its own coefficients (cleaner/detectors/*.py).
    for det in dets:
        coefs = ", ".join(f"{how!r}: {v!r}" for how, v in table[det].items())
        print(f"{det}: calibration={{{coefs}}}")


def _settings(det):
    """The settings ``det``'s class ships (read from the class: no model loaded)."""
    from cleaner.detectors import FasttextDetector, LangdetectDetector, LangidDetector

    return {"langdetect": LangdetectDetector, "langid": LangidDetector, "fasttext": FasttextDetector}[det].settings


if __name__ == "__main__":
    main()
