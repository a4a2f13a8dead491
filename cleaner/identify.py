"""Language identification: a language, score and script for each segment.

1. Script first: each line is cut where the Unicode script changes.  Where the
   script names the language (Georgian, Greek, Hangul, kana…) no detector is
   asked; where it only narrows the choice (Latin, Cyrillic, Arabic,
   Devanagari) the detector is restricted to the languages written in it, and
   spelling rules (:mod:`cleaner.markers`) name the ones it does not know.
2. Every run is detected as a whole and, when it holds several sentences,
   sentence by sentence; quoted phrases long enough to decide are asked too.
3. The document's main language (by letters) is the prior: a piece in the
   main script switches away from it only on strong evidence, which grows with
   the length of the piece; so a monolingual document is not scattered over
   random languages, while a foreign paragraph, caption, sentence or quotation
   becomes its own segment.
4. Adjacent pieces of one language and script in a line make one segment.
   ``und`` is for pieces without letters, and for text the detector cannot
   place (a language it does not know).
"""
from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .detectors import Detector, make_detector
from .markers import RIVALS, excluded, folded_words, letter_language, marker_language, word_hits, words
from .records import CONTENT, HEADING, Block, Segment
from .scripts import COMMON, SCRIPT_CANDIDATES, count_letters, script_language, script_runs
from .sentences import quotes, sentences
from .split import split_blocks
from .stopwords import stopword_hits

UND = "und"
SCRIPT_SCORE = 0.99
# Fewer letters than this are not worth asking a detector about at all.
MIN_DETECT_LETTERS = 3
# The detector sees at most this many characters of a piece (three windows:
# start, middle, end): accuracy saturates long before, and the cost would not.
DETECT_SAMPLE = 3000

# Evidence a piece in the main script needs to leave the main language, by kind
# of piece: (minimum letters, minimum probability of its own language, maximum
# probability left for the main language).
# langdetect is sure of itself on a few words, so it must be very sure; py3langid's
# and fastText's probabilities spread over relatives (Indonesian 0.6, Malay 0.4)
# while leaving next to nothing for a language the text is not in, so for them
# what counts is how little is left for the main language.
SWITCH_BY_DETECTOR = {
    "langdetect": {
        "line": (16, 0.90, 0.10),      # a whole line: paragraph or caption
        "sentence": (20, 0.95, 0.05),  # a sentence inside a line
        "quote": (15, 0.95, 0.05),     # a quoted phrase inside a sentence
    },
    "langid": {
        "line": (12, 0.30, 0.01),
        "sentence": (20, 0.30, 0.01),
        "quote": (10, 0.30, 0.01),
        "related": 1,
    },
    "fasttext": {
        "line": (12, 0.30, 0.02),
        "sentence": (20, 0.30, 0.02),
        "quote": (10, 0.30, 0.02),
        "related": 2,
    },
}
SWITCH = SWITCH_BY_DETECTOR["langdetect"]
# (letters, probability): a piece this long whose best language gets less is "und".
UNSURE = {"langdetect": (40, 0.75)}
# Characters of a document's main-language text asked about as a whole.
DOC_SAMPLE = 20000
# Each half of a long piece that leaves its main language must give the piece's
# language at least this much.
HALF_SUPPORT = 0.10
# Share of a document's words from one frequent-word list that names its language.
DOC_WORD_SHARE = 0.15
# Below this many letters a switch from the main language is checked by asking the
# detector to choose between just the two.
PAIR_CHECK_BELOW = 40
# Between close relatives a detector's answer on little text is a coin toss:
# a switch needs this many times the letters.
RELATED_FACTOR = 4
_RELATED = [{"cs", "sk"}, {"hr", "bs", "sr", "sl"}, {"da", "no", "sv"}, {"id", "ms"},
            {"es", "ca", "pt", "gl"}, {"ru", "uk", "be", "bg", "mk", "sr"}, {"fa", "ur", "ar"},
            {"hi", "mr", "ne"}, {"af", "nl"}, {"tr", "az"}, {"et", "fi"}]
