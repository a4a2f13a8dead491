"""Fast paths must give exactly what the general code gives."""
import random
import string

from cleaner.scripts import script_runs


def test_ascii_fast_path_of_script_runs_equals_general_path():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 40)))
        # A trailing EM SPACE (white space, not ASCII) forces the general path
        # and is stripped from every run, so the runs must be the same.
        general = text + "\u2003"
        assert script_runs(text) == script_runs(general, 0, len(general)), repr(text)
    text = "  Breaking News: 12 dead  \n"
    assert script_runs(text, 2, 24) == script_runs(text + "\u2003", 2, 24)
