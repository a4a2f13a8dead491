"""Coverage-guided fuzzing of decode → repair → split → classify → identify.

    pip install atheris
    python tests/fuzz/fuzz_pipeline.py -max_total_time=600 [corpus_dir]

Any exception other than DecodeError/TooLong is a bug, and so is a broken
invariant: segments that do not index the repaired text, overlap, leave a
non-space character uncovered, or change between two runs.
"""

import sys

import atheris

with atheris.instrument_imports():
    from cleaner import Options, Pipeline, Selection
    from cleaner.decode import DecodeError
    from cleaner.pipeline import TooLong

PIPE = Pipeline(Options(Selection(keep_boilerplate=True), max_doc_chars=100_000))


def check(data: bytes) -> None:
    try:
        doc = PIPE.process(data)
    except (DecodeError, TooLong):
        return
    segs = PIPE.select(doc)
    for a, b in zip(segs, segs[1:]):
        assert a.end <= b.start, (a, b)
    for s in segs:
        assert 0 <= s.start < s.end <= len(doc.text) and doc.text[s.start : s.end] == s.text, s
    covered = "".join(s.text for s in segs)
    assert "".join(covered.split()) == "".join(doc.text.split())
    again = PIPE.process(data)
    assert [s.to_dict() for s in again.segments] == [s.to_dict() for s in doc.segments]
    doc.text.encode("utf-8")  # always writable


def main() -> None:
    atheris.Setup(sys.argv, lambda data: check(data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