RELATED = {(a, b) for g in _RELATED for a in g for b in g if a != b}
# Another script inside a line with fewer letters than this, unquoted, is a
# name or a brand in running text, not a switch of language.
MIN_FOREIGN_RUN = 15
_QUOTE_OPEN = "«»„“”‘’‹›\"「『"
# Code-switching inside a sentence ("I was going to the store, pero luego me di
# cuenta de que no tenía dinero."): a clause between commas, semicolons, colons
# or dashes moves to another language when it is long enough, the detector is
# sure (as for a sentence) and its function words are that language's, not the
# sentence's.  Function words are what a few words of a language cannot fake,
# and checking them first keeps the detector off ordinary clauses.
CLAUSE_LETTERS = 20
CLAUSE_WORDS = 4
CLAUSE_STOPS = 2
# Share of a sentence's letters its foreign clauses need when nothing long in
# the sentence is left in its own language: then the sentence is foreign.
WHOLE_SENTENCE = 0.75
# "Interviewer: Et votre famille…", "Speaker B: Sí, vamos": the speaker of a
# transcript line is a name, no evidence of the language that follows it.
_SPEAKER = re.compile(r"[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,2}: +(?=\S)")
_CLAUSE_END = re.compile(r"[,;:]\s+|\s+[—–-]\s+")


@dataclass
class Label:
    """What the detector (or the script) says about one piece of text."""

    lang: str
    prob: float
    ranked: list[tuple[str, float]] = field(default_factory=list)

    def p(self, lang: str) -> float:
        return dict(self.ranked).get(lang, 1.0 if lang == self.lang else 0.0)


@dataclass
class _Piece:
    start: int
    end: int
    script: str
    letters: int
    label: Label
    lang: str = UND
    score: float = 0.0
    how: str = "none"  # what decided the language: script, detector, kept (main by smoothing), embedded


@dataclass
class _Run:
    block: int
    start: int
    end: int
    script: str
    letters: int
    whole_line: bool
    quoted: bool
    sents: list[_Piece] = field(default_factory=list)
    # The run's own label is asked for only when needed: a paragraph whose
    # sentences all read as the main language needs no detector call of its own.
    known: Label | None = None
    ask: Callable[[], Label] | None = None
    renames: list[tuple[str, str]] = field(default_factory=list)  # made before it was asked

    @property
    def label(self) -> Label:
        if self.known is None:
            label = self.ask() if self.ask else Label(UND, 0.0)
            for old, new in self.renames:
                label = _renamed(label, old, new)
            self.known = label
        return self.known


def _renamed(label: Label, old: str, new: str) -> Label:
    """``label`` with language ``old`` called ``new`` (a closer relative named later)."""
    if label.lang != old:
        return label
    return Label(new, label.prob, [(new if c == old else c, q) for c, q in label.ranked])


def _rename(runs: list[_Run], old: str, new: str) -> None:
    for r in runs:
        for p in r.sents:
            p.label = _renamed(p.label, old, new)
        if r.known is None:
            r.renames.append((old, new))
        else:
            r.known = _renamed(r.known, old, new)


def default_detector() -> Detector:
    """The default detector: seeded langdetect (its Rust port when installed)."""
    return make_detector("langdetect")


