"""Regenerate the expected outputs of the worked example in fixtures/.

    python tools/regen_fixtures.py          # rewrite them
    python tools/regen_fixtures.py --check  # exit 1 if any differs (what would change)

Run it after a change that is meant to change the output, then read the diff
(`git diff fixtures/`) before committing: tests/test_worked_example.py holds
the outputs to these files byte for byte, and its other tests hold what must
never change (46 segments, the Georgian caption once as ka, all else en).
"""

import argparse
import difflib
import os
import sys

from click.testing import CliRunner

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from cleaner.cli import main as cli  # noqa: E402

SEED = "voa-kerry-sochi.txt"
# expected file -> arguments of `cleaner clean` (run inside fixtures/, so documents are named by file name)
EXPECTED = {
    "voa-kerry-sochi.expected.jsonl": [SEED],
    "voa-kerry-sochi.keep.expected.tsv": ["--keep-boilerplate", "--format", "tsv", SEED],
    "voa-kerry-sochi.en.expected.txt": ["--format", "text", "--lang", "en", SEED],
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 on a difference")
    a = ap.parse_args()
    os.chdir(os.path.join(ROOT, "fixtures"))
    changed = 0
    for name, args in EXPECTED.items():
        r = CliRunner().invoke(cli, ["clean", *args])
        if r.exit_code != 0:
            print(f"{name}: cleaner clean {' '.join(args)} failed:\n{r.output}", file=sys.stderr)
            return 2
        old = open(name, encoding="utf-8").read() if os.path.exists(name) else ""
        if old == r.stdout:
            continue
        changed += 1
        if a.check:
            sys.stdout.writelines(
                difflib.unified_diff(old.splitlines(True), r.stdout.splitlines(True), name, name, n=0)
            )
        else:
            with open(name, "w", encoding="utf-8", newline="") as f:
                f.write(r.stdout)
            print(f"rewrote fixtures/{name}")
    return 1 if changed and a.check else 0


if __name__ == "__main__":
    sys.exit(main())
