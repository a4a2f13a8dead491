#!/usr/bin/env python3
"""Everything issue 14 asks about the langseg dev sets, in one process per detector.

    python bench/langseg_eval.py [--detectors langdetect,langid,fasttext] [--data DIR ...]
                                 [--per-language] [--details FILE]

For each data folder (default: ../shared/data/langseg-dev and langseg-cs-dev) and
detector, the scorer's metrics (../shared/tools/score_langseg.py's ``score_doc``:
characc, fragment F1, false alarms) on all documents and on the even- and
odd-numbered halves (tune on one, check on the other), plus

* ``utt``: recall of whole-utterance switches: lines whose every scored token is gold
  one language other than the document's main one, found when more than half of their
  characters get that language (the cs set's conversation lines);
* ``stay``: the share of lines wholly in the main language that stay in it;
* ``calls/line`` and ``calls/MB``: detector calls per non-blank line and per MB of
  UTF-8 text, counted by wrapping the detector as tests/test_identify.py does (answers
  remembered by the identify stage are not calls);
* in-process docs/s (model loading paid once: for speed across processes, with
  process start-up, use bench/langseg.py).

``--detectors line:fasttext`` (or ``line:langdetect``, ``line:langid``) scores the
careless per-line peer of bench/langseg_baselines.py the same way (its "calls" are
its lines).  ``--per-language`` adds characc per main language (all documents).
``--monolingual`` scores each document with its gold fragments cut out: every
document is then monolingual, so false alarms are measured on all of them (400 on
langseg-dev, not the 80 built monolingual), and the set is named ``NAME-mono``.  Not a timing
benchmark: the numbers that matter are the accuracy columns and the call counts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import langseg_inproc  # noqa: E402

from cleaner.pipeline import Options, Pipeline  # noqa: E402
from cleaner.select import Selection  # noqa: E402

SHARED = langseg_inproc.SCORER.parents[1] / "data"
DEFAULT_DATA = [SHARED / "langseg-dev", SHARED / "langseg-cs-dev"]


class Counting:
    """A detector that counts what it is asked (wraps the real one)."""

    def __init__(self, inner):
        self.inner, self.name, self.languages, self.settings = inner, inner.name, inner.languages, inner.settings
        self.calls = 0

    def detect(self, text, candidates=None):
        self.calls += 1
        return self.inner.detect(text, candidates)


def utterances(text: str, gold: dict, plab: list) -> tuple[list[bool], list[bool]]:
    """(found, per whole-utterance switch; kept, per line wholly in the main language)."""
    glab = [None] * len(text)
    for s, e, lang in gold["spans"]:
        glab[s:e] = [lang] * (e - s)
    switched, stayed = [], []
    pos = 0
    for line in text.split("\n"):
        idx = [i for i in range(pos, pos + len(line)) if not text[i].isspace() and glab[i] != "und"]
        pos += len(line) + 1
        langs = {glab[i] for i in idx}
        if len(langs) != 1:
            continue
        (lang,) = langs
        hit = sum(plab[i] == lang for i in idx) > len(idx) / 2
        (stayed if lang == gold["main"] else switched).append(hit)
    return switched, stayed


def summary(res: list[dict]) -> dict:
    chars = sum(r["chars"] for r in res)
    frags = [f for r in res for f in r["frags"]]
    runs = [x for r in res for x in r["runs"]]
    rec = sum(f[3] for f in frags) / max(1, len(frags))
    prec = sum(runs) / len(runs) if runs else 0.0
    mono = [r for r in res if not r["frags"]]
    utt = [x for r in res for x in r["utt"]]
    stay = [x for r in res for x in r["stay"]]
    return {
        "characc": sum(r["correct"] for r in res) / max(1, chars),
        "fragP": prec,
        "fragR": rec,
        "fragF1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "falsealarm": sum(r["alarm"] for r in mono) / max(1, len(mono)),
        "utt": sum(utt) / len(utt) if utt else float("nan"),
        "stay": sum(stay) / len(stay) if stay else float("nan"),
        "docs": len(res),
        "alarms": [r["doc"] for r in mono if r["alarm"]],
    }


def without_fragments(text: str, gold: dict) -> tuple[str, dict]:
    """The document with its gold foreign fragments cut out, and its gold: all
    of it in the main language.  Spaces left doubled by a cut become one.

    >>> without_fragments("Bonjour. Hello there. Salut.", {"main": "fr", "fragments": [{"start": 9, "end": 21}]})
    ('Bonjour. Salut.', {'main': 'fr', 'spans': [[0, 15, 'fr']], 'fragments': [], 'headings': []})
    """
    out, pos = [], 0
    for f in sorted(gold["fragments"], key=lambda f: f["start"]):
        out.append(text[pos : f["start"]])
        pos = f["end"]
    out.append(text[pos:])
    mono = re.sub(r" +\n", "\n", re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]{2,}", " ", "".join(out))))
    return mono, {"main": gold["main"], "spans": [[0, len(mono), gold["main"]]], "fragments": [], "headings": []}


def run(data: Path, detector: str, sc, details=None, monolingual: bool = False) -> tuple[list[dict], dict]:
    to1 = {v: k for k, v in json.loads((data / "langs.json").read_text()).items()}

    def norm(code):
        c = code.strip().lower().replace("_", "-").split("-")[0]
        return sc.ALIAS.get(to1.get(c, c), to1.get(c, c))

    peer = _peer(detector)
    if peer is None:
        pipe = Pipeline(Options(Selection.parse(None, True), detector))
        counting = Counting(pipe.detector)
        pipe.detector = counting
    else:
        counting = SimpleNamespace(calls=0)  # (the peer's calls: one per line)
    res, lines, nbytes = [], 0, 0
    t0 = time.perf_counter()
    for n, g in enumerate(sorted(data.glob("*.gold.json"))):
        txt = Path(str(g)[:-10] + ".txt")
        raw = txt.read_bytes()
        text = raw.decode("utf-8")
        gold = json.loads(g.read_text())
        if monolingual:
            text, gold = without_fragments(text, gold)
            raw = text.encode("utf-8")
        if peer is None:
            doc = pipe.process(raw, doc=txt.name)
            segs = [(s.start, s.end, s.lang) for s in pipe.select(doc)]
        else:
            segs = peer(text)
            counting.calls += len(segs)
        r = sc.score_doc(text, gold, segs, norm)
        plab = [None] * len(text)
        for s, e, lang in segs:
            plab[s:e] = [norm(lang)] * (e - s)
        r["utt"], r["stay"] = utterances(text, gold, plab)
        r["doc"], r["half"] = g.name[:-10], "even" if n % 2 == 0 else "odd"
        res.append(r)
        lines += sum(1 for line in text.splitlines() if line.strip())
        nbytes += len(raw)
        if details:
            name = data.name + ("-mono" if monolingual else "")
            details.write(json.dumps({"data": name, "detector": detector, "segs": segs, **r}) + "\n")
    wall = time.perf_counter() - t0
    return res, {
        "calls": counting.calls,
        "calls/line": counting.calls / max(1, lines),
        "calls/MB": counting.calls / (nbytes / 1e6),
        "docs/s": len(res) / wall,
    }


def _peer(detector: str):
    """For ``line:NAME`` (a careless peer: bench/langseg_baselines.py's detector
    NAME on every line), text -> its segments; None for cleaner's detectors."""
    if not detector.startswith("line:"):
        return None
    import langseg_baselines as baselines

    detect = getattr(baselines, f"{detector[5:]}_fn")()
    return lambda text: [(s["start"], s["end"], s["lang"]) for s in baselines.per_line(text, detect)]