class Labeller:
    """Asks one detector about pieces of text, within the candidates of their script."""

    def __init__(self, detector: Detector):
        self.detector = detector
        self.switch = SWITCH_BY_DETECTOR.get(detector.name, SWITCH)
        self._cands: dict[str, frozenset[str] | None] = {}
        self._labels: dict[tuple[str, str], Label] = {}

    def candidates(self, script: str) -> frozenset[str] | None:
        if script not in self._cands:
            allowed = SCRIPT_CANDIDATES.get(script)
            self._cands[script] = None if allowed is None else allowed & self.detector.languages
        return self._cands[script]

    def label(self, piece: str, script: str) -> Label:
        """The language of ``piece``, written in ``script`` (answers are shared:
        callers replace a label, never change it)."""
        if len(piece) > LABEL_CACHE_CHARS:
            return self._label(piece, script)
        key = (piece, script)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self._label(piece, script)
            if len(self._labels) > LABEL_CACHE:
                del self._labels[next(iter(self._labels))]  # the oldest: bounded memory
        return found

    def _label(self, piece: str, script: str) -> Label:
        named = script_language(script)
        if named:
            return Label(named, SCRIPT_SCORE)
        if script == COMMON or count_letters(piece) < MIN_DETECT_LETTERS:
            return Label(UND, 0.0)
        piece = _sample(piece)
        cands = self.candidates(script)
        allowed = SCRIPT_CANDIDATES.get(script, frozenset())
        if cands:
            narrowed = cands - excluded(piece, cands)
            if not narrowed and not (allowed - self.detector.languages) - excluded(piece, allowed):
                # Letters that no candidate writes (Maltese ħ, Esperanto ĝ): a language
                # nobody here knows, and "und" rather than a confident wrong guess.
                return Label(UND, 0.0)
            cands = narrowed or cands
        ranked = self.detector.detect(piece, cands)
        if not ranked:
            return Label(UND, 0.0)
        marked = marker_language(piece, allowed, self.detector.languages, ranked[0][0])
        if marked is not None:
            return Label(marked, 0.99, [(marked, 0.99)])
        unsure = UNSURE.get(self.detector.name)
        if unsure and ranked[0][1] < unsure[1] and count_letters(piece) >= unsure[0]:
            # langdetect's probability is the share of its random trials that agree:
            # on a full sentence they disagree for text in a language it lacks.
            return Label(UND, 0.0, ranked)
        return Label(ranked[0][0], ranked[0][1], ranked)


# Repeated lines (site furniture kept with --keep-boilerplate, captions, quotes,
# datelines) recur across a run; their labels are remembered, first in first out.
LABEL_CACHE = 8192
LABEL_CACHE_CHARS = 2000
_LABELLERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _labeller(detector: Detector) -> Labeller:
    """One labeller (and label cache) per detector for the life of the detector."""
    try:
        return _LABELLERS[detector]
    except (KeyError, TypeError):
        pass
    labeller = Labeller(detector)
    try:
        _LABELLERS[detector] = labeller
    except TypeError:  # a detector that cannot be weakly referenced: no cache across calls
        pass
    return labeller


def _sample(piece: str, limit: int = DETECT_SAMPLE) -> str:
    """At most ``limit`` characters of ``piece``: its start, middle and end."""
    if len(piece) <= limit:
        return piece
    third = limit // 3
    mid = len(piece) // 2 - third // 2
    return " ".join((piece[:third], piece[mid:mid + third], piece[-third:]))


def identify(text: str, blocks: list[Block] | None = None, detector: Detector | None = None,
             doc: str = "", skip_kinds: frozenset[str] = frozenset()) -> tuple[list[Segment], str]:
    """Segments of ``text`` with language, score and script, and the main language.

    ``blocks`` come from :func:`cleaner.classify.classify`; without them every
    line is content.  Blocks of ``skip_kinds`` (lines the output will drop) are
    not shown to the detector: they take the main language in the main script,
    else their script's language or ``und``.  Segment numbers count every segment of the document.

    >>> segs, main = identify("Hello there, how are you today?\\nგამარჯობა")
    >>> main, [(s.lang, s.script) for s in segs]
    ('en', [('en', 'Latn'), ('ka', 'Geor')])
    """
    labeller = _labeller(detector or default_detector())
    if blocks is None:
        blocks = split_blocks(text)
    runs = _detect(text, blocks, labeller, skip_kinds)
    main = _main_language(runs, blocks)
    main = _refine_main(text, runs, main, labeller)
    main_script = _main_script(runs, main)
    pieces_by_block: dict[int, list[_Piece]] = {}
    for run in runs:
        decide = _skipped if blocks[run.block].kind in skip_kinds else _decide
        pieces_by_block.setdefault(run.block, []).extend(
            decide(text, run, main, main_script, labeller))
    letters: dict[int, list[int]] = {}  # per block, each piece's letters (counted once)
    for bi, pieces in pieces_by_block.items():
        letters[bi] = counts = [count_letters(text[p.start:p.end]) for p in pieces]
        for p, n in zip(pieces, counts):
            p.score = calibrate(labeller.detector.name, p.how, p.score, n)
    segments: list[Segment] = []
    for bi, b in enumerate(blocks):
        for p in _merge(pieces_by_block.get(bi, []), letters.get(bi, [])):
            segments.append(Segment(
                doc=doc, seg=len(segments), start=p.start, end=p.end, lang=p.lang,
                score=round(p.score, 3), script=p.script, kind=b.kind, main=p.lang == main,
                text=text[p.start:p.end], reason=b.reason))
    return segments, main


