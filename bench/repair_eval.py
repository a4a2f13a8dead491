"""Score decode+repair functions on the repair corpus, per accident type.

    python bench/repair_eval.py                 # all systems, exact-match table
    python bench/repair_eval.py --only ours     # just cleaner's decode+repair
    python bench/repair_eval.py --failures ours # print the cases a system gets wrong
    python bench/repair_eval.py --detectors     # charset-normalizer vs chardet alone

A case is right only when the output text equals the expected text exactly.
Baselines are the best combinations of existing tools we could put together:
ftfy alone (ftfy.guess_bytes + fix_text defaults), and a charset detector
(charset-normalizer or chardet) for undecodable bytes followed by ftfy, with
ftfy's defaults or with the safe settings (no uncurling, no width folding, no
ligature expansion, no normalisation).  Times are ratios to the ftfy baseline
measured in the same run (the machine is shared; absolute times mean little).
"""

import argparse
import base64
import json
import os
import sys
import time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests", "repair_corpus"))

import ftfy  # noqa: E402

SAFE = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False, normalization=None
)


def load_cases(path=None):
    if path:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        for r in rows:
            yield (
                r["id"],
                r["accident"],
                r.get("lang", "?"),
                base64.b64decode(r["input"]) if "input" in r else r["original"].encode("utf-8"),
                r["expected"],
            )
        return
    import make_corpus

    for cid, accident, lang, _enc, raw, expected in make_corpus.cases():
        yield cid, accident, lang, raw, expected


def utf8_or(detect):
    """Strict UTF-8 first, the detector only for bytes that are not UTF-8."""

    def dec(raw):
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return detect(raw)

    return dec


def cn_decode(raw):
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("utf-8", "replace")


def chardet_decode(raw):
    import chardet

    enc = chardet.detect(raw)["encoding"] or "utf-8"
    try:
        return raw.decode(enc, "replace")
    except LookupError:
        return raw.decode("utf-8", "replace")


def ftfy_alone(raw):
    try:
        text, _ = ftfy.guess_bytes(raw)
    except UnicodeError:
        text = raw.decode("utf-8", "replace")
    return ftfy.fix_text(text)


def ours(raw):
    from cleaner.decode import decode
    from cleaner.repair import repair

    return repair(decode(raw).text).text


SYSTEMS = {
    "ftfy": ftfy_alone,
    "cn+ftfy": lambda raw: ftfy.fix_text(cn_decode(raw)),
    "chardet+ftfy": lambda raw: ftfy.fix_text(chardet_decode(raw)),
    "u8+cn+safe": lambda raw: ftfy.fix_text(utf8_or(cn_decode)(raw), SAFE),
    "u8+chardet+safe": lambda raw: ftfy.fix_text(utf8_or(chardet_decode)(raw), SAFE),
    "ours": ours,
}


def run(system, cases):
    fn = SYSTEMS[system]
    right, total, fails = defaultdict(int), defaultdict(int), []
    t0 = time.perf_counter()
    for cid, accident, _lang, raw, expected in cases:
        try:
            got = fn(raw)
        except Exception as e:  # noqa: BLE001 (a crash is a wrong answer, not a stopped benchmark)
            got = f"<{type(e).__name__}: {e}>"
        total[accident] += 1
        if got == expected:
            right[accident] += 1
        else:
            fails.append((cid, raw, expected, got))
    return right, total, fails, time.perf_counter() - t0


def table(results, systems):
    accidents = sorted(next(iter(results.values()))[1])
    head = f"| {'accident':24s} | {'n':>4s} | " + " | ".join(f"{s:>12s}" for s in systems) + " |"
    print(head)
    print("|" + "-" * 26 + "|" + "-" * 6 + "|" + "|".join("-" * 14 for _ in systems) + "|")
    for acc in accidents + ["ALL"]:
        n = sum(results[systems[0]][1].values()) if acc == "ALL" else results[systems[0]][1][acc]
        cells = []
        for s in systems:
            right = results[s][0]
            r = sum(right.values()) if acc == "ALL" else right[acc]
            cells.append(f"{r / n:12.3f}")
        print(f"| {acc:24s} | {n:4d} | " + " | ".join(cells) + " |")
    base = results[systems[0]][3]
    print("\ntime (ratio to " + systems[0] + "): " + ", ".join(f"{s} {results[s][3] / base:.2f}" for s in systems))


def detectors(cases):
    """Decode-only accuracy: the two detectors' first choice, and cleaner.decode
    (BOM, NULs, UTF-8 per line, then cleaner.charset's plausibility vote)."""
    import chardet

    from cleaner.decode import decode as cleaner_decode

    rows = defaultdict(lambda: [0, 0, 0, 0.0, 0.0, 0, 0.0])
    for _cid, accident, _lang, raw, expected in cases:
        if accident not in ("legacy_codepage", "mixed_lines", "utf16_nobom", "utf32", "clean"):
            continue
        exp = expected.replace("\r\n", "\n")
        t0 = time.perf_counter()
        a = cn_decode(raw)
        t1 = time.perf_counter()
        b = raw.decode(chardet.detect(raw)["encoding"] or "utf-8", "replace")
        t2 = time.perf_counter()
        try:
            c = cleaner_decode(raw).text
        except Exception:  # noqa: BLE001 (an undecodable case scores nothing)
            c = ""
        t3 = time.perf_counter()
        row = rows[accident]
        row[0] += 1
        row[1] += a == exp
        row[2] += b == exp
        row[3] += t1 - t0
        row[4] += t2 - t1
        row[5] += c == exp
        row[6] += t3 - t2
    print(f"| {'bytes':16s} | {'n':>4s} | charset-normalizer | chardet | cleaner vote |")
    print("|" + "-" * 18 + "|" + "-" * 6 + "|" + "-" * 20 + "|" + "-" * 9 + "|" + "-" * 14 + "|")
    tot = [0, 0, 0, 0.0, 0.0, 0, 0.0]
    for acc in sorted(rows):
        r = rows[acc]
        tot = [x + y for x, y in zip(tot, r)]
        print(f"| {acc:16s} | {r[0]:4d} | {r[1] / r[0]:18.3f} | {r[2] / r[0]:7.3f} | {r[5] / r[0]:12.3f} |")
    print(f"| {'ALL':16s} | {tot[0]:4d} | {tot[1] / tot[0]:18.3f} | {tot[2] / tot[0]:7.3f} | {tot[5] / tot[0]:12.3f} |")
    print(f"time ratios to charset-normalizer: chardet {tot[4] / tot[3]:.2f}, cleaner vote {tot[6] / tot[3]:.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", action="append", choices=sorted(SYSTEMS))
    ap.add_argument("--cases", help="a JSONL file of cases instead of the generated corpus")
    ap.add_argument("--failures", choices=sorted(SYSTEMS))
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--detectors", action="store_true")
    args = ap.parse_args()
    cases = list(load_cases(args.cases))
    if args.detectors:
        detectors(cases)
        return
    if args.failures:
        _, _, fails, _ = run(args.failures, cases)
        for cid, raw, expected, got in fails[: args.limit]:
            print(f"== {cid}\n  in : {raw[:160]!r}\n  exp: {expected[:160]!r}\n  got: {got[:160]!r}")
        print(f"{len(fails)} failures")
        return
    systems = args.only or list(SYSTEMS)
    if "ours" in systems:
        try:
            ours(b"x")
        except ImportError:
            systems.remove("ours")
    results = {s: run(s, cases) for s in systems}
    table(results, systems)


if __name__ == "__main__":
    main()
