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
4. A bilingual document (a conversation between two languages) has a second
   language: each utterance is then asked between the two, and a line whose
   words switch between them is cut where the likeliest sequence changes.
5. Adjacent pieces of one language and script in a line make one segment.
   ``und`` is for pieces without letters, and for text the detector cannot
   place (a language it does not know).
"""

from __future__ import annotations

import functools
import math
import re
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

from .detectors import Detector, Settings, make_detector
from .languages import (
    ALPHABETS,
    LANGUAGES,
    MARKER_LETTERS,
    MARKER_WEIGHTS,
    MARKER_WORDS,
    RELATED,
    RIVALS,
    SCRIPT_CANDIDATES,
    UND,
    canonical,
)
from .markers import (
    WORD,
    WordBag,
    count_alpha,
    excluded,
    find_words,
    folded_counts,
    folded_words,
    letter_language,
    marker_language,
    word_hits,
    words,
)
from .records import CONTENT, HEADING, Block, Segment
from .scripts import COMMON, count_letters, script_language, script_runs
from .sentences import quotes, sentences
from .split import split_blocks
from .stopwords import counted_hits, spoken_hits, spoken_words, stopword_hits, stopwords
from .stopwords import languages as stop_languages
from .stopwords import top as top_languages
from .stopwords import top_own as stop_top_own

# How a segment's language was decided (Segment.how, shown in --format jsonl/tsv):
BY_SCRIPT = "script"  # the script names the language (Georgian, Hangul...)
BY_DETECTOR = "detector"  # the statistical detector's answer
BY_SPELLING = "spelling"  # letters or frequent words only that language writes
BY_DOCUMENT = "document"  # kept in the document's main language against a weak answer
BY_EMBEDDING = "embedded"  # a short name in another script inside main-language text
BY_QUOTE = "quote"  # a quoted phrase, asked on its own
BY_CLAUSE = "clause"  # a clause that switches language inside a sentence
BY_SWITCH = "switch"  # words that switch language inside a line of a bilingual document
NOT_ASKED = "not-asked"  # a removed line, given the main language without asking
UNKNOWN = "unknown"  # letters no candidate writes, or a detector unsure: a language it lacks
NOTHING = "none"  # no letters, or too few to say anything
SCRIPT_SCORE = 0.99
# Fewer letters than this are not worth asking a detector about at all.
MIN_DETECT_LETTERS = 3
# The detector sees at most this many characters of a piece (three windows:
# start, middle, end): accuracy saturates long before, and the cost would not.
# (3000 -> 600 changed no label on the dev sets nor on the 5 MB bench corpus,
# with langdetect, langid or fastText; 300 and 200 began to move some.)
DETECT_SAMPLE = 600

# Characters of a document's main-language text asked about as a whole.
DOC_SAMPLE = 20000
# ... of which the detector reads this many (start, middle and end) to choose
# between close relatives (Hindi, Marathi, Nepali; Indonesian and Malay): the
# letters that rule a relative out are looked for in all of it.  (Asked with
# 2000 instead of up to 20000 characters, langdetect, langid and fastText gave
# the same answer in all 1524 such questions of the 5 MB bench corpus and the
# dev sets; with 1000, fastText changed one, Afrikaans to Dutch.)
RELATIVES_SAMPLE = 2000
# A document's own language tag (<html lang>) wins between close relatives
# when the detector gives it at least this share of its best answer's probability.
HINT_MIN_SHARE = 0.5
# Each half of a long piece that leaves its main language must give the piece's
# language at least this much.
HALF_SUPPORT = 0.10
# Share of a document's words from one frequent-word list that names its language.
DOC_WORD_SHARE = 0.15
# Below this many letters a switch from the main language is checked by asking the
# detector to choose between just the two.
PAIR_CHECK_BELOW = 40
# Another script inside a line with fewer letters than this, unquoted, is a
# name or a brand in running text, not a switch of language.
MIN_FOREIGN_RUN = 15
# Fewer letters than this in a script that names its language, inside a line of
# another script, are a symbol or a gloss (α, λ, a Hanja gloss), not that language.
MIN_SCRIPT_WORD = 3
_QUOTE_OPEN = '«»„“”‘’‹›"「『'
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
    source: str = BY_DETECTOR  # what gave the answer (BY_DETECTOR, BY_SPELLING, UNKNOWN, NOTHING)

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
    how: str = (
        "none"  # what decided the language, for calibration: script, detector, kept (main by smoothing), embedded
    )
    why: str = NOTHING  # the same, as shown to users (BY_* above)


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
            label = self.ask() if self.ask else Label(UND, 0.0, source=NOTHING)
            for old, new in self.renames:
                label = _renamed(label, old, new)
            self.known = label
        return self.known


def _renamed(label: Label, old: str, new: str) -> Label:
    """``label`` with language ``old`` called ``new`` (a closer relative named later)."""
    if label.lang != old:
        return label
    return Label(new, label.prob, [(new if c == old else c, q) for c, q in label.ranked], label.source)


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
        self.settings = detector.settings
        self._cands: dict[str, frozenset[str] | None] = {}
        self._labels: dict[tuple[str, str], Label] = {}
        self.word_odds: dict[tuple[str, str, str], float] = {}  # see _word_odds

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
            return Label(named, SCRIPT_SCORE, source=BY_SCRIPT)
        if script == COMMON or count_letters(piece) < MIN_DETECT_LETTERS:
            return Label(UND, 0.0, source=NOTHING)
        piece = _sample(piece)
        cands = self.candidates(script)
        allowed = SCRIPT_CANDIDATES.get(script, frozenset())
        if cands:
            narrowed = cands - excluded(piece, cands)
            if not narrowed and not (allowed - self.detector.languages) - excluded(piece, allowed):
                # Letters that no candidate writes (Maltese ħ, Esperanto ĝ): a language
                # nobody here knows, and "und" rather than a confident wrong guess.
                return Label(UND, 0.0, source=UNKNOWN)
            cands = narrowed or cands
        ranked = self.detector.detect(piece, cands)
        if not ranked:
            return Label(UND, 0.0, source=NOTHING)
        marked = marker_language(piece, allowed, self.detector.languages, ranked[0][0])
        if marked is None:
            marked = _unknown_by_piece_stopwords(piece, allowed - self.detector.languages, ranked[0][0])
        if marked is not None:
            return Label(marked, 0.99, [(marked, 0.99)], BY_SPELLING)
        ranked = _words_overrule(piece, ranked, allowed, self.detector)
        unsure = self.settings.unsure
        if unsure and ranked[0][1] < unsure.prob and count_letters(piece) >= unsure.letters:
            # langdetect's probability is the share of its random trials that agree:
            # on a full sentence they disagree for text in a language it lacks.
            return Label(UND, 0.0, ranked, UNKNOWN)
        return Label(ranked[0][0], ranked[0][1], ranked)


# A piece of at least OVERRULE_WORDS words whose function words are plainly
# another language's (OVERRULE_STOPS of them, OVERRULE_MARGIN more than the
# answer's list has) is asked again between the two.
OVERRULE_WORDS = 8
OVERRULE_STOPS = 4
OVERRULE_MARGIN = 3


def _words_overrule(piece: str, ranked: list, allowed: frozenset[str], detector: Detector) -> list:
    """The detector's answer, or, when the piece's function words plainly say
    another language of the script that it knows (not a close relative: their
    lists overlap), its answer asked between the two, even where a loanword's
    letters had ruled that language out ("He said “hello” – it was a naïve café
    idea, wasn’t it?" reads as Dutch to langdetect and fastText, and ï with é
    are no English letters)."""
    toks = folded_words(piece)
    if len(toks) < OVERRULE_WORDS:
        return ranked
    best, top, hits = _stop_top(toks)
    lang = ranked[0][0]
    if len(best) != 1 or top < OVERRULE_STOPS or top < hits.get(lang, 0) + OVERRULE_MARGIN:
        return ranked
    (other,) = best
    if other == lang or other not in detector.languages or other not in allowed:
        return ranked
    if (other, lang) in RELATED:
        return ranked
    again = detector.detect(piece, frozenset({lang, other}))
    return again if again and again[0][0] == other else ranked


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
    return " ".join((piece[:third], piece[mid : mid + third], piece[-third:]))


def identify(
    text: str,
    blocks: list[Block] | None = None,
    detector: Detector | None = None,
    doc: str = "",
    skip_kinds: frozenset[str] = frozenset(),
    hint: str | None = None,
) -> tuple[list[Segment], str]:
    """Segments of ``text`` with language, score and script, and the main language.

    ``blocks`` come from :func:`cleaner.classify.classify`; without them every
    line is content.  Blocks of ``skip_kinds`` (lines the output will drop) are
    not shown to the detector: they take the main language in the main script,
    else their script's language or ``und``.  ``hint`` is the language the
    document says it is in (``<html lang>``): it settles a close call between
    relatives (Bosnian and Croatian, Malay and Indonesian), never more.
    Segment numbers count every segment of the document.

    >>> segs, main = identify("Hello there, how are you today?\\nგამარჯობა")
    >>> main, [(s.lang, s.script) for s in segs]
    ('en', [('en', 'Latn'), ('ka', 'Geor')])
    """
    labeller = _labeller(detector or default_detector())
    if blocks is None:
        blocks = split_blocks(text)
    runs = _detect(text, blocks, labeller, skip_kinds)
    main = _main_language(runs, blocks)
    if main == UND:
        main = _removed_document_language(text, runs, labeller)
    main = _refine_main(text, runs, main, labeller, hint)
    main_script = _main_script(runs, main)
    second = _second_language(text, runs, main, main_script, labeller)
    pieces_by_block: dict[int, list[_Piece]] = {}
    for run in runs:
        if blocks[run.block].kind in skip_kinds:
            pieces = _skipped(text, run, main, main_script, labeller)
        else:
            utterance = blocks[run.block].kind in (CONTENT, HEADING)
            pieces = _decide(text, run, main, main_script, labeller, second, utterance)
        pieces_by_block.setdefault(run.block, []).extend(pieces)
    letters: dict[int, list[int]] = {}  # per block, each piece's letters (counted once)
    for bi, pieces in pieces_by_block.items():
        letters[bi] = counts = [count_letters(text[p.start : p.end]) for p in pieces]
        for p, n in zip(pieces, counts):
            p.score = calibrate(labeller.settings, p.how, p.score, n)
    segments: list[Segment] = []
    for bi, b in enumerate(blocks):
        for p in _merge(pieces_by_block.get(bi, []), letters.get(bi, [])):
            segments.append(
                Segment(
                    doc=doc,
                    seg=len(segments),
                    start=p.start,
                    end=p.end,
                    lang=p.lang,
                    score=round(p.score, 3),
                    script=p.script,
                    kind=b.kind,
                    main=p.lang == main,
                    text=text[p.start : p.end],
                    reason=b.reason,
                    how=p.why,
                )
            )
    return segments, main


def _detect(text: str, blocks: list[Block], labeller: Labeller, skip_kinds: frozenset[str] = frozenset()) -> list[_Run]:
    runs = []
    for bi, b in enumerate(blocks):
        rs = script_runs(text, b.start, b.end)
        skip = b.kind in skip_kinds
        for r in rs:
            first = text[r.start : min(r.start + 1, r.end)]  # (the run's first character, or none)
            # (a quoted word of another script is a term, said in the sentence's
            # language, as a quoted word of its own script is: see QUOTE_WORDS)
            quoted = (first in _QUOTE_OPEN or _quote_before(text, b.start, r.start)) and len(
                find_words(text[r.start : r.end])
            ) >= QUOTE_WORDS
            run = _Run(bi, r.start, r.end, r.script, r.letters, whole_line=len(rs) == 1, quoted=quoted)
            if r.letters and not skip:
                run.ask = lambda r=r: labeller.label(text[_after_speaker(text, r.start, r.end) : r.end], r.script)
            if r.letters and script_language(r.script) is None and r.script != COMMON and not skip:
                spans = sentences(text, r.start, r.end)
                if len(spans) > 1:
                    # One call for the paragraph; its sentences are asked only when it
                    # is unsure, or where a sentence's own words or letters disagree.
                    whole = run.label
                    # The paragraph's stop-word counts, and each sentence's most hits and
                    # hits of the paragraph's language, once, and only when the
                    # paragraph's answer could settle them.
                    tops: list[tuple[int, int]] = []
                    settled = _sure(whole, labeller)
                    if settled:
                        words = [folded_words(text[s:e]) for s, e in spans]
                        settled = _settles(stopword_hits(chain.from_iterable(words)), whole)
                        if settled:
                            tops = [_top_own(w, whole.lang) for w in words]
                    for i, (s, e) in enumerate(spans):
                        n = count_letters(text[s:e])
                        if not n:
                            lab = Label(UND, 0.0, source=NOTHING)
                        elif settled and not _disagrees(text[s:e], tops[i], whole.lang):
                            lab = whole
                        else:
                            lab = labeller.label(text[_after_speaker(text, s, e) : e], r.script)
                        run.sents.append(_Piece(s, e, r.script, n, lab))
            if not run.sents:
                run.sents.append(_Piece(r.start, r.end, r.script, r.letters, run.label))
            runs.append(run)
    return runs


def _quote_before(text: str, line_start: int, start: int) -> bool:
    """Whether a quotation mark opens between the last letter before ``start``
    and ``start``: a script run begins at its first letter, and the digits,
    spaces and marks before it went to the run before («5 дней раньше» in
    Greek text is quoted Russian, not a name in running text).  A mark opens
    after a space or at the line's start; one against the word before closes
    its quotation (“… или” IPO).
    """
    i = start
    while i > line_start and not text[i - 1].isalpha():
        i -= 1
    return any(text[j] in _QUOTE_OPEN and (j == line_start or text[j - 1].isspace()) for j in range(i, start))


# Stop lists whose code names a language by another code (``nb`` and ``nn`` are ``no``).
_STOP_ALIASES = {code: canonical(code) for code in stop_languages() if canonical(code) != code}


def _stop_top(toks: list[str]) -> tuple[frozenset[str], int, Counter[str]]:
    """(languages whose stop list covers most of ``toks``, that count, all counts)."""
    return _stop_top_of(stopword_hits(toks))


def _stop_hits(toks: list[str]) -> Counter[str]:
    """How many of ``toks`` each language's stop list has, a language under the
    code cleaner gives it, by its best list (Norwegian's ``nb`` and ``nn`` lists
    count for ``no``, what the detectors answer: "Elvens vannkvalitet per i dag"
    has two words of Norwegian's, not the one of the ``no`` list alone).

    >>> _stop_hits(["elvens", "per", "i", "dag"])["no"], stopword_hits(["elvens", "per", "i", "dag"])["no"]
    (2, 1)
    """
    return _stop_top(toks)[2]


def _stop_top_of(raw: Counter[str]) -> tuple[frozenset[str], int, Counter[str]]:
    """:func:`_stop_top` from the words' stop-word counts (:func:`stopword_hits`).

    A language with lists under two codes counts the better one.  The counts
    come back as they are (not copied) when no list in them goes by another
    code; the callers only read them.
    """
    hits = raw
    for code, lang in _STOP_ALIASES.items():
        k = hits.get(code)
        if k is not None:
            if hits is raw:
                hits = raw.copy()
            del hits[code]
            if k > hits.get(lang, 0):
                hits[lang] = k
    best, most = top_languages(hits)
    return best, most, hits


def _sure(label: Label, labeller: Labeller) -> bool:
    """Whether the answer for a paragraph is sure enough to settle its sentences."""
    return (
        label.lang != UND and label.source in (BY_DETECTOR, BY_SPELLING) and label.prob >= labeller.settings.confident
    )


def _settles(raw: Counter[str], label: Label) -> bool:
    """Whether a :func:`_sure` answer for a paragraph settles its sentences:
    the paragraph's stop words (``raw``: their counts) are that language's (or
    a close relative's: telling those apart is not the sentences' job)."""
    best, top, _ = _stop_top_of(raw)
    if top < CLAUSE_STOPS:
        return False  # no function words to go on: the sentences say more
    return label.lang in best or any((label.lang, b) in RELATED for b in best)


# A sentence's stop words disagree with its paragraph's language when another
# list covers at least this many more of them.
DISAGREE_MARGIN = 2


def _disagrees(sentence: str, top_own: tuple[int, int], lang: str) -> bool:
    """Whether a sentence's own evidence disagrees with its paragraph's ``lang``:
    its function words (``top_own``: the most hits of any list and ``lang``'s,
    :func:`_top_own`) are another language's, or its letters are not ``lang``'s."""
    top, own = top_own
    # (by a margin: the lists of dialects and neighbours share many words)
    if top >= CLAUSE_STOPS and top >= own + DISAGREE_MARGIN:
        return True
    return bool(excluded(sentence, frozenset({lang})))


# A language's stop lists under other codes (``no``: ``nb`` and ``nn``).
_ALIASED = {lang: tuple(sorted(c for c, a in _STOP_ALIASES.items() if a == lang)) for lang in _STOP_ALIASES.values()}


def _top_own(toks: list[str], lang: str) -> tuple[int, int]:
    """(the most hits of any stop list among ``toks``, the hits of ``lang``'s):
    :func:`_stop_top`'s count and its hits for ``lang`` (a language with lists
    under two codes counting the better one), without building its Counter.

    >>> toks = "jeg er ikke sikker på det".split()
    >>> _top_own(toks, "no"), _top_own(toks, "en"), _stop_top(toks)[2]["no"]
    ((5, 5), (5, 0), 5)
    """
    if lang in _STOP_ALIASES:
        return stop_top_own(toks, lang)[0], 0  # (its hits go by the language's own code)
    top, own = stop_top_own(toks, lang)
    for code in _ALIASED.get(lang, ()):
        own = max(own, stop_top_own(toks, code)[1])
    return top, own


def calibrate(settings: Settings, how: str, raw: float, letters: int) -> float:
    """Probability that a piece's language is right, from what decided it.

    ``raw`` is the detector's probability for the language given (the main
    language's, for a piece kept in it by smoothing); detectors are sure of
    themselves on a few words, so letters count too (each detector's own
    coefficients, :meth:`cleaner.detectors.base.Settings.calibrated`).
    """
    if how == "none":
        return 0.0
    if how == "script":
        return SCRIPT_SCORE
    if how == "embedded":
        return EMBEDDED_SCORE
    return settings.calibrated(how, raw, letters)


# Short names in another script kept in the main language were all right on the
# dev data: they keep a fixed score rather than a fit to 100%.
EMBEDDED_SCORE = 0.95


def _main_language(runs: list[_Run], blocks: list[Block]) -> str:
    """The language of most letters of the kept lines; of all lines that were
    asked about when none is kept (a copy of an earlier document is still in
    its language)."""
    letters: Counter[str] = Counter()
    for kept_only in (True, False):
        for run in runs:
            if not kept_only or blocks[run.block].kind in (CONTENT, HEADING):
                for p in run.sents:
                    if p.label.lang != UND:
                        letters[p.label.lang] += p.letters
        if letters:
            break
    if not letters:
        return UND
    # Ties go to the alphabetically first code, so the answer is stable.
    return min(letters, key=lambda k: (-letters[k], k))


def _removed_document_language(text: str, runs: list[_Run], labeller: Labeller) -> str:
    """The language of a document none of whose lines was asked about (every
    line removed: a copy of an earlier document, a page of furniture): one
    question about its main script's text, whose answer its lines of that
    script then carry.  ``und`` when it has no letters."""
    by_script: Counter[str] = Counter()
    for run in runs:
        if run.letters and run.script != COMMON:
            by_script[run.script] += run.letters
    if not by_script:
        return UND
    script = min(by_script, key=lambda k: (-by_script[k], k))
    mine = [r for r in runs if r.script == script and r.letters]
    label = labeller.label(" ".join(text[r.start : r.end] for r in mine), script)
    if label.lang == UND:
        return UND
    for run in mine:
        run.known = label
        for p in run.sents:
            p.label = label
    return label.lang


def _refine_main(text: str, runs: list[_Run], main: str, labeller: Labeller, hint: str | None = None) -> str:
    """The main language (:func:`_refine_main_language`), and the pieces of
    another language read as a relative named (:func:`_name_other_relatives`)."""
    main = _refine_main_language(text, runs, main, labeller, hint)
    _name_other_relatives(text, runs, main, labeller)
    return main


def _name_other_relatives(text: str, runs: list[_Run], main: str, labeller: Labeller) -> None:
    """The pieces read as one other language, when their own words name a
    language read as it (:func:`_poor_relative`), take that language: the
    Corsican answers of an interview in French, read as Italian.  (Only where
    the words name it: too few of them leave the pieces as they are.)"""
    texts: dict[tuple[str, str], list[str]] = {}
    for r in runs:
        for p in r.sents:
            lang = p.label.lang
            if lang not in (UND, main) and _read_as(lang):
                texts.setdefault((lang, r.script), []).append(text[p.start : p.end])
    for (lang, script), pieces in sorted(texts.items()):
        if script not in SCRIPT_CANDIDATES:
            continue
        bag = WordBag(words(" ".join(pieces)[:DOC_SAMPLE]))
        poor = _poor_relative(bag, lang, script, labeller)
        if poor is not None and poor[1] and poor[0] != main:
            _rename_kin(text, runs, lang, poor[0], frozenset({lang}))


def _refine_main_language(text: str, runs: list[_Run], main: str, labeller: Labeller, hint: str | None = None) -> str:
    """The main language, checked against what the whole document says.

    A Bosnian, Malay or Basque document reads to langdetect as Croatian,
    Indonesian or anything; over a whole document the words that tell them
    apart are plentiful, and every piece given the neighbour follows.
    ``hint`` (the page's own ``<html lang>``) settles a close call between
    relatives, never more.
    """
    known = labeller.detector.languages
    script = _main_script(runs, main)
    if script is None or main == UND:
        return main
    allowed = labeller.candidates(script)
    group = frozenset({main} | {b for a, b in RELATED if a == main}) & (allowed or frozenset())
    if main in group and len(group) > 1:
        # Close relatives (Bosnian and Croatian, Indonesian and Malay) split a
        # document's lines between them; the whole text tells them apart far better.
        body = " ".join(
            text[p.start : p.end] for r in runs if r.script == script for p in r.sents if p.label.lang in group
        )[:DOC_SAMPLE]
        # Letters a relative's alphabet lacks rule it out here as they do for
        # one line ("Это тест" is no Macedonian: it has no э).
        group -= excluded(body, group - {main})
        ranked = labeller.detector.detect(_sample(body, RELATIVES_SAMPLE), group) if len(group) > 1 else []
        best = ranked[0][0] if ranked else main
        if hint in group and hint != best and dict(ranked).get(hint, 0.0) >= HINT_MIN_SHARE * ranked[0][1]:
            best = hint  # a close call, and the page names its language
        if best != main:
            old, main = main, best
            _rename(runs, old, main)
    if script not in SCRIPT_CANDIDATES:
        return main
    toks = words(" ".join(text[r.start : r.end] for r in runs if r.script == script)[:DOC_SAMPLE])
    bag = WordBag(toks)
    poor = _poor_relative(bag, main, script, labeller)
    if poor is not None:
        poor_lang, sure = poor
        if not sure:
            # Its words say a language read as its relative, too few to name it:
            # neither may be said with confidence.
            for r in runs:
                for p in r.sents:
                    if p.label.lang == main:
                        p.label = Label(UND, 0.0, p.label.ranked, UNKNOWN)
            _rename(runs, main, UND)
            return UND
        _rename_kin(text, runs, main, poor_lang)
        return poor_lang
    unknown = SCRIPT_CANDIDATES[script] - known
    for lang in sorted(SCRIPT_CANDIDATES[script] - {main}):
        # The frequent words of a language (one the detector lacks, or knows poorly:
        # Corsican read as Italian), all over the main-script text.
        if lang not in RIVALS and bag.hits(lang) >= max(5, DOC_WORD_SHARE * len(toks)):
            return lang
    named = _unknown_by_stopwords(bag, main, unknown)
    if named is not None:
        return named
    kin = _relative_by_words(bag, main, SCRIPT_CANDIDATES[script])
    if kin != main:
        _rename(runs, main, kin)
    return kin


# A language the detectors know poorly or not at all is read as a close relative
# (Corsican as Italian, Galician as Spanish or Portuguese, Luxembourgish as German,
# Frisian as Dutch).  Its marker words (forms the relative does not write, see
# cleaner.languages) name it for a document that reads as the relative when they
# are at least POOR_SHARE of its main-script words, POOR_WORDS different ones;
# from POOR_DOUBT_SHARE (and POOR_DOUBT_WORDS different ones) the document is
# not said to be in the relative either: it is ``und``.  The relative's text
# writes these words less than once in 100,000: its documents never come near.
POOR_SHARE = 0.06
POOR_WORDS = 3
POOR_DOUBT_SHARE = 0.03
POOR_DOUBT_WORDS = 2


@functools.cache
def _read_as(main: str) -> tuple[str, ...]:
    """The languages with marker words that a detector reads as their close relative ``main``."""
    return tuple(
        sorted(a for a, lang in LANGUAGES.items() if main in lang.relatives and a in MARKER_WORDS and a not in RIVALS)
    )


@functools.cache
def _poor_of_script(script: str) -> tuple[str, ...]:
    """The languages with marker words that no detector chooses for a line, whose
    close relatives are written in ``script`` (Galician, Luxembourgish...)."""
    cands = SCRIPT_CANDIDATES.get(script, frozenset())
    return tuple(
        sorted(c for c, lang in LANGUAGES.items() if c in MARKER_WORDS and not lang.scripts and lang.relatives & cands)
    )


def _poor_relative(bag: WordBag, main: str, script: str, labeller: Labeller) -> tuple[str, bool] | None:
    """(a language read as its relative ``main``, whether its words name it), or
    None when the document's words say no such language.

    The language's marker words must outnumber ``main``'s own (Afrikaans read
    as Dutch is left to :func:`_relative_by_words`).  A language no detector
    chooses for a line is also named, whatever the reading (fastText reads
    Luxembourgish as Welsh), when its marker words fill DOC_WORD_SHARE of the
    words, as any candidate's do in :func:`_refine_main`.  Only languages the
    detector cannot answer for a line, or knows poorly
    (:attr:`cleaner.languages.Language.poorly`), are asked about: where it
    answers a language well (Macedonian against Bulgarian), its answer stands.
    (Languages with a rival, Bosnian and Malay, are left to
    :func:`_relative_by_words`.)"""
    best: tuple[int, str, int] | None = None  # (hits, language, distinct marker words)
    own = bag.hits(main)
    kin = _read_as(main)
    cands = labeller.candidates(script) or frozenset()
    name = labeller.detector.name
    for lang in sorted(set(kin) | set(_poor_of_script(script))):
        if lang in cands and name not in LANGUAGES[lang].poorly:
            continue
        hits = bag.hits(lang)
        need = POOR_DOUBT_SHARE if lang in kin else DOC_WORD_SHARE
        if hits <= own or hits < need * bag.size:
            continue
        vocab = MARKER_WORDS[lang]
        distinct = sum(w in vocab for w in bag.counts)
        if distinct < (POOR_DOUBT_WORDS if lang in kin else POOR_WORDS):
            continue
        if best is None or hits > best[0]:
            best = (hits, lang, distinct)
    if best is None:
        return None
    hits, lang, distinct = best
    return lang, hits >= POOR_SHARE * bag.size and distinct >= POOR_WORDS


def _reads_as_kin(lang: str, labeller: Labeller) -> bool:
    """Whether ``lang`` is a language :func:`_poor_relative` names: read by the
    detector as a close relative it knows, and told from it by marker words."""
    return (
        lang in MARKER_WORDS
        and lang not in RIVALS
        and any(lang in _read_as(r) for r in LANGUAGES[lang].relatives & labeller.detector.languages)
    )


def _rename_kin(text: str, runs: list[_Run], main: str, lang: str, only: frozenset[str] | None = None) -> None:
    """Pieces read as ``main`` or another close relative of ``lang`` become
    ``lang`` (the document's language, which the detector reads as them), but
    for those whose own letters, marker words or function words say the
    relative (:func:`_kin_evidence`): a Spanish line in a Galician text.  With
    ``only``, just the pieces read as those languages are renamed."""
    kin = set(only) if only is not None else {main} | {b for a, b in RELATED if a == lang}
    for r in runs:
        for p in r.sents:
            old = p.label.lang
            if (only is None or old in only) and _follows(text[p.start : p.end], old, lang, kin):
                p.label = _by_words(p.label, old, lang)
        own = text[r.start : r.end]
        if r.known is None:
            r.renames.extend((old, lang) for old in sorted(kin) if not _kin_evidence(own, old, lang))
        elif (only is None or r.known.lang in only) and _follows(own, r.known.lang, lang, kin):
            r.known = _by_words(r.known, r.known.lang, lang)


def _by_words(label: Label, old: str, lang: str) -> Label:
    """``label`` (an answer ``old``) renamed ``lang``, which the document's words
    named (a language the detector lacks is no candidate for its relatives'
    questions: :func:`_second_by_pairs` leaves it alone)."""
    found = _renamed(label, old, lang)
    return Label(found.lang, found.prob, found.ranked, BY_SPELLING)


def _follows(piece: str, old: str, lang: str, kin: set[str]) -> bool:
    """Whether ``piece``, read as ``old``, is in the document's language ``lang``:
    read as a relative without evidence of its own (:func:`_kin_evidence`), or
    read as anything else but writing ``lang``'s own words in ``lang``'s letters
    ("Me nono el jera un pescador de Ciosa", Venetian read as Spanish)."""
    if old in (UND, lang):
        return False
    if old in kin:
        return not _kin_evidence(piece, old, lang)
    return bool(word_hits(piece, lang)) and not excluded(piece, frozenset({lang}))


def _kin_evidence(piece: str, old: str, lang: str) -> bool:
    """Whether ``piece``, read as ``old``, says so itself in a document in its
    close relative ``lang``: none of ``lang``'s marker words, and a letter only
    ``old``'s alphabet has, :data:`OWN_WORDS_MARGIN` of ``old``'s marker words,
    or its function words (only where ``lang`` has a list of its own: Italian
    ones say nothing against Corsican, which has none).

    >>> _kin_evidence("Nosotros no sabíamos nada de eso, y la verdad es que nadie nos lo había contado.", "es", "gl")
    True
    >>> _kin_evidence("A sera ci ne andavamu in paese, è tandu si cantava inseme.", "it", "co")
    False
    """
    toks = words(piece)
    if word_hits(piece, lang, toks):
        return False
    if _own_letter(piece, old, lang):
        return True
    if old in MARKER_WORDS and word_hits(piece, old, toks) >= OWN_WORDS_MARGIN:
        return True
    return _stops_favour(piece, old, lang)


# Languages with a stop list (under any of their codes).
_STOP_LISTED = frozenset(canonical(code) for code in stop_languages())


# A language the detector lacks is the document's when its stop list covers this
# share of the main-script words, and this many times what the main language's covers.
DOC_STOP_SHARE = 0.2
DOC_STOP_RATIO = 1.5


def _unknown_by_stopwords(bag: WordBag, main: str, unknown: frozenset[str]) -> str | None:
    """A language the detector lacks whose stop words fill the document, else None.

    Basque read as Indonesian, Irish as Welsh: the detector's answer is its
    nearest guess, but the document's function words are plainly another
    language's.  Close relatives are left to their own words
    (:func:`_relative_by_words`): their stop lists overlap.
    """
    # (each distinct word looked up once, with its count: the same numbers)
    best, top, hits = _stop_top_of(Counter(counted_hits(folded_counts(bag.counts))))
    if len(best) != 1 or top < DOC_STOP_SHARE * bag.size:
        return None
    (lang,) = best
    if lang not in unknown or (lang, main) in RELATED or RIVALS.get(lang) == main:
        return None
    return lang if top >= DOC_STOP_RATIO * hits.get(main, 0) else None


# A piece of at least this many words is in a language the detector lacks when
# that language's stop list covers DOC_STOP_SHARE of them, DOC_STOP_RATIO times
# what the detector's answer's list covers, and at least PIECE_STOPS words.
PIECE_STOP_WORDS = 8
PIECE_STOPS = 4
# A shorter piece (a caption, a quotation) of at least SHORT_PIECE_WORDS words
# needs SHORT_PIECE_STOPS distinct words on that list, DISAGREE_MARGIN more than
# on the answer's and its relatives', and no other list as many ("bíonn
# pasdifríocht idir an" is no Catalan, "du bere lekua" no Indonesian).
SHORT_PIECE_WORDS = 2
SHORT_PIECE_STOPS = 2


def _unknown_by_piece_stopwords(piece: str, unknown: frozenset[str], guess: str) -> str | None:
    """A language the detector lacks whose stop words fill ``piece``, else None.

    An Irish paragraph in a Tagalog text ("Nuair a cailleadh a athair... tháinig
    an buachaill i gcomharbas air"): langdetect is unsure or names a neighbour,
    but more than half the words are Irish function words.  Close relatives
    and rivals of the detector's answer are left to it (their lists overlap).
    A caption or quotation of a few words needs fewer of them, by a margin
    (:data:`SHORT_PIECE_STOPS`).

    >>> lacks = frozenset({"eu", "ga", "is", "az", "yo"})
    >>> _unknown_by_piece_stopwords("bíonn pasdifríocht idir an", lacks, "ca")
    'ga'
    >>> _unknown_by_piece_stopwords("sí sí lo devolvieron.", lacks, "es") is None
    True
    """
    if not unknown:
        return None
    toks = folded_words(piece)
    if len(toks) < SHORT_PIECE_WORDS:
        return None
    short = len(toks) < PIECE_STOP_WORDS
    # (a short piece counts each word once: "sí sí lo" is two words of evidence)
    best, top, hits = _stop_top(list(dict.fromkeys(toks)) if short else toks)
    if len(best) != 1:
        return None
    (lang,) = best
    if short:
        # Fewer words to go on: a margin over the answer's list and over the
        # lists of the language's close relatives, which share function words
        # ("ondan sonra" is Turkish as much as Azerbaijani).
        rivals = [guess, *(b for a, b in RELATED if a == lang)]
        if top < SHORT_PIECE_STOPS or any(top < hits.get(r, 0) + DISAGREE_MARGIN for r in rivals):
            return None
    elif top < max(PIECE_STOPS, DOC_STOP_SHARE * len(toks)):
        return None
    if lang not in unknown or (lang, guess) in RELATED or RIVALS.get(lang) == guess:
        return None
    return lang if top >= DOC_STOP_RATIO * hits.get(guess, 0) else None


def _relative_by_words(bag: WordBag, main: str, allowed: frozenset[str]) -> str:
    """Of ``main`` and its close relatives, the one whose own words the document uses.

    Each relative's marker words count (weighted: see
    :attr:`cleaner.languages.Language.marker_weight`); a relative takes over
    from ``main`` with more weight than it, and at least two words when ``main``
    has any of its own (one word can be a quotation).
    """
    group = sorted(b for a, b in RELATED if a == main and b in allowed and b in MARKER_WORDS)
    if not group or main not in MARKER_WORDS:
        return main
    own = bag.hits(main)
    best, best_score = main, own * MARKER_WEIGHTS.get(main, 1)
    for lang in group:
        hits = bag.hits(lang)
        score = hits * MARKER_WEIGHTS.get(lang, 1)
        if hits >= (2 if own else 1) and score > best_score:
            best, best_score = lang, score
    return best


def _main_script(runs: list[_Run], main: str) -> str | None:
    scripts: Counter[str] = Counter()
    for run in runs:
        for p in run.sents:
            if p.label.lang == main:
                scripts[run.script] += p.letters
    return min(scripts, key=lambda k: (-scripts[k], k)) if scripts else None


def _switch(
    label: Label, ctx: str, letters: int, level: str, settings: Settings, strict: bool = False, piece: str = ""
) -> bool:
    """Whether ``label`` is strong enough to move a piece away from ``ctx``
    (``piece``: its text, when its letters may tell close relatives apart)."""
    if label.lang in (UND, ctx):
        return False
    need = settings.switch(level)
    min_letters = need.letters
    related = (label.lang, ctx) in RELATED
    if strict or (related and not _own_evidence(piece, label.lang, ctx)):
        min_letters *= settings.related_factor
    if not related and piece and min_letters > ALPHABET_LETTERS and _alphabet_says(piece, label.lang, ctx):
        min_letters = ALPHABET_LETTERS
    if letters < min_letters or label.prob < need.prob:
        return False
    max_main = need.max_main_related if related and need.max_main_related is not None else need.max_main
    return label.p(ctx) <= max_main


# A piece whose letters rule the context language out (more than a name's slip)
# and fit the detector's answer needs only ALPHABET_LETTERS letters to switch,
# when at most ALPHABET_KIN languages write them all: the letters say what the
# length would ("Nơi đây là một điểm" in Afrikaans text, "Tādējādi apstrīdētā
# norma" in Irish).  Letters many languages write (é in "qué es eso", Spanish
# in an English conversation) say only that the piece is foreign, not which.
ALPHABET_LETTERS = 8
ALPHABET_KIN = 3
_WITH_ALPHABETS = frozenset(ALPHABETS)


def _alphabet_says(piece: str, lang: str, ctx: str) -> bool:
    """Whether ``piece``'s letters rule out ``ctx`` but not ``lang``, and are
    written by few languages.

    >>> _alphabet_says("Nơi đây là một điểm", "vi", "af"), _alphabet_says("Un café", "fr", "en")
    (True, False)
    >>> _alphabet_says("qué es eso qué es?", "fr", "en")
    False
    """
    out = excluded(piece, frozenset({lang, ctx}))
    if ctx not in out or lang in out:
        return False
    return len(_WITH_ALPHABETS - excluded(piece, _WITH_ALPHABETS)) <= ALPHABET_KIN


# Marker words of a relative, more than the context language's, that count as
# its own evidence in a piece (one can be a name or a quotation).
OWN_WORDS_MARGIN = 2


def _own_letter(piece: str, lang: str, other: str) -> bool:
    """Whether ``piece`` writes a letter beyond ASCII that ``lang``'s alphabet has
    and ``other``'s lacks (False when either alphabet is unknown)."""
    a, b = ALPHABETS.get(lang), ALPHABETS.get(other)
    if a is None or b is None:
        return False
    return any(ch in a and ch not in b for ch in piece.lower() if not ch.isascii() and ch.isalpha())


def _own_evidence(piece: str, lang: str, ctx: str) -> bool:
    """Whether ``piece`` writes a letter of ``lang``'s alphabet that ``ctx``'s lacks
    (Danish æ ø in Swedish text, Serbian ђ ј in Bulgarian, Ukrainian і ї in
    Russian), more of ``lang``'s marker words than ``ctx``'s, or more of its
    function words (:func:`_stops_favour`): between close relatives the spelling
    says what a detector needs many letters to say.

    >>> _own_evidence("Betaling til dette træf er kr. 100,00", "da", "sv")
    True
    >>> _own_evidence("Betaling 100,00 kr.", "da", "sv")
    False
    >>> _own_evidence("buďto hříchu k smrti", "cs", "sk"), _own_evidence("buďto hříchu", "sk", "cs")
    (True, False)
    >>> _own_evidence("Kuid pöördugem tagasi selle juurde, mille pärast ma kirjutama hakkasin.", "et", "fi")
    True
    """
    if not piece:
        return False
    if _own_letter(piece, lang, ctx):
        return True
    # ... or its own words (Serbian је, али against Macedonian е, но), by a margin.
    if lang in MARKER_WORDS:
        bag = WordBag(words(piece))  # (counted once for both languages)
        if bag.hits(lang) >= bag.hits(ctx) + OWN_WORDS_MARGIN:
            return True
    # ... or its function words (Estonian ma, selle, mille against Finnish), by a margin.
    return _stops_favour(piece, lang, ctx)


def _decide(
    text: str,
    run: _Run,
    main: str,
    main_script: str | None,
    labeller: Labeller,
    second: str | None = None,
    utterance: bool = True,
) -> list[_Piece]:
    """Final pieces of one run, each with its language and score (``utterance``:
    the run is content, not page furniture kept with --keep-boilerplate)."""
    if run.letters == 0:
        return [_final(p, UND, 0.0, "none") for p in run.sents]
    named = script_language(run.script)
    if named:
        if main not in (UND, named) and not run.whole_line and run.letters < MIN_SCRIPT_WORD:
            # A letter or two of another script inside a line is a symbol or a gloss
            # (α-helix, λ; Hanja 四平 in Korean): the line's language, not a switch.
            return [_final(p, main, EMBEDDED_SCORE, "embedded") for p in run.sents]
        # Han inside a Japanese document is Japanese.
        lang = "ja" if named == "zh" and main == "ja" else named
        return [_final(p, lang, SCRIPT_SCORE, "script") for p in run.sents]
    if run.script != main_script:
        if not run.whole_line and not run.quoted and run.letters < MIN_FOREIGN_RUN and main != UND:
            return [_final(p, main, EMBEDDED_SCORE, "embedded") for p in run.sents]
        base = run.label.lang
    else:
        base = main if _is_main(text, run, main, labeller, paired=second is None) else run.label.lang
    out = []
    level = "sentence" if len(run.sents) > 1 else "line"
    for p in run.sents:
        if p.label.lang == base:
            lang = base
        elif base == main:
            lang = main if _is_main(text, p, main, labeller, level, paired=second is None) else p.label.lang
        else:
            own = text[p.start : p.end]
            lang = p.label.lang if _switch(p.label, base, p.letters, level, labeller.settings, piece=own) else base
        how = "none" if lang == UND else "detector" if lang == p.label.lang else "kept"
        raw = p.label.p(lang)
        if second is not None and run.script == main_script and (lang == main or (lang, second) in RELATED):
            # (a close relative of the second language, "ahí arriba" read as Catalan
            # in a Spanish-English conversation, is the second language too)
            switched = _second_says(text, p, main, second, labeller, lang != main, utterance)
            if switched is not None:
                lang, raw, how = second, switched, "detector"
        # (an utterance too short to ask, moved by its letters, says so)
        why = BY_SPELLING if how == "detector" and lang != UND and p.label.source == NOTHING else None
        piece = _final(p, lang, raw, how, why)
        for q in _quotes(text, piece, labeller, paired=second is None):
            for c in _clauses(text, q, labeller):
                if second is not None and run.script == main_script and c.lang in (main, second):
                    out.extend(_word_switches(text, c, main, second, labeller))
                else:
                    out.append(c)
    return out


# A document is bilingual (a conversation that switches, a text with quotations
# throughout) when pieces that plainly read as one other language, in the main
# script, are on at least this many lines and hold this share of its letters
# (a foreign paragraph or two in a text is no conversation).
SECOND_LINES = 3
SECOND_SHARE = 0.05
# How sure a detector must be of the second language, for a piece to count
# towards it and, asked between the two, for a piece to move to it.
PAIR_SURE = 0.9
# How sure a detector, asked between a bilingual document's two languages, must be
# of the second for an utterance to move to it (langdetect: six of its seven trials).
PAIR_MOVE = 0.85
# Fewer letters than this: a piece is told apart by its function words alone.
SECOND_WORDS_BELOW = 8
# The raw score of an utterance too short to ask about ("sí."), moved to the
# second language by a letter only it writes.
SHORT_SECOND = 0.5


def _second_language(text: str, runs: list[_Run], main: str, main_script: str | None, labeller: Labeller) -> str | None:
    """The document's second language, when it is bilingual, else None.

    It is the language of most letters among pieces in the main script whose
    answer is sure, long enough to switch as a line, and backed by its stop words.
    """
    if main == UND or main_script is None:
        return None
    need = labeller.settings.line
    sure = max(need.prob, PAIR_SURE)
    letters: Counter[str] = Counter()
    lines: dict[str, set[int]] = {}
    total = 0
    for run in runs:
        if run.script != main_script:
            continue
        for p in run.sents:
            total += p.letters
            lab = p.label
            if lab.lang in (UND, main) or lab.prob < need.prob or p.letters < need.letters:
                continue
            if (lab.lang, main) in RELATED:
                # A close relative of the main language is told apart by its own
                # words, not made a second language by answers that lean to it: a
                # Bosnian text's lines read as Croatian are no Croatian conversation
                # (as in _second_by_pairs and _mixes).
                continue
            # (a line that mixes in the language word by word has the main
            # language's stop words, and a detector less sure of it: its own
            # clues of the language count then, with what any line needs)
            if lab.prob >= sure:
                best, top, _ = _stop_top_of(spoken_hits(folded_words(text[p.start : p.end])))
                if top >= 1 and lab.lang in best:
                    letters[lab.lang] += p.letters
                    lines.setdefault(lab.lang, set()).add(run.block)
                    continue
            if _mixes(text, p, main, lab.lang):
                letters[lab.lang] += p.letters
                lines.setdefault(lab.lang, set()).add(run.block)
    if letters:
        lang = min(letters, key=lambda k: (-letters[k], k))
        # (Spanish lines of a conversation read as Portuguese or Catalan now and then)
        kin = [c for c in letters if c == lang or (c, lang) in RELATED]
        found = set().union(*(lines[c] for c in kin))
        if sum(letters[c] for c in kin) >= SECOND_SHARE * total:
            if len(found) < SECOND_LINES:
                found |= _mixed_lines(text, runs, main, main_script, lang, SECOND_LINES)
            if len(found) >= SECOND_LINES:
                return lang
    paired = _second_by_pairs(text, runs, main, main_script, labeller, total)
    if paired is None and not letters:
        return _second_by_mixing(text, runs, main, main_script, labeller)
    return paired


def _second_by_mixing(text: str, runs: list[_Run], main: str, main_script: str, labeller: Labeller) -> str | None:
    """The second language of a conversation that switches inside every line
    (no line reads as the other language as a whole), else None: the language
    whose function words, beyond the main language's, the document's lines hold
    most, when it mixes into at least SECOND_LINES lines (:func:`_mixes`)."""
    own = _stop_set(main)
    # Each piece's words, once (an ASCII piece's are what _mixes reads too).
    folded = {
        id(p): folded_words(text[p.start : p.end]) for run in runs if run.script == main_script for p in run.sents
    }
    # (all the lines' words counted in one go: the same sums as line by line)
    counts = spoken_hits(w for toks in folded.values() for w in toks if w not in own)
    cands = [canonical(c) for c in counts if canonical(c) != main and canonical(c) in labeller.detector.languages]
    if not cands:
        return None
    lang = min(set(cands), key=lambda c: (-counts[c], c))
    mixed = _mixed_lines(text, runs, main, main_script, lang, SECOND_LINES, folded)
    return lang if len(mixed) >= SECOND_LINES else None


# A line of the main language mixes in the second (word by word, as bilinguals
# do) when this many of its words, and this share of them, are clues of the
# second: letters only its alphabet has, function words only its list has.
MIXED_CLUES = 3
MIXED_SHARE = 0.15


def _mixed_lines(
    text: str,
    runs: list[_Run],
    main: str,
    main_script: str,
    lang: str,
    enough: int | None = None,
    folded: dict[int, list[str]] | None = None,
) -> set[int]:
    """Lines (blocks) in the main language whose own words mix in ``lang``
    (once ``enough`` are found, no more are looked for; ``folded``: each
    piece's :func:`folded_words` by its ``id``, when the caller has them)."""
    found: set[int] = set()
    if (lang, main) in RELATED:
        return found  # (no piece mixes a close relative in: _mixes)
    get = (folded or {}).get
    for run in runs:
        if enough is not None and len(found) >= enough:
            break
        if run.script == main_script and run.block not in found:
            if any(_mixes(text, p, main, lang, get(id(p))) for p in run.sents):
                found.add(run.block)
    return found


def _mixes(text: str, p: _Piece, main: str, lang: str, folded: list[str] | None = None) -> bool:
    """Whether piece ``p`` mixes words of ``lang`` into ``main`` (see MIXED_CLUES;
    ``folded``: its :func:`folded_words`, when the caller has them)."""
    if (lang, main) in RELATED:
        return False
    piece = text[p.start : p.end]
    # An ASCII word's only evidence is being a function word of ``lang`` alone
    # (what _word_evidence finds for it, without weighing it word by word).
    only = _only_function_words(lang, main)
    if piece.isascii():
        # (the words of the lower-cased piece are the lower-cased words: its
        # folded words, as case-folding is lower-casing in ASCII)
        toks = find_words(piece.lower()) if folded is None else folded
        clues = sum(map(only.__contains__, toks))
    else:
        toks = find_words(piece)
        clues = sum(w.lower() in only if w.isascii() else _word_evidence(w, main, lang) > 0 for w in toks)
    return clues >= MIXED_CLUES and clues >= MIXED_SHARE * len(toks)


@functools.lru_cache(maxsize=256)
def _only_function_words(lang: str, other: str) -> frozenset[str]:
    """The function words of ``lang`` that ``other`` does not have
    (:func:`_stop_set`), of two letters or more (a lone letter is an initial
    as often as a word)."""
    return frozenset(w for w in _stop_set(lang) - _stop_set(other) if len(w) > 1)


def _second_by_pairs(
    text: str, runs: list[_Run], main: str, main_script: str, labeller: Labeller, total: int
) -> str | None:
    """The second language of a conversation whose utterances are too short for
    the detector to be sure among all its languages ("no te cabe." reads as
    Portuguese, "pero ahora no sé..." as Portuguese, "éste mira el countdown"
    as Catalan), else None.

    Each language the detector names for some line (or a close relative of
    it) is a candidate; a line confirms it when, asked between the main
    language and the candidate, the detector is sure of the candidate and the
    line's function words or letters are the candidate's rather than the main
    language's.  The candidate confirmed on most letters must meet the same
    bars as above (lines and share of letters).
    """
    known = labeller.detector.languages
    if main not in known:
        return None
    pieces: list[tuple[_Piece, int]] = []
    said: dict[int, str] = {}  # piece start -> the one language its function words name, if any
    cands: set[str] = set()
    for run in runs:
        if run.script != main_script:
            continue
        for p in run.sents:
            lab = p.label
            if lab.lang in (UND, main) or p.letters < SECOND_WORDS_BELOW or lab.source != BY_DETECTOR:
                continue
            pieces.append((p, run.block))
            cands.add(lab.lang)
            cands.update(b for a, b in RELATED if a == lab.lang)
            # A short utterance the detector scatters over neighbours ("I love my
            # dog." read as Norwegian, "you're beautiful boy." as French) still
            # names its language by its function words: a candidate too.
            named, top, _ = _stop_top_of(spoken_hits(folded_words(text[p.start : p.end])))
            if top >= 1 and len(named) == 1 and main not in named:
                (said[p.start],) = named
                cands.add(said[p.start])
    sure = max(labeller.settings.line.prob, PAIR_SURE)
    best: tuple[int, str, list[_Piece]] | None = None
    # (a close relative of the main language is told apart by its own words, not
    # by short lines asked between the two: Afrikaans "het nie" reads as Dutch)
    for lang in sorted(c for c in cands & known - {main} if (c, main) not in RELATED):
        mine = [
            (p, block)
            for p, block in pieces
            if p.label.lang == lang or (p.label.lang, lang) in RELATED or said.get(p.start) == lang
        ]
        if len({block for _, block in mine}) < SECOND_LINES or sum(p.letters for p, _ in mine) < SECOND_SHARE * total:
            continue  # too few lines to confirm, whatever the answers (no question asked)
        letters, lines, confirmed = 0, set(), []
        for p, block in mine:
            piece = text[_after_speaker(text, p.start, p.end) : p.end]
            hits = _stop_top_of(spoken_hits(folded_words(piece)))[2]
            words_say = hits.get(lang, 0) > hits.get(main, 0)
            letters_say = _foreign_letters(piece, main) and not excluded(piece, frozenset({lang}))
            if not (words_say or letters_say):
                continue
            pair = labeller.detector.detect(piece, frozenset({main, lang}))
            if pair and pair[0][0] == lang and pair[0][1] >= sure:
                letters += p.letters
                lines.add(block)
                confirmed.append(p)
        if len(lines) >= SECOND_LINES and letters >= SECOND_SHARE * total:
            if best is None or letters > best[0]:
                best = (letters, lang, confirmed)
    if best is None:
        return None
    # Asked between a candidate and its close relatives, the lines that confirmed
    # it tell them apart better than each line alone (Spanish, not Catalan).
    group = frozenset({best[1]} | {b for a, b in RELATED if a == best[1]}) & cands & known
    if len(group) > 1:
        body = " ".join(text[p.start : p.end] for p in best[2])[:DOC_SAMPLE]
        ranked = labeller.detector.detect(body, group)
        if ranked:
            return ranked[0][0]
    return best[1]


def _second_says(
    text: str,
    p: _Piece,
    main: str,
    second: str,
    labeller: Labeller,
    relative: bool = False,
    utterance: bool = True,
) -> float | None:
    """The probability that piece ``p``, kept in ``main``, is in the bilingual
    document's ``second`` language, when its own evidence says so; else None.

    Between the document's two languages a short utterance needs no more than
    the detector, asked between the two, being sure of the second: "igual que
    Carla no ha hecho nada.", "dónde?" or "I'm gonna kill you." in a
    conversation of the other language, while "yeah." and "ok." stay in the
    main language.  A piece whose function words are the main language's as
    much as the second's ("no.", "or you can do a..."), or that the detector,
    free to choose among all its languages, reads as the main language, needs
    its letters or its words to say the second as well, and so does a line
    that is not an ``utterance`` (page furniture).
    """
    piece = text[_after_speaker(text, p.start, p.end) : p.end]
    hits = _stop_top_of(spoken_hits(folded_words(piece)))[2]
    own, other = hits.get(main, 0), hits.get(second, 0)
    words_say = other > own
    # One letter the main language does not write is enough here ("qué" in English).
    letters_say = _foreign_letters(piece, main) and not excluded(piece, frozenset({second}))
    # The detector alone, among all its languages, reads the piece as the second or its kin.
    label_says = p.label.lang == second or (p.label.lang, second) in RELATED
    main_says = p.label.lang == main or (own and own >= other)
    # (a line of page furniture, "Quizzes" or "Science" in a menu, is no utterance
    # of a conversation: it always needs its own evidence)
    if (main_says or not utterance) and not (words_say or letters_say or label_says or relative):
        return None
    if p.letters < MIN_DETECT_LETTERS:
        # "sí.": too short to ask; a letter only the second writes says it.
        return SHORT_SECOND if letters_say and not main_says else None
    asked = main
    if main not in labeller.detector.languages and _reads_as_kin(main, labeller):
        # Asked between the two, a detector that lacks the main language could only
        # answer the second (Corsican lines of a Corsican-French interview): it is
        # asked between the relative it reads the main language as and the second.
        asked = min(r for r in LANGUAGES[main].relatives & labeller.detector.languages if main in _read_as(r))
        if asked == second:
            return None
    pair = labeller.detector.detect(piece, frozenset({asked, second}))
    # (close relatives, Afrikaans and Dutch, need the detector surer)
    related = (main, second) in RELATED
    if not pair or pair[0][0] != second:
        return None
    # Letters the main language never writes, or function words of the second
    # more than of the main language, and the detector free to choose among all
    # its languages, both say the second ("tú sabes?", "yo voy..." in English):
    # two signals that agree need no more than the pair's leaning.
    both_say = (letters_say or words_say) and label_says and not related
    if pair[0][1] < (PAIR_SURE if related else PAIR_MOVE) and not both_say:
        return None
    return pair[0][1]


# Switching word by word ("Ja es war eigentlich sehr gut ama bazenleri güzel de
# değildi weil ähm ich"): inside a line of a bilingual document each word is
# weighed between the two languages (its letters, its being a function word of
# one list and not the other, the detector asked between the two), and the
# line is cut where the likeliest sequence of languages changes; a change of
# language costs SWITCH_COST (in natural-log odds), so one ambiguous word never
# makes a switch, while two or three clear words do.  (2.5 against 2, 3, 3.5
# and 4, re-measured once the conversation's second language was found more
# often: langseg-cs-dev fragment F1 with langid 0.825 -> 0.838 and fastText 0.823
# -> 0.830 on both halves, langdetect 0.831 -> 0.840 (even half -0.001);
# langseg-dev and web pages do not move.)
SWITCH_COST = 2.5
# Starting a line in the language its words as a whole did not give it costs as
# much as a switch: a run at the start of a piece needs the evidence of one in
# its middle (fastText reads "En jatka" opening a Finnish line as French).
START_COST = SWITCH_COST
# Log-odds a word gets from being a function word of one language and not the other,
# and from each letter only one of the two alphabets has.
WORD_STOP_ODDS = 2.0
WORD_LETTER_ODDS = 3.0
# The detector's answer on one word is clipped to these odds (it is sure of itself).
WORD_MAX_PROB = 0.98
# A line is weighed word by word only when this many of its words say the other
# language by their letters or as function words.
WORD_CLUES = 1


def _word_switches(text: str, p: _Piece, main: str, second: str, labeller: Labeller) -> list[_Piece]:
    """Piece ``p`` of a bilingual document cut where its words switch between
    ``main`` and ``second``; ``[p]`` when they do not."""
    if (main, second) in RELATED:
        return [p]  # close relatives share too many words to be told apart one by one
    toks = [(p.start + m.start(), p.start + m.end(), m.group()) for m in WORD.finditer(text[p.start : p.end])]
    if len(toks) < 2:
        return [p]
    # Only where some word's own spelling or function words say the other language
    # (the detector alone, on single words, would scatter any line).
    other = second if p.lang == main else main
    sign = 1 if other == second else -1
    clues = [_word_evidence(w, main, second) * sign > 0 for _, _, w in toks]
    if sum(clues) < WORD_CLUES:
        return [p]
    odds = [_word_odds(w, main, second, labeller) for _, _, w in toks]
    path = _likeliest(odds, p.lang == second)
    # A run in the other language keeps it only with a clue of its own inside,
    # and when, asked as a whole between the two, it reads as that language.
    mine = p.lang == second
    pair = frozenset({main, second})
    probs = [p.score] * len(path)  # each word's raw score: its run's
    i = 0
    while i < len(path):
        j = i
        while j < len(path) and path[j] == path[i]:
            j += 1
        if path[i] != mine:
            ranked = labeller.detector.detect(text[toks[i][0] : toks[j - 1][1]], pair) if any(clues[i:j]) else []
            if not ranked or ranked[0][0] != (second if path[i] else main):
                path[i:j] = [mine] * (j - i)
            else:
                probs[i:j] = [ranked[0][1]] * (j - i)
        i = j
    if len(set(path)) == 1:
        return [p]
    out: list[_Piece] = []
    for (s, _, _), second_here, prob in zip(toks, path, probs):
        lang = second if second_here else main
        if out and out[-1].lang == lang:
            continue
        start = p.start if not out else s
        if out:
            out[-1].end = s
        how = p.how if lang == p.lang else "detector"
        out.append(_Piece(start, p.end, p.script, 0, p.label, lang, prob, how, p.why if lang == p.lang else BY_SWITCH))
    return [_strip(text, x) for x in out if text[x.start : x.end].strip()]


def _likeliest(odds: list[float], start: bool) -> list[bool]:
    """The likeliest sequence of two states (True: the second language) for words
    with these log-odds of being in the second language (Viterbi).  A change
    costs :data:`SWITCH_COST`, and starting in another state than ``start``
    (the language the piece's words as a whole gave it) :data:`START_COST`;
    ties stay, and at the end go to the main language.

    >>> _likeliest([-3.0, 5.0, 5.0, -5.0, -5.0], False)
    [False, True, True, False, False]
    >>> _likeliest([-3.0, 3.0, -3.0], False)
    [False, False, False]
    """
    score = {False: -START_COST if start else 0.0, True: 0.0 if start else -START_COST}
    back: list[dict[bool, bool]] = []
    for x in odds:
        came = {
            state: state if score[state] >= score[not state] - SWITCH_COST else not state for state in (False, True)
        }
        score = {
            state: max(score[state], score[not state] - SWITCH_COST) + (x if state else -x) / 2
            for state in (False, True)
        }
        back.append(came)
    state = score[True] > score[False]
    path = []
    for came in reversed(back):
        path.append(state)
        state = came[state]
    path.reverse()
    return path


def _word_odds(word: str, main: str, second: str, labeller: Labeller) -> float:
    """Log-odds that ``word`` is in ``second`` rather than ``main``."""
    key = (word, main, second)
    found = labeller.word_odds.get(key)
    if found is not None:
        return found
    x = _word_evidence(word, main, second)
    if count_letters(word) >= MIN_DETECT_LETTERS:
        pair = dict(labeller.detector.detect(word, frozenset({main, second})))
        if pair:
            q = min(max(pair.get(second, 0.0), 1 - WORD_MAX_PROB), WORD_MAX_PROB)
            x += math.log(q / (1 - q))
    if len(labeller.word_odds) > LABEL_CACHE:
        del labeller.word_odds[next(iter(labeller.word_odds))]
    labeller.word_odds[key] = x
    return x


def _word_evidence(word: str, main: str, second: str) -> float:
    """Log-odds that ``word`` is in ``second`` rather than ``main`` from its own
    letters and function words alone."""
    x = 0.0
    folded = word.casefold()
    in_main, in_second = folded in _stop_set(main), folded in _stop_set(second)
    if in_second != in_main and len(folded) > 1:  # (not "m" of "куб.м", an initial)
        x += WORD_STOP_ODDS if in_second else -WORD_STOP_ODDS
    a, b = ALPHABETS.get(main), ALPHABETS.get(second)
    if a is not None and b is not None:
        for ch in folded:
            if not ch.isascii() and ch.isalpha() and (ch in a) != (ch in b):
                x += WORD_LETTER_ODDS if ch in b else -WORD_LETTER_ODDS
    return x


@functools.cache
def _stop_set(lang: str) -> frozenset[str]:
    """The stop words of ``lang`` under any of its codes (``no``: ``nb`` and ``nn``),
    with its words of speech (:func:`cleaner.stopwords.spoken_words`)."""
    codes = [code for code in stop_languages() if canonical(code) == lang]
    return frozenset().union(*(stopwords(code) | spoken_words(code) for code in codes))


def _foreign_letters(piece: str, lang: str) -> bool:
    """Whether ``piece`` has a letter beyond ASCII that ``lang``'s alphabet lacks."""
    alpha = ALPHABETS.get(lang)
    return alpha is not None and any(ch.isalpha() and ch not in alpha for ch in piece.lower() if not ch.isascii())


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
    why = NOT_ASKED if how == "embedded" else None
    return [_final(p, lang, 0.0, how, why) for p in run.sents]


# In a document whose main language the detector lacks, a piece leaves it only
# when this many of its words are function words of the language the detector
# names, or letters the main language does not write ("Tiek atbalstītas studentu
# vēlmes" in Irish text): its answer is otherwise the nearest thing it knows
# ("Hermaville Frantziako udalerria da, Pas-de-Calais departamenduan dagoena" is
# no Catalan).
UNKNOWN_MAIN_STOPS = 2


def _stops_favour(piece: str, lang: str, other: str) -> bool:
    """Whether ``piece``'s function words are ``lang``'s rather than ``other``'s,
    by :data:`DISAGREE_MARGIN` (Czech se, jste against Slovak sa, ste): between
    close relatives they outweigh a few letters that only ``other`` writes.
    Never when ``other`` has no list to compare with (Corsican: the Italian or
    French function words of a Corsican line say nothing against it)."""
    if other not in _STOP_LISTED:
        return False
    hits = stopword_hits(folded_words(piece))
    return hits.get(lang, 0) >= hits.get(other, 0) + DISAGREE_MARGIN


def _is_main(text: str, p, main: str, labeller: Labeller, level: str = "line", paired: bool = True) -> bool:
    """Whether a piece in the main script keeps the main language (``paired``:
    whether a piece the detector is less sure of may still leave it, see
    :func:`_pair_says`; not in a bilingual document, where the pair of its
    two languages decides, :func:`_second_says`)."""
    label = p.label
    if label.lang in (UND, main):
        return True
    if main in labeller.detector.languages:
        piece = text[p.start : p.end]
        if not _switch(label, main, p.letters, level, labeller.settings, piece=piece) and not (
            paired and _pair_says(piece, label, main, labeller, level)
        ):
            return True
        if (label.lang, main) in RELATED and _own_evidence(piece, main, label.lang):
            return True  # the main language's own letters or words (Czech ř, ě)
        if p.letters >= PAIR_CHECK_BELOW:
            if _stops_favour(piece, main, label.lang):
                return True
            # In one sentence, letters the main language does not write (beyond
            # a name's slip) settle that much: halves that lean elsewhere each
            # ("Nafig vajag to 3D visur, varbūt" reads as Lithuanian) do not
            # keep it in the main one.  (A paragraph's letters may all be in one
            # of its sentences: its sentences are judged one by one.)
            if len(getattr(p, "sents", ())) <= 1 and excluded(piece, frozenset({main})):
                return False
            return not _halves_agree(text, p, labeller, main)
        # A short piece: its function words must be the other language's more
        # than the main one's ("Emerging market stocks rose 0.48%." is not
        # Swedish) unless its letters are not the main language's ("Mergelės
        # Marijos šventovę" is no Latvian), and asked again between the two,
        # the detector must agree.
        hits = _stop_hits(folded_words(piece))
        if hits.get(label.lang, 0) <= hits.get(main, 0) and not excluded(piece, frozenset({main})):
            return True
        if label.lang not in labeller.detector.languages:
            # Named by its spelling (Basque, Irish): the detector cannot be asked
            # between the two, and its function words are already more than the main one's.
            return False
        pair = labeller.detector.detect(piece, frozenset({main, label.lang}))
        return not pair or pair[0][0] == main or pair[0][1] < labeller.settings.switch(level).prob
    # The detector cannot answer the main language (Irish, Kazakh…): what it says
    # instead is its usual confusion, unless the piece is long, sure and shows none
    # of the main language's own letters or words.
    piece = text[p.start : p.end]
    if label.lang == RIVALS.get(main) or letter_language(piece, frozenset({main})) or word_hits(piece, main):
        return True
    hits = stopword_hits(folded_words(piece))
    stops = hits.get(label.lang, 0)
    if stops < UNKNOWN_MAIN_STOPS and not _foreign_letters(piece, main):
        return True
    # A main language with letters of its own (Kazakh ә ғ қ, Azerbaijani ə) that the
    # piece lacks, and the other language's function words: the plain evidence.  So
    # are the other language's function words outnumbering the main language's own
    # by a margin ("De eigenaars van de mijnen hadden de" in Irish text).
    # (a main language read as its relative, Corsican as Italian: what the detector
    # calls it was renamed, and any other answer is no usual confusion)
    strict = (
        (main not in MARKER_LETTERS and not _reads_as_kin(main, labeller)) or stops < UNKNOWN_MAIN_STOPS
    ) and stops < max(UNKNOWN_MAIN_STOPS, hits.get(main, 0) + DISAGREE_MARGIN)
    return not _switch(label, main, p.letters, level, labeller.settings, strict=strict, piece=piece)


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


def _final(p: _Piece, lang: str, raw: float, how: str, why: str | None = None) -> _Piece:
    """``p`` decided: its language, raw score and what decided it (``how`` for
    calibration; ``why`` as shown, by default what the label's source says)."""
    if why is None:
        if how == "kept":
            why = BY_DOCUMENT
        elif how == "detector" or (how == "none" and p.label.lang == UND and lang == UND):
            why = p.label.source
        else:
            why = {"script": BY_SCRIPT, "embedded": BY_EMBEDDING}.get(how, NOTHING)
    p.lang, p.score, p.how, p.why = lang, raw, how, why
    return p


# A quoted single word ("agressívur", “garnishee”) is a term or a loan in scare
# quotes, said in the sentence's language: a quotation switches from two words.
QUOTE_WORDS = 2
# A quoted phrase shorter than the detector's quote letters is still asked when
# its letters rule the sentence's language out (more than a name's slip: "cơm hộp"
# in Czech text, "tâm sửa chữa" in Swedish): those letters stand in for the length
# it lacks, provided the detector's answer writes them.
SHORT_QUOTE_LETTERS = 6
# ... and so do function words: at least QUOTE_STOPS of the detector's answer,
# no other list having more, and more than the sentence's language has ("in
# dieci giorni" in English text, "za kierownicą, co" in Welsh, "un sistema que,
# de" in Swedish); one is a loan as often ("I can survive" in Afrikaans text
# reads as Italian by its "I"), and "na zona de" has more Galician than Spanish.
QUOTE_STOPS = 2


def _quotes(text: str, p: _Piece, labeller: Labeller, paired: bool = True) -> list[_Piece]:
    """Cut a quoted phrase in another language out of piece ``p`` (``paired``:
    a short one on its function words, or one the detector is less sure of,
    too; not in a bilingual document, whose words around a quotation are
    told apart between its two languages, :func:`_word_switches`)."""
    out, pos = [], p.start
    need = labeller.settings.quote.letters
    for s, e in quotes(text, p.start, p.end):
        n = count_letters(text[s:e])
        if len(find_words(text[s:e])) < QUOTE_WORDS:
            continue
        short = n < need
        if short and n < SHORT_QUOTE_LETTERS:
            continue
        stops = None
        if short and p.lang not in excluded(text[s:e], frozenset({p.lang})):
            if not paired:
                continue
            stops = _stop_top(folded_words(text[s:e]))
            if stops[1] < QUOTE_STOPS or stops[1] <= stops[2].get(p.lang, 0):
                continue  # (no answer can have the function words it needs: not asked)
        lab = labeller.label(text[s:e], p.script)
        if short and lab.lang in excluded(text[s:e], frozenset({lab.lang})):
            continue
        if stops is not None and lab.lang not in stops[0]:
            continue
        if _confusion(lab.lang, p.lang, labeller, text[s:e]):
            continue
        if not _switch(lab, p.lang, max(n, need), "quote", labeller.settings, piece=text[s:e]) and not (
            paired and _pair_says(text[s:e], lab, p.lang, labeller)
        ):
            continue
        if _titled(text[s:e], QUOTED_TITLE_SHARE, QUOTED_TITLE_WORDS) or _unfounded(
            text[s:e], lab.lang, p.lang, labeller
        ):
            continue
        if pos < s:
            out.append(_Piece(pos, s, p.script, 0, p.label, p.lang, p.score, p.how, p.why))
        out.append(_Piece(s, e, p.script, n, lab, lab.lang, lab.prob, "detector", BY_QUOTE))
        pos = e
    if not out:
        return [p]
    if pos < p.end:
        out.append(_Piece(pos, p.end, p.script, 0, p.label, p.lang, p.score, p.how, p.why))
    return [_strip(text, x) for x in out if text[x.start : x.end].strip()]


def _pair_says(piece: str, lab: Label, ctx: str, labeller: Labeller, level: str = "quote") -> bool:
    """Whether ``piece`` whose answer ``lab`` falls short of the probability its
    ``level`` needs is still plainly not in ``ctx``: long enough for the level,
    a line or sentence not mostly capitalised (a title or a list of names,
    as for a clause: :func:`_titled`; a quotation has its own test), the
    answer leaves ``ctx`` no more than the level allows, its function
    words are the answer's (more than any other list has) rather than ``ctx``'s, at
    least :data:`PAIR_STOPS` of them, and asked between the two the detector
    is sure of the answer (:data:`PAIR_QUOTE`; langdetect's six
    trials in seven for "het ‘n baie steil bult om" in French text, Afrikaans
    against Dutch; "No comment" in Italian text reads as French six times in
    seven but keeps Italian a share, and has no function words of either)."""
    known = labeller.detector.languages
    if lab.lang in (UND, ctx) or lab.lang not in known or ctx not in known:
        return False
    need = labeller.settings.switch(level)
    if lab.p(ctx) > need.max_main or (lab.lang, ctx) in RELATED:
        return False
    if count_letters(piece) < need.letters or (level != "quote" and _titled(piece)):
        return False
    best, top, hits = _stop_top(folded_words(piece))
    if best != {lab.lang} or top <= hits.get(ctx, 0) or top < PAIR_STOPS:
        return False
    pair = labeller.detector.detect(piece, frozenset({ctx, lab.lang}))
    return bool(pair) and pair[0][0] == lab.lang and pair[0][1] >= PAIR_QUOTE


# How sure the detector, asked between a piece's answer and the language around
# it, must be of the answer when its answer among all was less sure than a switch needs.
PAIR_QUOTE = 0.99
# Function words of the answer a piece needs for that (one can be a name's: “Bank of Baku”).
PAIR_STOPS = 2


def _unfounded(piece: str, lang: str, ctx: str, labeller: Labeller) -> bool:
    """Whether the detector's ``lang`` for ``piece`` inside ``ctx`` text, a language
    it lacks, has nothing behind it: neither :data:`UNKNOWN_MAIN_STOPS` function
    words of ``lang`` nor a letter ``ctx`` does not write (see :func:`_is_main`)."""
    if ctx == UND or ctx in labeller.detector.languages:
        return False
    stops = stopword_hits(folded_words(piece)).get(lang, 0)
    return stops < UNKNOWN_MAIN_STOPS and not _foreign_letters(piece, ctx)


def _confusion(lang: str, ctx: str, labeller: Labeller, piece: str = "") -> bool:
    """Whether the detector's ``lang`` for ``piece`` inside ``ctx`` text is only its
    usual confusion: ``ctx`` is a language it lacks, and ``lang`` is what it calls
    ``ctx`` or a close relative (a Malay title read as Indonesian, a Bosnian
    quotation as Croatian).  It cannot tell those apart, so it says nothing;
    unless the piece's letters rule ``ctx`` out (Serbian ј in Belarusian text,
    which writes no ј), and say it is not ``ctx`` whatever the detector knows.

    >>> from cleaner.detectors import make_detector
    >>> lab = _labeller(make_detector("langdetect"))
    >>> _confusion("sr", "be", lab, "породица је изразила уверење да")
    False
    >>> _confusion("uk", "be", lab, "галаве круцілася: як")
    True
    """
    if ctx == UND or ctx in labeller.detector.languages:
        return False
    if piece and ctx in excluded(piece, frozenset({ctx})):
        return False
    return lang == RIVALS.get(ctx) or (lang, ctx) in RELATED


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
        piece = _Piece(s, e, p.script, 0, p.label, p.lang, p.score, p.how, p.why)
        lang = _clause_language(text[s:e], p, labeller)
        if lang is not None:
            piece.lang, piece.score, piece.how, piece.why, changed = lang[0], lang[1], "detector", BY_CLAUSE, True
        out.append(piece)
    if not changed or not _really_mixed(text, p, out, labeller):
        return [p]
    return [_strip(text, x) for x in out if text[x.start : x.end].strip()]


def _really_mixed(text: str, p: _Piece, clauses: list[_Piece], labeller: Labeller) -> bool:
    """Whether the clauses left in ``p``'s language do read as it.

    A sentence that switches mid-way has its own language on the other side of
    the comma; a reference line ("R. Koessling, ed. and trans., Leben und
    Legende der heiligen Elisabeth") in a Swahili text has no Swahili at all, so
    its German title is no switch.  A sentence whose every long clause moved
    to one language is simply in that language.
    """
    stayed = [c for c in clauses if c.lang == p.lang and count_letters(text[c.start : c.end]) >= MIN_FOREIGN_RUN]
    if not stayed:
        moved = [c for c in clauses if c.lang != p.lang]
        share = sum(count_letters(text[c.start : c.end]) for c in moved) / max(1, count_letters(text[p.start : p.end]))
        return len({c.lang for c in moved}) == 1 and share >= WHOLE_SENTENCE
    return any(labeller.label(text[c.start : c.end], p.script).lang == p.lang for c in stayed)


def _clause_language(clause: str, p: _Piece, labeller: Labeller) -> tuple[str, float] | None:
    """(language, probability) of a clause that leaves ``p``'s language, else None."""
    n = count_letters(clause)
    if n < CLAUSE_LETTERS:
        return None
    toks = folded_words(clause)
    if len(toks) < CLAUSE_WORDS:
        return None
    top, own = stop_top_own(toks, p.lang)  # (most clauses stop here: no Counter for them)
    if top < CLAUSE_STOPS or top <= own:  # no language has enough words, more than the piece's
        return None
    if _titled(clause):
        return None
    hits = stopword_hits(toks)
    label = labeller.label(clause, p.script)
    mine = hits.get(label.lang, 0)
    if label.lang in (UND, p.lang) or mine < max(CLAUSE_STOPS, own + 1):
        return None
    related = (label.lang, p.lang) in RELATED
    if related and p.lang not in labeller.detector.languages:
        return None  # a relative is what the detector calls a language it lacks
    if related and not _own_evidence(clause, label.lang, p.lang):
        # A few words between commas read as a close relative are a coin toss
        # ("el camp de futbol del riu Valira" in Spanish, an Afrikaans clause read
        # as Dutch): a clause moves to a relative only on its own letters, marker
        # words or function words (:func:`_own_evidence`; the function-word rule
        # below leaves relatives out altogether).
        return None
    if _switch(label, p.lang, n, "sentence", labeller.settings):
        return label.lang, label.prob
    # Function words that are clearly the detector's language (and no relative's
    # of the sentence's) stand in for the certainty a short clause cannot give.
    if (
        mine >= 2 * own + CLAUSE_STOPS
        and mine == max(hits.values())
        and (label.lang, p.lang) not in RELATED
        and label.p(p.lang) <= labeller.settings.sentence.max_main
    ):
        return label.lang, label.prob
    return None


# A clause most of whose words start with a capital ("Hard Times (1854) a Little
# Dorrit (1856).", "Young Lucretia and Other Stories") is a title or a list of
# names cited in the sentence's own language, not a switch: speech that switches
# writes its clauses in lower case (even German capitalises only its nouns).
# A quotation is cut out of running text, so capitals are rarer there still: a
# quoted phrase of this many words at least, nearly all capitalised, is a title
# or a name ("Download Lagu Avenged Sevenfold - Crossroads Mp3", "European Voice").
TITLE_SHARE = 0.5
QUOTED_TITLE_SHARE = 0.75
QUOTED_TITLE_WORDS = 2


def _titled(piece: str, share: float = TITLE_SHARE, min_words: int = 1) -> bool:
    """Whether ``piece`` has ``min_words`` words or more, and more than ``share``
    of them start with a capital."""
    toks = find_words(piece)
    return len(toks) >= min_words and sum([w[0].isupper() for w in toks]) > share * len(toks)


def _strip(text: str, p: _Piece) -> _Piece:
    while text[p.start].isspace():
        p.start += 1
    while text[p.end - 1].isspace():
        p.end -= 1
    return p


def _merge(pieces: list[_Piece], letters: list[int]) -> list[_Piece]:
    """Join neighbours of one language and script (``letters``: each piece's
    letters); score is the letter-weighted mean, and what decided it is what
    decided the piece with most letters (the first of equals)."""
    out: list[_Piece] = []
    most: list[int] = []  # per merged piece, the letters of the piece its ``why`` comes from
    for p, n in zip(pieces, letters):
        if out and out[-1].lang == p.lang and out[-1].script == p.script:
            q = out[-1]
            total = q.letters + n
            q.score = (q.score * q.letters + p.score * n) / total if total else max(q.score, p.score)
            q.end, q.letters = p.end, total
            if n > most[-1]:
                q.why, most[-1] = p.why, n
        else:
            out.append(_Piece(p.start, p.end, p.script, n, p.label, p.lang, p.score, p.how, p.why))
            most.append(n)
    return out


def letter_counts(segments: list[Segment]) -> Counter[str]:
    """Letters per language over ``segments`` (``und`` left out)."""
    counts: Counter[str] = Counter()
    for s in segments:
        if s.lang != UND:
            counts[s.lang] += count_alpha(s.text)
    return counts


def letter_shares(segments: list[Segment]) -> dict[str, float]:
    """Share of letters per language over ``segments``, largest first."""
    counts = letter_counts(segments)
    total = sum(counts.values())
    if not total:
        return {}
    return {k: round(v / total, 4) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}