def _detect(text: str, blocks: list[Block], labeller: Labeller,
            skip_kinds: frozenset[str] = frozenset()) -> list[_Run]:
    runs = []
    for bi, b in enumerate(blocks):
        rs = script_runs(text, b.start, b.end)
        skip = b.kind in skip_kinds
        for r in rs:
            piece = text[r.start:r.end]
            run = _Run(bi, r.start, r.end, r.script, r.letters, whole_line=len(rs) == 1,
                       quoted=piece[:1] in _QUOTE_OPEN)
            if r.letters and not skip:
                run.ask = (lambda r=r: labeller.label(text[_after_speaker(text, r.start, r.end):r.end], r.script))
            if r.letters and script_language(r.script) is None and r.script != COMMON and not skip:
                spans = sentences(text, r.start, r.end)
                if len(spans) > 1:
                    for s, e in spans:
                        n = count_letters(text[s:e])
                        lab = (labeller.label(text[_after_speaker(text, s, e):e], r.script)
                               if n else Label(UND, 0.0))
                        run.sents.append(_Piece(s, e, r.script, n, lab))
            if not run.sents:
                run.sents.append(_Piece(r.start, r.end, r.script, r.letters, run.label))
            runs.append(run)
    return runs


def calibrate(detector: str, how: str, raw: float, letters: int) -> float:
    """Probability that a piece's language is right, from what decided it.

    ``raw`` is the detector's probability for the language given (the main
    language's, for a piece kept in it by smoothing); detectors are sure of
    themselves on a few words, so letters count too.  Coefficients were fitted
    by logistic regression on the development documents (bench/langseg_calibrate.py).
    """
    if how == "none":
        return 0.0
    if how == "script":
        return SCRIPT_SCORE
    if how == "embedded":
        return EMBEDDED_SCORE
    coef = CALIBRATION.get((detector, how)) or CALIBRATION.get(("*", how))
    if coef is None:
        return raw
    a, b, c = coef
    x = math.log(max(raw, 1e-6) / max(1 - raw, 1e-6))
    z = a + b * x + c * math.log1p(letters)
    return 1 / (1 + math.exp(-z))


# (detector, how) -> (a, b, c), printed by bench/langseg_calibrate.py.  Pieces named
# by their script, and short names in another script kept in the main language, were
# all right on the dev data: they keep fixed scores rather than a fit to 100%.
CALIBRATION: dict[tuple[str, str], tuple[float, float, float]] = {
    ("langdetect", "detector"): (1.812, 0.065, 0.2),
    ("langdetect", "kept"): (5.557, 0.13, -0.768),
    ("langid", "detector"): (4.027, 0.509, -0.467),
    ("langid", "kept"): (4.987, 0.078, -0.844),
    ("fasttext", "detector"): (-0.268, 0.838, 0.373),
    ("fasttext", "kept"): (4.66, 0.069, -0.843),
}
EMBEDDED_SCORE = 0.95


def _main_language(runs: list[_Run], blocks: list[Block]) -> str:
    letters: Counter[str] = Counter()
    for run in runs:
        if blocks[run.block].kind in (CONTENT, HEADING):
            for p in run.sents:
                if p.label.lang != UND:
                    letters[p.label.lang] += p.letters
    if not letters:
        return UND
    # Ties go to the alphabetically first code, so the answer is stable.
    return min(letters, key=lambda k: (-letters[k], k))


