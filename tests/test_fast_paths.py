"""Fast paths must give exactly what the general code gives."""
import random
import string

from cleaner.scripts import _runs_by_loop, script_runs


def test_ascii_fast_path_of_script_runs_equals_general_path():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 40)))
        assert script_runs(text) == _general(text), repr(text)
    text = "  Breaking News: 12 dead  \n"
    assert script_runs(text, 2, 24) == _runs_by_loop(text, 2, 24)


def _general(text):
    return _runs_by_loop(text, 0, len(text))


def test_single_script_fast_path_equals_general_path():
    rng = random.Random(11)
    pools = ["abcé ", "жизнь ,.", "日本語のテキスト、", "한국어 텍스트", "ქართული ", "αβγ ", "12:-\u0301 ",
             "\u0915\u093f\u0924\u093e\u092c ", "שלום ", "漢字ひらがなカタカナ"]
    for _ in range(3000):
        parts = rng.sample(pools, rng.randint(1, 2))
        alphabet = "".join(parts)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        assert script_runs(text) == _general(text), repr(text)
