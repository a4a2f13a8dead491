"""langdetect's language profiles, read once per process, each row built on first use.

langdetect's own loader turns its 55 profiles into a list of 55 probabilities
for every one of its 87,598 n-grams before the first answer: about 0.6 s per
process, paid again by every other user of the profiles (:mod:`cleaner.plausibility`
loaded them a second time).  A run asks about a few thousand n-grams.  Here the
profiles are read as they are (JSON, parsed in C) and shared; the map holds every
n-gram from the start, so membership tests stay plain dict lookups, and an
n-gram's row is computed the first time it is read, from the same numbers by
langdetect's own arithmetic: every detector answer and every score is what it
was with langdetect's loader (tests/test_langdetect_engine.py compares all rows).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from itertools import chain


class ProbMap(dict):
    """n-gram -> list of per-language probabilities, as langdetect's
    ``DetectorFactory.word_lang_prob_map``; rows are built when first read.

    Only reading is supported (``[]``, ``get``, ``in``, iteration over keys).
    """

    __slots__ = ("_profiles", "_size")

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], size: int):
        # Keys in langdetect's order: first seen, profile by profile.
        super().__init__(dict.fromkeys(chain.from_iterable(freq for freq, _n in profiles)))
        self._profiles = profiles
        self._size = size

    def __getitem__(self, gram: str) -> list[float]:
        row = dict.__getitem__(self, gram)
        if row is None:
            row = [0.0] * self._size
            length = len(gram)
            for i, (freq, n_words) in enumerate(self._profiles):
                # (taken out of the profile: a row is built once, and a long run
                # that builds most rows then holds little more than langdetect would)
                count = freq.pop(gram, None)
                if count is not None and 1 <= length <= 3:
                    # langdetect's DetectorFactory.add_profile, operation for operation.
                    row[i] = 1.0 * count / n_words[length - 1]
            dict.__setitem__(self, gram, row)
        return row

    def get(self, gram: str, default=None):
        return self[gram] if gram in self else default


@lru_cache(maxsize=1)
def langdetect_profiles() -> tuple[ProbMap, tuple[str, ...]]:
    """(n-gram probability map, language codes in profile order), as langdetect's
    ``DetectorFactory.load_profile(PROFILES_DIRECTORY)`` would make them.

    >>> probs, langs = langdetect_profiles()
    >>> row = probs["the"]
    >>> len(langs), langs[row.index(max(row))], "zzq" in probs
    (55, 'en', False)
    """
    from langdetect.detector_factory import PROFILES_DIRECTORY

    # The same files in the same order (os.listdir's) as langdetect, so that the
    # language indices, and with them every random draw's effect, are the same.
    names = os.listdir(PROFILES_DIRECTORY)
    profiles, langs = [], []
    for name in names:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        langs.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    return ProbMap(profiles, len(names)), tuple(langs)