def _refine_main(text: str, runs: list[_Run], main: str, labeller: Labeller) -> str:
    """The main language named by spelling when the detector cannot know it.

    A Bosnian, Malay or Serbian document reads to langdetect as Croatian,
    Indonesian or Macedonian; over a whole document the few words that tell
    them apart are plentiful, and every piece given the neighbour follows.
    """
    known = labeller.detector.languages
    script = _main_script(runs, main)
    group = frozenset({main} | {b for a, b in RELATED if a == main}) & (labeller.candidates(script) or frozenset())
    if main in group and len(group) > 1:
        # Close relatives (Bosnian and Croatian, Indonesian and Malay) split a
        # document's lines between them; the whole text tells them apart far better.
        body = " ".join(text[p.start:p.end] for r in runs if r.script == script
                        for p in r.sents if p.label.lang in group)[:DOC_SAMPLE]
        ranked = labeller.detector.detect(body, group)
        if ranked and ranked[0][0] != main:
            old, main = main, ranked[0][0]
            _rename(runs, old, main)
    if script in SCRIPT_CANDIDATES and main != UND:
        # The frequent words of a language the detector lacks, all over the main-script text.
        toks = words(" ".join(text[r.start:r.end] for r in runs if r.script == script))
        for lang in sorted(SCRIPT_CANDIDATES[script] - known):
            if lang not in RIVALS and word_hits("", lang, toks) >= max(5, DOC_WORD_SHARE * len(toks)):
                return lang
    for lang, rival in RIVALS.items():
        if main != rival or lang in known:
            continue
        body = " ".join(text[p.start:p.end] for r in runs for p in r.sents if p.label.lang == rival)
        if word_hits(body, lang) > word_hits(body, rival):
            _rename(runs, rival, lang)
            return lang
    return main


def _main_script(runs: list[_Run], main: str) -> str | None:
    scripts: Counter[str] = Counter()
    for run in runs:
        for p in run.sents:
            if p.label.lang == main:
                scripts[run.script] += p.letters
    return min(scripts, key=lambda k: (-scripts[k], k)) if scripts else None


def _switch(label: Label, ctx: str, letters: int, level: str, sw: dict, strict: bool = False) -> bool:
    """Whether ``label`` is strong enough to move a piece away from ``ctx``."""
    if label.lang in (UND, ctx):
        return False
    min_letters, min_p, max_ctx = sw[level]
    if strict or (label.lang, ctx) in RELATED:
        min_letters *= sw.get("related", RELATED_FACTOR)
    if letters < min_letters or label.prob < min_p:
        return False
    left = label.p(ctx)
    return left <= max_ctx or label.prob >= sw.get("ratio", math.inf) * left


def _decide(text: str, run: _Run, main: str, main_script: str | None, labeller: Labeller) -> list[_Piece]:
    """Final pieces of one run, each with its language and score."""
    if run.letters == 0:
        return [_final(p, UND, 0.0, "none") for p in run.sents]
    named = script_language(run.script)
    if named:
        # Han inside a Japanese document is Japanese.
        lang = "ja" if named == "zh" and main == "ja" else named
        return [_final(p, lang, SCRIPT_SCORE, "script") for p in run.sents]
    if run.script != main_script:
        if not run.whole_line and not run.quoted and run.letters < MIN_FOREIGN_RUN and main != UND:
            return [_final(p, main, EMBEDDED_SCORE, "embedded") for p in run.sents]
        base = run.label.lang
    elif len(run.sents) > 1 and run.known is None and all(p.label.lang == main for p in run.sents):
        base = main  # every sentence reads as the main language, so the paragraph does
    else:
        base = main if _is_main(text, run, main, labeller) else run.label.lang
    out = []
    level = "sentence" if len(run.sents) > 1 else "line"
    for p in run.sents:
        if p.label.lang == base:
            lang = base
        elif base == main:
            lang = main if _is_main(text, p, main, labeller, level) else p.label.lang
        else:
            lang = p.label.lang if _switch(p.label, base, p.letters, level, labeller.switch) else base
        how = "none" if lang == UND else "detector" if lang == p.label.lang else "kept"
        piece = _final(p, lang, p.label.p(lang), how)
        for q in _quotes(text, piece, labeller):
            out.extend(_clauses(text, q, labeller))
    return out


def _skipped(text: str, run: _Run, main: str, main_script: str | None, labeller: Labeller) -> list[_Piece]:
    """Pieces of a line the output drops, decided without the detector."""
    named = script_language(run.script)
    if run.letters == 0:
        lang, how = UND, "none"
    elif named:
        lang, how = named, "script"
    elif run.script == main_script and main != UND:
        lang, how = main, "embedded"
    else:
        lang, how = UND, "none"
    return [_final(p, lang, 0.0, how) for p in run.sents]


