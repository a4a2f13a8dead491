"""Score repair on test-case files in python-ftfy's JSON format.

    python bench/ftfy_cases.py                       # rates per file, tests/ftfy_cases/*.json
    python bench/ftfy_cases.py --failures            # and our failures
    python bench/ftfy_cases.py --json out.json PATH...   # per-case results, other case files

The case files are python-ftfy's own (tests/ftfy_cases/, Apache-2.0, see the
README there).  Each case has "original", "fixed", optionally
"fixed-encoding" and "expect" (pass/fail, ftfy's own expectation for itself).

What counts as right:
- ours and ftfy-safe (no quote uncurling, no width folding, no ligature
  expansion, no normalisation) are compared with "fixed-encoding" when the case
  has one, else with "fixed".  "fixed-encoding" is what ftfy.fix_encoding alone
  gives; when the safe settings still change it into "fixed" (an HTML entity
  or an ASCII control character that every repair here also handles), "fixed"
  is the target instead;
- ftfy-defaults is compared with "fixed" (what ftfy's own tests check).

Some "fixed" values assume a default fix that our repair deliberately never
makes on correct text (uncurling, width folding, ligatures, NFC); when our
output becomes "fixed" once those are applied to it, the failure is flagged
"differs only by a fix we do not make" and is not a decoding failure.
"""

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import ftfy  # noqa: E402

from cleaner.repair import repair  # noqa: E402

FILES = ["in-the-wild", "synthetic", "negative", "language-names", "known-failures"]
SAFE = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False, normalization=None
)
# What ftfy's defaults do beyond SAFE: only these could make "fixed" differ
# from what an encoding repair alone produces.
_BEYOND_SAFE = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=False,
    restore_byte_a0=False,
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=False,
    fix_c1_controls=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
)


def target(case) -> str:
    enc = case.get("fixed-encoding")
    if enc is None:
        return case["fixed"]
    if enc != case["fixed"] and ftfy.fix_text(enc, SAFE) == case["fixed"]:
        return case["fixed"]
    return enc


def default_only(case, ours: str) -> str:
    """Which default-only ftfy fix separates our output from "fixed", or ''."""
    fixed = case["fixed"]
    if ours == fixed or ftfy.fix_text(ours, _BEYOND_SAFE) != fixed:
        return ""
    names = []
    for name in ("uncurl_quotes", "fix_character_width", "fix_latin_ligatures"):
        if (
            ftfy.fix_text(
                ours,
                _BEYOND_SAFE._replace(
                    **{k: k == name for k in ("uncurl_quotes", "fix_character_width", "fix_latin_ligatures")},
                    normalization=None,
                ),
            )
            != ours
        ):
            names.append(name)
    if unicodedata.normalize("NFC", ours) != ours:
        names.append("nfc")
    return "+".join(names) or "default-only fix"


def run_file(path):
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)
    rows = []
    for c in cases:
        orig = c["original"]
        ours = repair(orig).text
        safe = ftfy.fix_text(orig, SAFE)
        dflt = ftfy.fix_text(orig)
        rows.append(
            {
                "label": c.get("label", ""),
                "expect": c.get("expect", "pass"),
                "original": orig,
                "target": target(c),
                "fixed": c["fixed"],
                "ours": ours,
                "ftfy_safe": safe,
                "ftfy_defaults": dflt,
                "ours_ok": ours == target(c),
                "safe_ok": safe == target(c),
                "defaults_ok": dflt == c["fixed"],
                "unchanged_expected": target(c) == orig,
                "default_only": default_only(c, ours),
            }
        )
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "paths", nargs="*", default=[os.path.join(ROOT, "tests", "ftfy_cases", f"{name}.json") for name in FILES]
    )
    ap.add_argument("--failures", action="store_true", help="list the cases our repair gets wrong")
    ap.add_argument("--json", help="write per-case results here")
    args = ap.parse_args(argv)

    print(f"{'file':24} {'cases':>5} {'ours':>7} {'ftfy-defaults':>14} {'ftfy-safe':>10}")
    totals = Counter()
    all_rows = {}
    for path in args.paths:
        rows = run_file(path)
        all_rows[path] = rows
        n = len(rows)
        o = sum(r["ours_ok"] for r in rows)
        d = sum(r["defaults_ok"] for r in rows)
        s = sum(r["safe_ok"] for r in rows)
        totals.update(n=n, o=o, d=d, s=s)
        print(f"{os.path.basename(path):24} {n:5d} {o / n:7.3f} {d / n:14.3f} {s / n:10.3f}")
    n = totals["n"]
    print(f"{'all':24} {n:5d} {totals['o'] / n:7.3f} {totals['d'] / n:14.3f} {totals['s'] / n:10.3f}")
    modulo = sum(1 for rows in all_rows.values() for r in rows if not r["ours_ok"] and r["default_only"])
    if modulo:
        print(f'(ours: {modulo} more differ from "fixed" only by a fix we never make, e.g. uncurling)')

    if args.failures:
        for path, rows in all_rows.items():
            bad = [r for r in rows if not r["ours_ok"]]
            if not bad:
                continue
            print(f"\n== {os.path.basename(path)}: {len(bad)} failures")
            for r in bad:
                tags = [f"expect={r['expect']}"]
                if r["unchanged_expected"]:
                    tags.append("NEGATIVE (changed correct text)")
                if r["default_only"]:
                    tags.append(f"differs only by a fix we do not make: {r['default_only']}")
                if r["safe_ok"]:
                    tags.append("ftfy-safe gets it")
                print(f"- {r['label']}  [{', '.join(tags)}]")
                print(f"    in:   {r['original']!r}")
                print(f"    want: {r['target']!r}")
                print(f"    got:  {r['ours']!r}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(all_rows, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
