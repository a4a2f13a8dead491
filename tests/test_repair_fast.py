"""repair's shortcut (skip ftfy on lines it would leave alone) changes nothing."""
import ftfy

from cleaner.repair import _CONFIG, _SUSPECT, repair

LINES = [
    "café, naïve, Ångström — “quoted” ‘text’ – dash…", "doesnâ€™t", "Ã©tÃ© Ã  Paris", "voilÃ le travail",
    "sÃ³", "caf\u00e9 &amp; bar", "AT&T", "\x1b[31mred\x1b[0m", "a\u2028b", "\ufeffbom", "x\x85y", "\x80\x81",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "Привет, как дела?", "Γειά σου κόσμε", "Â£5 and Â©2019", "× ² ³", "ØªØ³Øª",
    "Straße № 5 ½ °C", "\u206aformat", "😀 emoji ok", "tab\there", "à²¸", "вЂ™", "β€™",
]


def test_lines_skipped_are_exactly_those_ftfy_leaves_alone(seed_text):
    for line in LINES + seed_text.split("\n"):
        if not _SUSPECT.search(line):  # never shown to ftfy, shortcut or not
            continue
        fixed, steps = ftfy.fix_and_explain(line, _CONFIG)
        got = repair(line)
        assert got.text == fixed.replace("\ud800", "\ufffd") or "\ud800" in line, line
        assert bool(got.fixes) == bool(steps), line