def _is_main(text: str, p, main: str, labeller: Labeller, level: str = "line") -> bool:
    """Whether a piece in the main script keeps the main language."""
    label = p.label
    if label.lang in (UND, main):
        return True
    if main in labeller.detector.languages:
        if not _switch(label, main, p.letters, level, labeller.switch):
            return True
        if p.letters >= PAIR_CHECK_BELOW:
            return not _halves_agree(text, p, labeller, main)
        # A short piece: its function words must be the other language's more
        # than the main one's ("Emerging market stocks rose 0.48%." is not
        # Swedish) unless its letters are not the main language's ("Mergelės
        # Marijos šventovę" is no Latvian), and asked again between the two,
        # the detector must agree.
        piece = text[p.start:p.end]
        hits = stopword_hits(folded_words(piece))
        if hits.get(label.lang, 0) <= hits.get(main, 0) and not excluded(piece, frozenset({main})):
            return True
        pair = labeller.detector.detect(piece, frozenset({main, label.lang}))
        return not pair or pair[0][0] == main or pair[0][1] < labeller.switch[level][1]
    # The detector cannot answer the main language (Irish, Kazakh…): what it says
    # instead is its usual confusion, unless the piece is long, sure and shows none
    # of the main language's own letters or words.
    piece = text[p.start:p.end]
    if label.lang == RIVALS.get(main) or letter_language(piece, frozenset({main})) or word_hits(piece, main):
        return True
    return not _switch(label, main, p.letters, level, labeller.switch, strict=True)