def per_language(res: list[dict]) -> dict[str, tuple[float, int]]:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in res:
        per[r["main"]][0] += r["correct"]
        per[r["main"]][1] += r["chars"]
        per[r["main"]][2] += 1
    return {m: (c / max(1, t), k) for m, (c, t, k) in per.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--detectors", default="langdetect,langid,fasttext")
    ap.add_argument("--data", type=Path, action="append")
    ap.add_argument("--per-language", action="store_true")
    ap.add_argument("--details", type=Path, help="per-document results (JSONL)")
    ap.add_argument("--monolingual", action="store_true", help="cut the gold fragments out: false alarms on every doc")
    a = ap.parse_args()
    sc = langseg_inproc.load_scorer()
    details = a.details.open("w") if a.details else None
    cols = "characc | fragP | fragR | fragF1 | falsealarm | utt | stay | calls/line | calls/MB | docs/s"
    head = f"| set | detector | half | {cols} |"
    rows, langs = [], {}
    for data in a.data or DEFAULT_DATA:
        for det in a.detectors.split(","):
            res, speed = run(data, det, sc, details, a.monolingual)
            for half in ("all", "even", "odd"):
                s = summary([r for r in res if half in ("all", r["half"])])
                extra = (
                    f"{speed['calls/line']:.2f} | {speed['calls/MB']:.0f} | {speed['docs/s']:.1f}"
                    if half == "all"
                    else " | |"
                )
                name = data.name + ("-mono" if a.monolingual else "")
                rows.append(
                    f"| {name} | {det} | {half} | {s['characc']:.3f} | {s['fragP']:.3f} | {s['fragR']:.3f} "
                    f"| {s['fragF1']:.3f} | {s['falsealarm']:.3f} | {s['utt']:.3f} | {s['stay']:.3f} | {extra} |"
                )
                if half == "all":
                    print(rows[-1], f"alarms={s['alarms']}", file=sys.stderr, flush=True)
            langs[(data.name + ("-mono" if a.monolingual else ""), det)] = per_language(res)
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    print("\n".join(rows))
    if a.per_language:
        for (name, det), table in langs.items():
            print(f"\ncharacc by main language, {name}, {det} (worst first; documents):")
            print(
                "  ".join(f"{m}={v:.3f}/{k}" for m, (v, k) in sorted(table.items(), key=lambda kv: (kv[1][0], kv[0])))
            )


if __name__ == "__main__":
    main()