def _halves_agree(text: str, p, labeller: Labeller, main: str) -> bool:
    """Whether both halves of a long piece say its language: a line that mixes two
    others (an English credit before a German title) is not a switch to either."""
    start = _after_speaker(text, p.start, p.end)
    mid = text.rfind(" ", start, (start + p.end) // 2 + 1)
    if mid <= start:
        return True
    for s, e in ((start, mid), (mid + 1, p.end)):
        label = labeller.label(text[s:e], p.script)
        if label.lang in (p.label.lang, UND) or (label.lang, p.label.lang) in RELATED:
            continue
        if label.lang == main or label.p(p.label.lang) < HALF_SUPPORT:
            return False
    return True


def _final(p: _Piece, lang: str, raw: float, how: str) -> _Piece:
    p.lang, p.score, p.how = lang, raw, how
    return p


def _quotes(text: str, p: _Piece, labeller: Labeller) -> list[_Piece]:
    """Cut a quoted phrase in another language out of piece ``p``."""
    out, pos = [], p.start
    for s, e in quotes(text, p.start, p.end):
        n = count_letters(text[s:e])
        if n < labeller.switch["quote"][0]:
            continue
        lab = labeller.label(text[s:e], p.script)
        if not _switch(lab, p.lang, n, "quote", labeller.switch):
            continue
        if pos < s:
            out.append(_Piece(pos, s, p.script, 0, p.label, p.lang, p.score, p.how))
        out.append(_Piece(s, e, p.script, n, lab, lab.lang, lab.prob, "detector"))
        pos = e
    if not out:
        return [p]
    if pos < p.end:
        out.append(_Piece(pos, p.end, p.script, 0, p.label, p.lang, p.score, p.how))
    return [_strip(text, x) for x in out if text[x.start:x.end].strip()]


def _after_speaker(text: str, start: int, end: int) -> int:
    """Where the words of a line start after a leading speaker tag ("Maria: ").

    >>> text = "Speaker B: Sí, vamos."
    >>> text[_after_speaker(text, 0, len(text)):]
    'Sí, vamos.'
    """
    m = _SPEAKER.match(text, start, end)
    if m is None or not text[start].isupper():
        return start
    return m.end()


def _clauses(text: str, p: _Piece, labeller: Labeller) -> list[_Piece]:
    """Cut clauses in another language out of piece ``p`` (code-switching)."""
    if p.lang == UND or p.how == "detector" and p.label.lang != p.lang:
        return [p]
    cuts = [m.end() for m in _CLAUSE_END.finditer(text, p.start, p.end)]
    if not cuts:
        return [p]
    out, changed = [], False
    for s, e in zip([p.start] + cuts, cuts + [p.end]):
        piece = _Piece(s, e, p.script, 0, p.label, p.lang, p.score, p.how)
        lang = _clause_language(text[s:e], p, labeller)
        if lang is not None:
            piece.lang, piece.score, piece.how, changed = lang[0], lang[1], "detector", True
        out.append(piece)
    if not changed or not _really_mixed(text, p, out, labeller):
        return [p]
    return [_strip(text, x) for x in out if text[x.start:x.end].strip()]


def _really_mixed(text: str, p: _Piece, clauses: list[_Piece], labeller: Labeller) -> bool:
    """Whether the clauses left in ``p``'s language do read as it.

    A sentence that switches mid-way has its own language on the other side of
    the comma; a reference line ("R. Koessling, ed. and trans., Leben und
    Legende der heiligen Elisabeth") in a Swahili text has no Swahili at all, so
    its German title is no switch.  A sentence whose every long clause moved
    to one language is simply in that language.
    """
    stayed = [c for c in clauses if c.lang == p.lang and count_letters(text[c.start:c.end]) >= MIN_FOREIGN_RUN]
    if not stayed:
        moved = [c for c in clauses if c.lang != p.lang]
        share = sum(count_letters(text[c.start:c.end]) for c in moved) / max(1, count_letters(text[p.start:p.end]))
        return len({c.lang for c in moved}) == 1 and share >= WHOLE_SENTENCE
    return any(labeller.label(text[c.start:c.end], p.script).lang == p.lang for c in stayed)


def _clause_language(clause: str, p: _Piece, labeller: Labeller) -> tuple[str, float] | None:
    """(language, probability) of a clause that leaves ``p``'s language, else None."""
    n = count_letters(clause)
    toks = folded_words(clause)
    if n < CLAUSE_LETTERS or len(toks) < CLAUSE_WORDS:
        return None
    hits = stopword_hits(toks)
    own = hits.get(p.lang, 0)
    top = max(hits.values(), default=0)
    if top < CLAUSE_STOPS or top <= own:  # no language has enough words, more than the piece's
        return None
    label = labeller.label(clause, p.script)
    mine = hits.get(label.lang, 0)
    if label.lang in (UND, p.lang) or mine < max(CLAUSE_STOPS, own + 1):
        return None
    if _switch(label, p.lang, n, "sentence", labeller.switch):
        return label.lang, label.prob
    # Function words that are clearly the detector's language (and no relative's
    # of the sentence's) stand in for the certainty a short clause cannot give.
    if (mine >= 2 * own + CLAUSE_STOPS and mine == max(hits.values())
            and (label.lang, p.lang) not in RELATED
            and label.p(p.lang) <= labeller.switch["sentence"][2]):
        return label.lang, label.prob
    return None


def _strip(text: str, p: _Piece) -> _Piece:
    while text[p.start].isspace():
        p.start += 1
    while text[p.end - 1].isspace():
        p.end -= 1
    return p


def _merge(pieces: list[_Piece], letters: list[int]) -> list[_Piece]:
    """Join neighbours of one language and script (``letters``: each piece's
    letters); score is the letter-weighted mean."""
    out: list[_Piece] = []
    for p, n in zip(pieces, letters):
        if out and out[-1].lang == p.lang and out[-1].script == p.script:
            q = out[-1]
            total = q.letters + n
            q.score = (q.score * q.letters + p.score * n) / total if total else max(q.score, p.score)
            q.end, q.letters = p.end, total
        else:
            out.append(_Piece(p.start, p.end, p.script, n, p.label, p.lang, p.score))
    return out


def letter_counts(segments: list[Segment]) -> Counter[str]:
    """Letters per language over ``segments`` (``und`` left out)."""
    counts: Counter[str] = Counter()
    for s in segments:
        if s.lang != UND:
            counts[s.lang] += sum(map(str.isalpha, s.text))
    return counts


def letter_shares(segments: list[Segment]) -> dict[str, float]:
    """Share of letters per language over ``segments``, largest first."""
    counts = letter_counts(segments)
    total = sum(counts.values())
    if not total:
        return {}
    return {k: round(v / total, 4) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}

