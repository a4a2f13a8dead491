"""Classify blocks: content, heading, boilerplate or duplicate, with a reason.

Every rule about what is page furniture lives here (with the data of
:mod:`cleaner.phrases` and :mod:`cleaner.stopwords`).  The method follows
jusText (Pomikálek 2011), adapted to lines of text without HTML, with
signals of shape that hold on any site and in any language:

1. **Sure furniture**, whatever the context: a known phrase, or several in a
   row ("Leave a Reply Cancel reply": ``phrase``), a
   copyright line (``copyright``), a line of tags, entities or web addresses,
   or one that opens with a tag and closes one (``markup``), short items
   between separators or link texts run together ("Home » News » World",
   "转发|收藏|评论", a breadcrumb ending with the title: ``link-list``), a link to a story's comments with their
   count and its title ("Comments (0) - Title": ``comments``), two labelled
   counts and little else ("Views: 1341 Comments: 0": ``counters``), a line
   repeated in many documents of the run (``repeated-across-docs``), a line without
   letters (``no-letters``).
2. **Shape** of each other line: ``good`` (long, prose-like stop-word density),
   ``near`` (prose-like but shorter, several whole sentences, or in a
   language other than the document's), ``short`` or ``bad`` (long but not
   prose: lists of names, bylines, dates).  Stop-word density uses the list
   of the language that fits the document's words in the line's script; a
   script with no usable list (none, or words not spaced: Thai) is judged by
   length and context alone.
3. **Teasers** above the article: three or more cards in a row, each a title
   and one short paragraph, right above the headline of the first two full
   paragraphs in a row (``teasers``); on a page without two, around a news
   item of one paragraph twice as long as any other prose line (right above
   its headline and right after it).  Three or more titles in a row that
   open with a time or a date, whatever their length, are a ticker or an
   archive list (``dated-list``).  A related-stories header above the body
   with two or more title-like lines under it is a box of links (``related``).
4. **Main text**: prose lines close together form stretches (times of day,
   counts and dates, and section headers always separate them); stretches
   that score (words × purity) under a share of the best one are
   ``off-main`` (teaser lists, comment threads, footers) unless they lie
   between kept ones, or next to them with two full paragraphs and no sure
   furniture between (a lede above a table of contents); a stretch under a larger share of the best that five
   lines of sure furniture (menus, phrases, share bars) cut off from the
   article goes too.  A comment-section header once the article has begun
   (or its one paragraph is over) drops all the prose after it
   (``comments``); a related-stories header after the article ("Related
   coverage", "Читайте также", "相关阅读"), a live feed's ("Direct",
   "Liveticker", "Лента новостей") or a share bar ("Share", "Поделиться"),
   drops what follows unless the
   text resumes right after its box or the stretch is as long as half the
   article and does not open with teaser cards (``related``).  A document
   with no prose line at all, or whose lines nearly all end as sentences (a
   transcript), is not a page: only its sure furniture goes.
5. **Context**: short and near lines take the class of their neighbours (a run
   of short lines between bad ones is navigation, ``nav-run``; a short line
   between two good ones is kept, unless it is one of a list of dated
   titles; a near line between bad ones goes, ``context``, unless three
   near sentences stand in a row), except inside the body (between its
   first and last full paragraph), where whole sentences, lines of code
   ("return x + y;") and the lines of a hard-wrapped paragraph stay, and right
   under the headline (a body of one sentence).  A hard-wrapped paragraph
   with one kept line is kept whole, wherever it stands.  The short lines right
   after a kept paragraph ending with a colon are the list it announces,
   and a whole sentence right after the last full paragraph, before sure
   furniture or the page's end, is the article's last line.
   An author box ending the article ("About Jane Doe" and a biography)
   goes (``author-box``).
6. **Headings**: a heading-like line (short, no terminal punctuation, starts
   with a capital or uncased letter, not a line of counts) between content
   paragraphs is a sub-heading; the nearest substantial one before the
   first body paragraph, in the document's main script, is the headline
   (a byline, "By Jane Smith", is passed over: the headline is above it;
   a Han or kana headline is measured by its length, not its characters).
7. **Duplicates** among kept lines: exact (``exact-dup``, after normalisation)
   and near-exact (``near-dup``: same words but a few) repeats of an earlier
   kept line are dropped; the first copy stays.  Inside the body, a line
   that recurs alone, well after its copy, is the text's own (an
   interview's questions); lines of code (HTML input) never are duplicates.

``favor`` (``--favor``) leans doubtful lines towards precision or recall
(:data:`FAVOR`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, repeat

from .features import ITEM_MAX_CJK, ITEM_MAX_WORDS, Features, features, stop_density
from .languages import UNSPACED_SCRIPTS
from .phrases import (
    is_author_header,
    is_byline,
    is_comment_header,
    is_live_header,
    is_related_header,
    is_share_bar,
    normalize,
    phrases,
)
from .records import BOILERPLATE, CONTENT, DUPLICATE, HEADING, Block
from .repeats import Repeats
from .scripts import HAN_WRITING, is_cjk
from .stopwords import named_stoplist, pick_languages, stopwords

# jusText's defaults (characters, stop-word shares), which we keep: they were
# tuned on many languages and our lines are its paragraphs.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# Han/kana text has far fewer function "words" per character than spaced
# scripts have per word; these apply to its one-character tokens.
CJK_STOPWORDS_LOW = 0.12
CJK_STOPWORDS_HIGH = 0.15
CJK_CLAUSE_LENGTH = 75  # characters (Han/kana weighted) of prose without a comma or a full stop, at most
# ... and of a line that does not end as a sentence, per comma or inner "！"/"？"
# (such prose on the dev pages has at most 50 per mark, headlines run together 68
# and more; jusText's LENGTH_HIGH / 2 is the shortest such line judged).
CJK_TITLES_CLAUSE_LENGTH = 60
OWN_LANGUAGE_MIN_WORDS = 8
# The stop-word share of plain prose where jusText's thresholds work (English,
# German, Spanish news: 0.4-0.5); a document needs this many long full
# sentences to say what its own prose scores, and the thresholds come down by
# at most MIN_SCALE.
PROSE_DENSITY = 0.40
PROSE_LINES = 3
MIN_SCALE = 0.4
PROSE_SENTENCES = 2  # whole sentences on one line that make it prose-like whatever its words
TITLE_CASE = 0.6  # share of capitalised words above which a line reads as a title
NEAR_RUN_LINES = 3  # near lines in a row that read as a text of short paragraphs
TEASER_RUN = 3  # title-and-summary cards in a row that make a list of teasers
LONE_ITEM_RATIO = 2  # times as long as any other prose line: a news item of one paragraph
NAV_RUN_LINES = 3  # removed short lines in a row that make a navigation run
MAX_HEADING_WORDS = 15
MAX_HEADING_LENGTH = 150
HEADLINE_LOOKBACK = 8  # lines searched backwards from the body for the headline
HEADLINE_MIN_WORDS = 2
HEADLINE_MIN_LENGTH = 20  # characters (Han/kana weighted) when it has fewer words
LEDE_GAP = 2  # date or byline lines between a headline and its first sentence
AUTHOR_MAX_WORDS = 6  # words of an author box's header ("About Jane Doe")
AUTHOR_BIO_LINES = 2  # paragraphs of its biography
COPYRIGHT_MAX_WORDS = 25
MARKUP_SHARE = 0.5  # of a line's characters in tags, entities and addresses: not text
LINK_LIST_ITEMS = 3  # short items between separators that make a line a menu
GLUED_SHARE = 5  # at most this many words per place where two link texts run together
META_MAX_WORDS = 8  # words of a line of counts and dates
META_LABEL_WORDS = 3  # words around a single count ("65 comments", "3 hours ago")
# Prose lines separated by at most this many other lines belong to one stretch;
# stretches under this share of the largest one's words are off the main text.
REGION_GAP = 2
REGION_SHARE = 0.2
# A weak stretch (under the Leaning's far_share of the best) with this many
# lines of sure furniture between it and the article is not the article's.
FAR_FURNITURE_LINES = 5
FAR_SHARE = 0.3
# A weak stretch right before or after the article, with no line of sure
# furniture between them, is the article's (a lede above a table of contents,
# the text after a table or a list) when it holds this many full paragraphs
# (distinct ones); it may lie beyond this many weaker stretches, which then
# lie between kept ones.
ADJOIN_PARAGRAPHS = 2
ADJOIN_PAST = 1
COMMENTS_AFTER_PARAGRAPHS = 2  # full paragraphs before a comment header may end the article
# A related-stories header after the article ends it: the prose after it stays
# only when it scores this share of the article's best stretch (the header was
# a box inside the article).  Choosing that stretch, one that follows such a
# header counts only this share of its score.
RELATED_KEEP_SHARE = 0.5
AFTER_HEADER_WEIGHT = 0.3
# After such a header, a stretch made of teaser cards goes however long it is;
# their summaries may run to this many characters (above the article, where
# an article's own sections are near, LENGTH_HIGH).
TEASER_AFTER_LENGTH = 2 * LENGTH_HIGH
INLINE_BOX_LINES = 3  # links in a "Read also" box inside an article
RELATED_BOX_ITEMS = 2  # title-like lines under a related-stories header above the article that make it a box
COMMENT_HEADER_MAX_WORDS = 8  # (Han/kana: characters) no header in the list is longer
BODY_SENTENCE_WORDS = 3  # words of a short sentence kept inside the body
# A paragraph hard-wrapped at a fixed width (60-80 columns) comes as this many
# lines or more, each but the last at least this long (a break falls at the
# last space before the width) and running on into the next in small letters.
# A caption or a label that runs on into a button ("… hide caption",
# "toggle caption") is one such pair, not a paragraph.
WRAP_LINES = 3
WRAP_MIN_LENGTH = 40
NEAR_DUP_MIN_WORDS = 6
NEAR_DUP_JACCARD = 0.8
# Inside the body, a kept line repeated within this many lines of its copy is
# a duplicate (an image's caption and alt text); further on it is the text's own.
BODY_DUP_LINES = 3
CODE_TAGS = frozenset({"pre", "code"})  # HTML input: lines of code are never duplicates

# A line that starts with a time or a full date (not a bare year) and goes on:
# "13:43 Accusation de viols", "15.03.2024 Remont dworca", "January 15, 2008
# Police Make Arrest", "15 марта 2024 Мост закроют".
_DATED = re.compile(
    r"\s*(?:\d{1,2}[:.h]\d\d|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|[^\W\d_]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\d{1,2}\.?\s+[^\W\d_]+\.?,?\s+(?:19|20)\d\d)\b.*\w"
)
_TIME = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3])[:h]\d\d(?![\d:])")

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"

# Reasons a line is removed (Block.reason, shown in --format tsv/jsonl).
NO_LETTERS = "no-letters"
PHRASE = "phrase"
COPYRIGHT = "copyright"
REPEATED = "repeated-across-docs"  # furniture found in many documents of the run
SHORT_LINE = "short"
OTHER_SCRIPT = "other-script"
NOT_PROSE = "not-prose"
CONTEXT = "context"
NAV_RUN = "nav-run"
OFF_MAIN = "off-main"
COMMENTS = "comments"
TEASERS = "teasers"  # a run of title-and-summary cards: other stories
MARKUP = "markup"  # mostly tags, entities or web addresses
LINK_LIST = "link-list"  # short items between separators: a menu, breadcrumb or toolbar
RELATED = "related"  # after a related-stories (or tags, most read) header that ends the article
AUTHOR_BOX = "author-box"
DATED_LIST = "dated-list"  # a run of titles that open with a time or a date: a ticker, an archive
COUNTERS = "counters"  # labelled counts and little else: "Views: 1341 Comments: 0 Print version"
# What is furniture whatever its context, and so walls the article off (_beyond_furniture).
WALL_REASONS = frozenset({PHRASE, COPYRIGHT, REPEATED, COMMENTS, MARKUP, LINK_LIST, RELATED, DATED_LIST, COUNTERS})
EXACT_DUP = "exact-dup"
NEAR_DUP = "near-dup"
CROSS_DOC_DUP = "cross-doc-dup"  # kept in an earlier document of the run
# A kept line found first in an earlier document of the run is a copy (syndicated
# news, http/https twins) when it is at least this long (characters, Han/kana
# weighted), or when it sits next to such a copy: short common lines ("Thank
# you.", "Conclusion") recur between unrelated documents.
COPY_MIN_LENGTH = 40
TEXT_SENTENCE_SHARE = 0.9  # of the lines of a text that is not a page that end as sentences
TEXT_MIN_LINES = 5  # lines with letters it takes to tell


@dataclass(frozen=True)
class Leaning:
    """Which way doubtful lines go: the user's choice between precision and
    recall (``--favor``), as trafilatura offers.  The balanced default scores
    best on the development pages (``bench/boilerplate.py``)."""

    region_share: float = REGION_SHARE  # stretches under this share of the best are off the main text
    titles_are_prose: bool = True  # a middle-length line without a sentence's end counts as prose
    body_keeps_short: bool = False  # every short line inside the body stays, not only whole sentences
    related_ends: bool = True  # a related-stories header after the article ends it
    far_share: float = FAR_SHARE  # weaker stretches behind a wall of furniture go (0: never)
    adjoins: bool = True  # weak stretches next to the article with no furniture between stay


BALANCED = Leaning()
FAVOR: dict[str, Leaning] = {
    "balanced": BALANCED,
    "precision": Leaning(region_share=2 * REGION_SHARE, titles_are_prose=False, far_share=2 * FAR_SHARE, adjoins=False),
    "recall": Leaning(region_share=REGION_SHARE / 2, body_keeps_short=True, related_ends=False, far_share=0.0),
}


@dataclass
class _Line:
    block: Block
    text: str
    f: Features
    cls: str = ""  # good / near / short / bad
    sure: str = ""  # reason when the line is furniture whatever its context
    density: float = 0.0
    why: str = ""  # what the shape said of it (short, other-script, not-prose, context)
    in_body: bool = False  # between two full paragraphs of one kept stretch


def classify(
    text: str, blocks: list[Block], repeats: Repeats | None = None, order: int | None = None, favor: str = "balanced"
) -> list[Block]:
    """Set ``kind`` and ``reason`` on each block of ``text``; returns ``blocks``.

    ``repeats``, when given, is what the first pass learned about lines
    repeated across the documents of the run (:class:`cleaner.repeats.Repeats`),
    and ``order`` this document's place in the run: repeated furniture goes
    (``repeated-across-docs``), and a kept line that an earlier document of
    the run already has is a ``duplicate`` (``cross-doc-dup``).  ``favor``
    (a key of :data:`FAVOR`) says which way doubtful lines go.

    >>> from cleaner.split import split_blocks
    >>> t = "Breaking News\\nA Title\\nA body sentence that runs on and on, as they do.\\n" * 2
    >>> for b in classify(t, split_blocks(t)):
    ...     print(b.kind, b.reason or "-")
    boilerplate phrase
    heading -
    content -
    boilerplate phrase
    boilerplate short
    duplicate exact-dup
    """
    if favor not in FAVOR:
        raise ValueError(f"unknown favor {favor!r}: one of {', '.join(FAVOR)}")
    leaning = FAVOR[favor]
    lines = [_Line(b, text[b.start : b.end], features(text[b.start : b.end])) for b in blocks]
    if not lines:
        return blocks
    main, langs = _languages(lines)
    scale = _density_scale(lines, main, langs)
    known = phrases()
    for ln in lines:
        f = ln.f
        if not f.key or f.letters == 0:
            ln.sure = NO_LETTERS
        elif known.match(f.key):
            ln.sure = PHRASE
        elif f.copyright and f.n_words <= COPYRIGHT_MAX_WORDS:
            ln.sure = COPYRIGHT
        elif _markup_text(ln):
            ln.sure = MARKUP
        elif _link_list(ln):
            ln.sure = LINK_LIST
        elif _comment_link(ln):
            ln.sure = COMMENTS
        elif _counters(ln):
            ln.sure = COUNTERS
        elif _phrase_run(ln):
            ln.sure = PHRASE
        ln.cls = BAD if ln.sure else _shape(ln, main, langs, scale, leaning)
    if repeats is not None:
        _repeated_furniture(lines, repeats)
    if not any(ln.cls in (GOOD, NEAR) for ln in lines) or _text_shaped(lines):
        # Nothing reads like prose, or nearly every line ends as a sentence
        # does: not a scraped page (a title, a list, one short line per
        # document, a transcript).  Only sure furniture goes.
        for ln in lines:
            if not ln.sure:
                ln.cls = GOOD
    elif not any(ln.cls == GOOD for ln in lines):
        # Only shorter prose (short paragraphs): the best the page has.
        for ln in lines:
            if ln.cls == NEAR and ln.why != OTHER_SCRIPT:
                ln.cls = GOOD
    _teasers(lines, main)
    _dated_lists(lines)
    _related_box(lines)
    _main_region(lines, leaning)
    _context(lines, leaning)
    _whole_paragraphs(lines)
    _author_box(lines)
    for ln in lines:
        ln.block.kind = CONTENT if ln.cls == GOOD else BOILERPLATE
        ln.block.reason = "" if ln.cls == GOOD else (ln.sure or ln.why)
    _headings(lines, main)
    _duplicates(lines)
    if repeats is not None and order is not None:
        _copies(lines, repeats, order)
    _page_markup(lines)
    for ln in lines:
        if ln.block.kind in (CONTENT, HEADING):
            ln.block.reason = ""
    return blocks


def _text_shaped(lines: list[_Line]) -> bool:
    """Whether nearly every line with letters ends as a sentence does
    (``TEXT_SENTENCE_SHARE``): plain text or a transcript.  A page's dump has
    menus, titles and buttons: on the development pages, nine in ten have
    under half their lines ending so."""
    ends = [ln.f.terminal for ln in lines if ln.sure != NO_LETTERS]
    return len(ends) >= TEXT_MIN_LINES and sum(ends) >= TEXT_SENTENCE_SHARE * len(ends)


def _languages(lines: list[_Line]) -> tuple[str, dict[str, str]]:
    """The document's main script, and the stop-list language for each script."""
    by_script: dict[str, list[str]] = {}
    weight: Counter[str] = Counter()
    for ln in lines:
        if ln.f.markup >= MARKUP_SHARE:
            continue  # (a crawler's leftover tags say nothing of the page's language)
        by_script.setdefault(ln.f.script, []).extend(ln.f.words)
        weight[ln.f.script] += ln.f.length
    weight.pop("Zyyy", None)
    main = min(weight, key=lambda s: (-weight[s], s)) if weight else "Zyyy"
    return main, pick_languages(by_script)


def _density_scale(lines: list[_Line], main: str, langs: dict[str, str]) -> float:
    """How far below jusText's thresholds this document's own prose sits.

    jusText's stop-word shares fit languages whose function words stand alone;
    Finnish or Arabic attach them to the word ("talossa", "بروحه"), so their
    plainest prose scores far lower.  The document's long full sentences in its
    main script are its prose: when their median share is below what prose
    has in those languages, the thresholds come down by the same factor.
    """
    lang = langs.get(main, "")
    if not lang or main in UNSPACED_SCRIPTS:
        return 1.0  # no spaces between words: shares of "words" mean little
    stops = stopwords(lang)
    shares = sorted(
        stop_density(ln.f.words, stops)
        for ln in lines
        if ln.f.script == main and ln.f.terminal and ln.f.length >= LENGTH_HIGH
    )
    if len(shares) < PROSE_LINES:
        return 1.0
    median = shares[len(shares) // 2]
    return max(MIN_SCALE, min(1.0, median / PROSE_DENSITY))


def _shape(ln: _Line, main: str, langs: dict[str, str], scale: float = 1.0, leaning: Leaning = BALANCED) -> str:
    f = ln.f
    lang = langs.get(f.script, "")
    cjk = f.script in HAN_WRITING
    low, high = (CJK_STOPWORDS_LOW, CJK_STOPWORDS_HIGH) if cjk else (STOPWORDS_LOW, STOPWORDS_HIGH)
    if f.script == main:
        low, high = low * scale, high * scale
    if not lang or (f.script in UNSPACED_SCRIPTS and not cjk):
        # No stop list fits the script, or its words are not spaced (Thai,
        # Khmer): the share cannot be measured, so it says nothing against
        # prose, and length and context decide.
        ln.density = high
        cjk = True  # (counted like Han: a short sentence needs no five "words")
    else:
        ln.density = stop_density(f.words, stopwords(lang))
    if ln.density < high and f.n_words >= OWN_LANGUAGE_MIN_WORDS and not cjk:
        # A sentence in another language of the same script (a quote, a
        # translation) is measured against its own list.
        own = pick_languages({f.script: f.words}).get(f.script)
        if own and own != lang:
            ln.density = max(ln.density, stop_density(f.words, stopwords(own)))
    if f.length < LENGTH_LOW:
        ln.why = SHORT_LINE
        # A whole short sentence (a credit line, a one-line paragraph) reads as
        # prose: it stays with the body next to it.
        if f.terminal and ln.density >= low and (f.n_words >= 5 or cjk):
            return NEAR
        return SHORT
    if f.script != main and not (named_stoplist(f.script) and named_stoplist(main)):
        # A caption or quote in another language: its stop words say little
        # about whether it is furniture; the context decides.
        ln.why = OTHER_SCRIPT
        return NEAR
    if f.capitals >= TITLE_CASE and not f.terminal and f.n_words <= MAX_HEADING_WORDS:
        # Title Case without a full stop: a headline or a teaser link, not prose.
        ln.why = SHORT_LINE
        return SHORT
    if _run_together(ln):
        ln.why = NOT_PROSE
        return BAD
    if ln.density >= high:
        if f.length > LENGTH_HIGH or (f.terminal and f.length >= LENGTH_HIGH / 2):
            return GOOD
        return _near(ln, leaning)
    if ln.density >= low or (f.terminal and ln.density >= low / 2 and f.n_words >= 8):
        return _near(ln, leaning)
    if _sentences(ln):
        return NEAR
    ln.why = NOT_PROSE
    return BAD


def _run_together(ln: _Line) -> bool:
    """A long Han or kana line with no full stop and hardly a comma: headlines
    run together (Chinese and Japanese prose ends its sentences with 。！？
    and joins its clauses with ，、：).  A headline may end with "！" or "？",
    so a line that does not end as a sentence counts its sentence ends as
    clauses, at ``CJK_TITLES_CLAUSE_LENGTH``: "可爱！松鼠举着水瓶大口饮水鳄鱼机场跑道
    “散步”致飞机晚点沙特：无人机T台走秀 …" is a column of teasers."""
    f = ln.f
    if f.script not in HAN_WRITING or f.length <= LENGTH_HIGH / 2:
        return False
    if not f.sentences:
        return (f.clauses + 1) * CJK_CLAUSE_LENGTH < f.length
    return not f.terminal and (f.clauses + f.sentences + 1) * CJK_TITLES_CLAUSE_LENGTH < f.length


def _sentences(ln: _Line) -> bool:
    """Several whole sentences on one line are prose whatever words they use
    (a language whose function words the stop list misses, a dialect, a
    spelling without accents): the context decides."""
    return ln.f.terminal and ln.f.sentences >= PROSE_SENTENCES


def _near(ln: _Line, leaning: Leaning) -> str:
    """A prose-like line of middle length; favouring precision, one that does
    not end as a sentence does is a title (a teaser link)."""
    f = ln.f
    if not leaning.titles_are_prose and not f.terminal and not f.weak_end:
        ln.why = SHORT_LINE
        return SHORT
    return NEAR


def _neighbour(lines: list[_Line], i: int, step: int, ignore_near: bool) -> str:
    j = i + step
    while 0 <= j < len(lines):
        c = lines[j].cls
        if lines[j].sure == NO_LETTERS:  # separators and stray marks say nothing
            pass
        elif c in (GOOD, BAD) or (c == NEAR and not ignore_near):
            return c
        j += step
    return BAD


def _context(lines: list[_Line], leaning: Leaning = BALANCED) -> None:
    """jusText's context rules: short and near lines follow their neighbours."""
    revised = []
    titles = _title_runs(lines)
    wrapped = _wrapped(lines)
    for i, ln in enumerate(lines):
        if ln.cls != SHORT:
            revised.append(ln.cls)
            continue
        prev, nxt = _neighbour(lines, i, -1, True), _neighbour(lines, i, 1, True)
        sentence = ln.f.terminal and ln.f.n_words >= BODY_SENTENCE_WORDS
        body_line = sentence or leaning.body_keeps_short or _code_line(ln) or wrapped[i]
        closing = sentence and _closes_body(lines, i)
        if (prev == nxt == GOOD and titles[i] < TEASER_RUN) or (ln.in_body and body_line) or closing:
            # (a whole sentence inside the body, "Transformed into graceful
            # performers!", is the article's even between captions; so is a
            # line of its code, "return x + y;", or of a hard-wrapped
            # paragraph; and so is its last short sentence, :func:`_closes_body`)
            revised.append(GOOD)
        elif prev == nxt == BAD:
            revised.append(BAD)
        elif (prev == BAD and _neighbour(lines, i, -1, False) == NEAR) or (
            nxt == BAD and _neighbour(lines, i, 1, False) == NEAR
        ):
            revised.append(GOOD)
        else:
            revised.append(BAD)
    for ln, c in zip(lines, revised):
        if ln.cls == SHORT:
            ln.cls = c
    near_run = _near_runs(lines)
    for i, ln in enumerate(lines):
        if ln.cls == NEAR:
            if near_run[i] >= NEAR_RUN_LINES:
                # Several shorter paragraphs in a row are a text of short
                # paragraphs, wherever they stand (teasers and comments come
                # with titles, names and dates between them).
                ln.cls = GOOD
                continue
            prev, nxt = _neighbour(lines, i, -1, True), _neighbour(lines, i, 1, True)
            # Inside the body a shorter paragraph between captions or ads is
            # still the article's (jusText would drop it with its neighbours).
            # So is the sentence right under the headline: a page whose whole
            # body is one sentence has nothing else around it.
            ln.cls = BAD if prev == nxt == BAD and not ln.in_body and not _lede(lines, i) else GOOD
            if ln.cls == BAD:
                ln.why = ln.why or CONTEXT
    _announced_lists(lines)
    runs = _short_runs(lines)
    for i, ln in enumerate(lines):
        if ln.cls == BAD and not ln.sure and ln.why in (SHORT_LINE, OTHER_SCRIPT):
            ln.why = NAV_RUN if runs[i] >= NAV_RUN_LINES else SHORT_LINE


def _closes_body(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` closes a text: it comes right after a full
    paragraph, and right before sure furniture (a share bar, a copyright
    line) or the page's end ("Я вам скажу, синьор, открою вам всю правду."
    before "Поделиться: ВКонтакте | Facebook").  Lines without letters
    between them aside."""
    prev, nxt = _lettered(lines, i, -1), _lettered(lines, i, 1)
    return prev is not None and prev.cls == GOOD and (nxt is None or bool(nxt.sure))


def _lettered(lines: list[_Line], i: int, step: int) -> _Line | None:
    """The nearest line with letters before (``step`` -1) or after (1) line
    ``i``, or None (read in place: asked for many lines of a page)."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].sure != NO_LETTERS:
            return lines[j]
        j += step
    return None


# A line of code: it ends a statement or opens or closes a block ("int add(int
# x, int y) {", "return x + y;", "});"); no menu, caption or byline does.
_CODE_LINE = re.compile(r"[{};]\s*$|^\s*[}\])]")


def _code_line(ln: _Line) -> bool:
    """Whether a short line reads as a line of code (``_CODE_LINE``)."""
    return _CODE_LINE.search(ln.text) is not None


def _runs_on(a: _Line, b: _Line) -> bool:
    """Whether line ``a`` runs on into line ``b``: ``a`` is ``WRAP_MIN_LENGTH``
    long and does not end as a sentence, and ``b`` starts with a small letter
    (so only in scripts with case)."""
    return (
        a.f.length >= WRAP_MIN_LENGTH
        and not a.f.terminal
        and a.sure != NO_LETTERS
        and b.sure != NO_LETTERS
        and not b.f.upper_start
    )


def _wrap_runs(lines: list[_Line]) -> list[range]:
    """The runs of ``WRAP_LINES`` or more lines in a row that each run on
    into the next (:func:`_runs_on`): paragraphs hard-wrapped at a fixed
    width (a plain-text document, an RFC, a preformatted block), where each
    line alone is short."""
    runs = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i < len(lines) and _runs_on(lines[i - 1], lines[i]):
            continue
        if i - start >= WRAP_LINES:
            runs.append(range(start, i))
        start = i
    return runs


def _wrapped(lines: list[_Line]) -> list[bool]:
    """For each line, whether it belongs to a hard-wrapped paragraph (:func:`_wrap_runs`)."""
    out = [False] * len(lines)
    for run in _wrap_runs(lines):
        out[run.start : run.stop] = [True] * len(run)
    return out


def _whole_paragraphs(lines: list[_Line]) -> None:
    """A hard-wrapped paragraph (:func:`_wrap_runs`) is one paragraph: when
    one of its lines is kept, so are the others that only their shape or
    context removed (before the body, each of its short lines reads as a
    menu entry: "This draft describes a protocol by which client-side
    applications," then "running inside a web browser, can communicate …").
    Lines that are furniture whatever their context stay removed, and lines
    of code (:func:`_code_line`) neither keep nor are kept: code that runs on
    into the next line is no paragraph."""
    for run in _wrap_runs(lines):
        prose = [i for i in run if not _code_line(lines[i])]
        if any(lines[i].cls == GOOD for i in prose):
            for i in prose:
                if lines[i].cls == BAD and not lines[i].sure:
                    lines[i].cls = GOOD


def _announced_lists(lines: list[_Line]) -> None:
    """The items of a list that a kept paragraph announces with a colon
    ("Below is the list of players invited:", "所需材料：") are the
    article's: the short lines right after it stay, up to the next full
    paragraph or the first line that is furniture whatever its context."""
    for i, ln in enumerate(lines):
        if ln.cls != GOOD or not ln.text.rstrip().endswith((":", "：")):
            continue
        for nxt in lines[i + 1 :]:
            if nxt.sure == NO_LETTERS:
                continue
            if nxt.cls != BAD or nxt.sure or nxt.why not in (SHORT_LINE, OTHER_SCRIPT, NOT_PROSE, CONTEXT):
                break
            nxt.cls = GOOD


def _runs(lines: list[_Line], member: Callable[[_Line], bool], passes: Callable[[_Line], bool]) -> list[int]:
    """For each line, how many ``member`` lines it belongs to in a row (0 for
    other lines); ``passes`` lines between them neither break nor count."""
    out = [0] * len(lines)
    i = 0
    while i < len(lines):
        if not member(lines[i]):
            i += 1
            continue
        run, j = [], i
        while j < len(lines) and (member(lines[j]) or passes(lines[j])):
            if member(lines[j]):
                run.append(j)
            j += 1
        for k in run:
            out[k] = len(run)
        i = j
    return out


def _no_letters(ln: _Line) -> bool:
    return ln.sure == NO_LETTERS


def _title_runs(lines: list[_Line]) -> list[int]:
    """For each short line, how many dated titles it belongs to in a row
    ("January 15, 2008 Police Make Arrest", "13:43 Accusation de viols …";
    counts and lines without letters between them neither break nor count):
    a list of other stories, when it is long."""

    def title(ln: _Line) -> bool:
        return ln.cls == SHORT and not ln.f.terminal and ln.f.dates > 0 and bool(_DATED.match(ln.text))

    return _runs(lines, title, lambda ln: _no_letters(ln) or _meta(ln))


def _dated_lists(lines: list[_Line]) -> None:
    """Drop lists of dated titles whatever their length ("14:44 Accusations
    de viols : 14 militaires mis en cause", "15.03.2024 Remont dworca"):
    ``TEASER_RUN`` or more lines in a row that open with a time or a full
    date and do not end as sentences are a news ticker or an archive list,
    other stories (counts and lines without letters between them neither
    break nor count)."""

    def title(ln: _Line) -> bool:
        f = ln.f
        return (
            not ln.sure
            and not f.terminal
            and f.dates > 0
            and f.separators == 0
            and f.n_words <= MAX_HEADING_WORDS * 2
            and bool(_DATED.match(ln.text))
        )

    runs = _runs(lines, title, lambda ln: _no_letters(ln) or _meta(ln))
    for ln, run in zip(lines, runs):
        if run >= TEASER_RUN:
            ln.cls, ln.sure = BAD, DATED_LIST


def _near_runs(lines: list[_Line]) -> list[int]:
    """For each line, how many near lines ending as sentences it belongs to
    in a row (0 for any other line; lines without letters neither break nor
    count)."""

    def sentence(ln: _Line) -> bool:
        return ln.cls == NEAR and ln.f.terminal and not ln.f.truncated

    return _runs(lines, sentence, _no_letters)


def _lede(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` is the body of a one-sentence article: a sentence
    right under a headline (:func:`_after_title`).  A line that does not end
    as a sentence there is the first of a list of titles under a section's
    label ("热门新闻排行榜", "Most read"), not a body."""
    return lines[i].f.terminal and _after_title(lines, i)


def _after_title(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` follows a headline-like line, with at most
    ``LEDE_GAP`` date, time or byline lines (or separators) in between."""
    main = lines[i].f.script
    skipped = 0
    for j in range(i - 1, -1, -1):
        ln = lines[j]
        if ln.sure == NO_LETTERS:
            continue
        if _headline_like(ln, main):
            return True
        if ln.sure or ln.f.dates == 0 or skipped >= LEDE_GAP:
            return False
        skipped += 1
    return False


def _teasers(lines: list[_Line], main: str) -> None:
    """Drop a run of teasers above the article: ``TEASER_RUN`` or more cards
    in a row, each a title and one short paragraph (``LENGTH_HIGH`` at most),
    with dates or bylines around them, right above the first two full
    paragraphs in a row and their headline.  (An article's sections have longer paragraphs, or more than
    one under each heading; cards after the body are often the page's own
    content: steps, features, answers.)

    A page without two full paragraphs in a row may hold a news item of one
    paragraph between other stories' cards (:func:`_lone_item`): the runs
    right above its headline and right after it go."""
    body = _body_start(lines)
    lone = _lone_item(lines) if body == len(lines) else None
    body = body if lone is None else lone
    for cards in _card_runs(_units(lines)):
        after = lone is not None and cards[0][0] > lone and _close_after(lines, lone, cards[0][0])
        if _above(lines, cards[-1][-1], body, main) or after:
            for i in (i for c in cards for i in c):
                lines[i].cls, lines[i].sure = BAD, TEASERS


def _lone_item(lines: list[_Line]) -> int | None:
    """The one paragraph of a news item: the longest full paragraph, when it
    is ``LENGTH_HIGH`` long and ``LONE_ITEM_RATIO`` times as long as any
    other prose line of the page (teasers' summaries are one sentence)."""
    prose = [i for i, ln in enumerate(lines) if ln.cls in (GOOD, NEAR)]
    goods = [i for i in prose if lines[i].cls == GOOD]
    if not goods:
        return None
    best = max(goods, key=lambda i: (lines[i].f.length, -i))
    second = max((lines[i].f.length for i in prose if i != best), default=0)
    length = lines[best].f.length
    return best if length >= LENGTH_HIGH and length >= LONE_ITEM_RATIO * second else None


def _close_after(lines: list[_Line], item: int, start: int) -> bool:
    """Whether line ``start`` comes right after line ``item``: at most
    ``LEDE_GAP`` lines with letters between them."""
    return sum(ln.sure != NO_LETTERS for ln in lines[item + 1 : start]) <= LEDE_GAP


def _units(lines: list[_Line], longest: int = LENGTH_HIGH) -> list[tuple[str, int]]:
    """Each line as a unit of a teaser card: (kind, index), the kind ``T``
    for a title, ``P`` a short paragraph, ``M`` a meta line (counts, dates,
    no letters), ``X`` anything else."""
    units = []
    for i, ln in enumerate(lines):
        if ln.sure == NO_LETTERS or (not ln.sure and _meta(ln)):
            units.append(("M", i))
        elif ln.sure:
            units.append(("X", i))
        elif _heading_like(ln) or (ln.cls == NEAR and not ln.f.terminal):
            units.append(("T", i))
        elif ln.cls in (GOOD, NEAR) and ln.f.length <= longest:
            units.append(("P", i))
        else:
            units.append(("X", i))
    return units


def _card_runs(units: list[tuple[str, int]]) -> list[list[list[int]]]:
    """The runs of ``TEASER_RUN`` or more teaser cards (title, paragraph) in
    a row among ``units`` (see :func:`_teasers`)."""
    kinds = "".join(u[0] for u in units)
    runs: list[list[list[int]]] = []
    cards: list[list[int]] = []  # the current run of cards
    k = 0
    while k <= len(units):
        card, j = _card(units, kinds, k)
        if card:
            cards.append(card)
            k = j
            continue
        if len(cards) >= TEASER_RUN:
            runs.append(cards)
        cards = []
        k += 1
    return runs


def _above(lines: list[_Line], last: int, body: int, main: str) -> bool:
    """Whether line ``last`` is just above the body's headline: a headline
    and at most ``LEDE_GAP`` other lines with letters (a date, a byline)
    between them."""
    between = [ln for ln in lines[last + 1 : body] if ln.sure != NO_LETTERS]
    if not body < len(lines) or not 0 < len(between) <= LEDE_GAP + 1 or not _headline_like(between[0], main):
        return False
    return all(ln.cls not in (GOOD, NEAR) for ln in between[1:])  # (a date or a byline, not a paragraph)


def _body_start(lines: list[_Line]) -> int:
    """The first of two full paragraphs in a row (lines without letters
    between them aside), or past the end."""
    full = [i for i, ln in enumerate(lines) if ln.sure != NO_LETTERS]
    for a, b in zip(full, full[1:]):
        if lines[a].cls == GOOD and lines[b].cls == GOOD:
            return a
    return len(lines)


def _card(units: list[tuple[str, int]], kinds: str, k: int) -> tuple[list[int], int]:
    """The title and paragraph of a teaser card starting at ``units[k]``
    (meta lines around it skipped; ``kinds`` holds the units' kinds) and
    where the next one would start; or an empty card."""
    if k >= len(units) or kinds[k] != "T":
        return [], k
    j = k + 1
    while j < len(units) and kinds[j] == "M":
        j += 1
    if j >= len(units) or kinds[j] != "P":
        return [], k
    end = j + 1
    while end < len(units) and kinds[end] == "M":
        end += 1
    if end < len(units) and kinds[end] == "P":
        return [], k  # (two paragraphs under one title: a section of an article)
    return [units[k][1], units[j][1]], end


def _main_region(lines: list[_Line], leaning: Leaning = BALANCED) -> None:
    """Drop prose far from the article: teasers, comments, footers.

    Prose lines (good or near) separated by at most ``REGION_GAP`` other lines
    form one stretch; a removed line with a time of day (a comment's or a
    teaser's timestamp) always separates.  A stretch scores its words times
    its purity (prose lines over all lines it spans): a list of teasers or
    comments, one paragraph per few lines of names and dates, scores low.

    In order:

    - **comments**: once the article has begun (``COMMENTS_AFTER_PARAGRAPHS``
      full paragraphs in stretches scoring at least ``REGION_SHARE`` of the
      best), a comment-section header ("[ 167 comments ]", "Kommentare",
      "댓글", see ``data/sections/comments.txt``) ends the article: the
      stretches after it are readers' comments, however long (one reader's
      essay can outweigh the article).
    - **off-main**: stretches under ``REGION_SHARE`` of the best remaining
      score are dropped, except that an article is one block: a stretch lying
      between two kept ones (a short paragraph between captions, deal prices
      or ads) is kept, and so is one adjoining them (:func:`_adjoining`).
    - **body**: lines between the first and last full paragraph of the kept
      stretches are marked ``in_body`` for :func:`_context`.
    """
    stretches: list[list[int]] = []  # indices of prose lines
    spans: list[int] = []  # lines with letters each stretch spans
    gap = REGION_GAP + 1
    for i, ln in enumerate(lines):
        if ln.sure == NO_LETTERS:
            if ln.f.dates:
                gap += REGION_GAP + 1  # (a teaser's or a comment's date stamp)
            continue
        if ln.cls in (GOOD, NEAR):
            if gap > REGION_GAP:
                stretches.append([])
                spans.append(0)
            else:
                spans[-1] += gap
            stretches[-1].append(i)
            spans[-1] += 1
            gap = 0
        else:
            gap += REGION_GAP + 1 if _separates(ln) else 1
    if not stretches:
        return
    scores = [sum(lines[i].f.n_words for i in s) * len(s) / span for s, span in zip(stretches, spans)]
    top = max(scores)
    drop: dict[int, str] = {}  # stretch number -> reason
    # The article has begun at its second full paragraph in a substantial
    # stretch: a lede alone followed by a share bar's "Comments" link is not it.
    # So has a one-paragraph article once its stretch, the best, is over.
    body = [i for s, score in zip(stretches, scores) if score >= REGION_SHARE * top for i in s if lines[i].cls == GOOD]
    started = stretches[scores.index(top)][-1]
    if len(body) >= COMMENTS_AFTER_PARAGRAPHS:
        started = min(started, body[COMMENTS_AFTER_PARAGRAPHS - 1])
    header = next(
        (
            i
            for i, ln in enumerate(lines)
            if i > started and ln.f.n_words <= COMMENT_HEADER_MAX_WORDS and is_comment_header(ln.f.key)
        ),
        None,
    )
    if header is not None:
        lines[header].sure = COMMENTS
        lines[header].cls = BAD
        for n, s in enumerate(stretches):
            if s[0] > header:
                drop[n] = COMMENTS
    left = [n for n in range(len(stretches)) if n not in drop]
    if not left:
        return
    if leaning.related_ends:
        _related_section(lines, stretches, scores, left, drop)
        left = [n for n in left if n not in drop]
    top = max(scores[n] for n in left)
    kept = [n for n in left if scores[n] >= leaning.region_share * top]
    between = _furniture_between(lines, stretches)
    if leaning.adjoins:
        _adjoining(lines, stretches, left, kept, between)
    for n in left:
        if n not in kept and not kept[0] < n < kept[-1]:
            drop[n] = OFF_MAIN
    if leaning.far_share:
        rest = [n for n in left if n not in drop]
        _beyond_furniture(lines, stretches, scores, rest, drop, leaning.far_share, between)
    for n, reason in drop.items():
        for i in stretches[n]:
            lines[i].cls = BAD
            lines[i].sure = reason
    good = [i for n, s in enumerate(stretches) if n not in drop for i in s if lines[i].cls == GOOD]
    for i in range(good[0] + 1, good[-1]) if good else ():
        lines[i].in_body = True


def _furniture_between(lines: list[_Line], stretches: list[list[int]]) -> Callable[[int, int], int]:
    """How many lines of sure furniture (``WALL_REASONS``) stand between two
    stretches (by number, either order)."""
    walls = [0]  # lines of sure furniture before each line
    for ln in lines:
        walls.append(walls[-1] + (ln.sure in WALL_REASONS))

    def between(n: int, m: int) -> int:
        first, second = sorted((n, m))
        return walls[stretches[second][0]] - walls[stretches[first][-1]]

    return between


def _adjoining(
    lines: list[_Line],
    stretches: list[list[int]],
    left: list[int],
    kept: list[int],
    between: Callable[[int, int], int],
) -> None:
    """Add to ``kept`` (stretch numbers, in order) the weak stretches that
    adjoin the article: the nearest before its first kept stretch or after
    its last (past at most ``ADJOIN_PAST`` others) that holds
    ``ADJOIN_PARAGRAPHS`` full paragraphs, when no line of sure furniture
    stands between them; again from the new ends.
    A long article dwarfs its own lede above a table of contents, or the text
    after a table, a list or a block of code (short lines, which wall nothing
    off); a sidebar or a footer is walled off by menus, share bars and
    copyright lines, and teasers have no two full paragraphs in a row."""

    def full(n: int) -> bool:
        return len({lines[i].f.key for i in stretches[n] if lines[i].cls == GOOD}) >= ADJOIN_PARAGRAPHS

    place = {n: k for k, n in enumerate(left)}
    grown = True
    while grown:
        grown = False
        for end, step in ((0, -1), (-1, 1)):
            edge = kept[end]
            for k in range(place[edge] + step, place[edge] + step * (ADJOIN_PAST + 2), step):
                if not 0 <= k < len(left) or between(left[k], edge):
                    break
                if full(left[k]):
                    kept.insert(len(kept) if step > 0 else 0, left[k])
                    grown = True
                    break


def _beyond_furniture(
    lines: list[_Line],
    stretches: list[list[int]],
    scores: list[float],
    left: list[int],
    drop: dict[int, str],
    share: float,
    between: Callable[[int, int], int],
) -> None:
    """Drop the weak stretches that page furniture cuts off from the article.

    The article is its stretches scoring at least ``share`` of the best, and
    every stretch joined to them without ``FAR_FURNITURE_LINES`` lines of sure
    furniture between (menus, known phrases, share bars, related and comment
    headers, markup, copyright): a table, a gallery or an ad inside the text
    leaves its stretches joined.  A weaker stretch behind such a wall of
    furniture is a footer's notice, a sidebar's blurb or a teaser (``off-main``);
    so is a stretch behind it that opens with teaser cards (:func:`_card_runs`),
    however it scores.
    """
    if not left:
        return
    top = max(scores[n] for n in left)
    joined = {n for n in left if scores[n] >= share * top}
    joined -= _walled_cards(lines, stretches, scores, left, between)
    # (the furniture between two stretches only grows with their distance, so a
    # stretch joins through its nearest joined neighbour: one sweep each way)
    for order in (left, left[::-1]):
        last: int | None = None
        for n in order:
            if n in joined:
                last = n
                continue
            if last is not None:
                if between(last, n) < FAR_FURNITURE_LINES:
                    joined.add(n)
                    last = n
    for n in left:
        if n not in joined:
            drop[n] = OFF_MAIN


def _walled_cards(
    lines: list[_Line],
    stretches: list[list[int]],
    scores: list[float],
    left: list[int],
    between: Callable[[int, int], int],
) -> set[int]:
    """The stretches that open with teaser cards (:func:`_card_runs`) and
    stand behind ``FAR_FURNITURE_LINES`` lines of sure furniture from the best
    stretch: a sidebar's promotions, not the article's, however they score
    (an article is not made of cards)."""
    best = max(left, key=lambda n: (scores[n], -n))
    cards = {i for run in _card_runs(_units(lines, TEASER_AFTER_LENGTH)) for card in run for i in card}
    out = set()
    for n in left:
        if n != best and stretches[n][0] in cards and between(best, n) >= FAR_FURNITURE_LINES:
            out.add(n)
    return out


def _phrase_run(ln: _Line) -> bool:
    """Two or more known phrases in a row, link texts run together or split
    by a separator ("Leave a Reply Cancel reply", "login | subscribe",
    "Share Tweet Share"): a toolbar or a form's buttons.  A section's header
    ("More from Watch") is left to the rules of its section."""
    return phrases().run(ln.f.key) and not _section_header(ln)


# A line that opens with an HTML tag and closes one later ("<h2>标题</h2><br />
# <div class=…>"): embed code a crawler left in the text, however much of it
# is words (Han text outweighs its tags).  Prose never opens so.
_TAGGED = re.compile(r"\s*<[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,300})?/?>.*?</[a-zA-Z][a-zA-Z0-9]*\s*>")


def _markup_text(ln: _Line) -> bool:
    """Mostly tags, entities or web addresses: embed code or a link a crawler
    left in the text ("<h2>…</h2><br /> <div>…"); or a line that opens with
    a tag and closes one (``_TAGGED``)."""
    return ln.f.markup >= MARKUP_SHARE or _tagged(ln)


def _tagged(ln: _Line) -> bool:
    """Whether a line opens with an HTML tag and closes one (``_TAGGED``)."""
    return "</" in ln.text and _TAGGED.match(ln.text) is not None


def _separates(ln: _Line) -> bool:
    """Whether a line that is not prose ends a stretch of prose by itself:
    a time of day, counts and dates, a section header."""
    return bool(_TIME.search(ln.text)) or _meta(ln) or _section_header(ln)


def _link_list(ln: _Line) -> bool:
    """A menu, breadcrumb or toolbar on one line: short items between
    separators ("Home » News » World", "转发|收藏|评论")."""
    f = ln.f
    if f.glued >= LINK_LIST_ITEMS and f.glued * GLUED_SHARE >= f.n_words:
        return True  # (link texts run together: "Share to TwitterShare to Facebook")
    return (f.items >= LINK_LIST_ITEMS and not f.terminal) or _breadcrumb(ln)


# The steps of a breadcrumb: "Home » Life » Health", "首页 > 新闻 > 社会" (not "/",
# which prose uses between words: "I love it / it segfaulted").
_CRUMB = re.compile(r"\s+(?:»|›|>|→)\s+")


def _breadcrumb(ln: _Line) -> bool:
    """A breadcrumb whose last step is the page's title ("Home » Life » Why
    sleep matters more than you think", "Главная » Общество » …"): short
    steps between breadcrumb separators, then a title (``MAX_HEADING_WORDS``
    at most).  No guillemet opens a quote in it ("« МИР » и …")."""
    if "«" in ln.text or ln.f.n_words > MAX_HEADING_WORDS + (LINK_LIST_ITEMS - 1) * ITEM_MAX_WORDS:
        return False
    steps = _CRUMB.split(ln.text.strip())
    if len(steps) < LINK_LIST_ITEMS or len(steps[-1].split()) > MAX_HEADING_WORDS:
        return False
    return all(_crumb_step(step) for step in steps[:-1])


def _crumb_step(step: str) -> bool:
    """A breadcrumb's step: a menu entry's few words (or Han characters),
    starting with a capital or an uncased letter ("x > 5 and y > 3" is a
    comparison)."""
    if not step or not step[0].isalpha() or step[0].islower():
        return False
    if any(is_cjk(ch) for ch in step):
        return len(step) <= ITEM_MAX_CJK
    return len(step.split()) <= ITEM_MAX_WORDS


# A count and what follows it: "Comments (0) - Title", "12 comments | Title".
# (bounded: no line makes it backtrack far)
_COMMENT_COUNT = re.compile(
    r"^(?P<label>\D{0,40}?)[ \t]{0,3}[(\[]?(?<!\d)\d[\d.,]{0,12}[)\]]?[ \t]{0,3}"
    r"(?P<after>\D{0,40}?)[ \t]{0,3}[-–—|•·:][ \t]+\S"
)


# Where _COMMENT_COUNT's count can start at the latest: 40 label characters,
# 3 spaces and a bracket before it.
COMMENT_COUNT_REACH = 45
_ANY_DIGIT = re.compile(r"\d")


def _comment_link(ln: _Line) -> bool:
    """A link to a story's comments with their count, then its title
    ("Comments (0) - Bridge to close", "12 comments | Bridge to close",
    "Комментарии (3) — …"): the label around the count is a comment
    header (``data/sections/comments.txt``), and a separator follows."""
    # (the count's first digit is within the first COMMENT_COUNT_REACH characters)
    m = _COMMENT_COUNT.match(ln.text) if _ANY_DIGIT.search(ln.text, 0, COMMENT_COUNT_REACH) else None
    if not m or not (m.group("label") or m.group("after")):
        return False
    return is_comment_header(normalize(f"{m.group('label')} {m.group('after')}"))


# A count with its label, "Views: 1341", "浏览次数：1341", "Komentarzy: 0": a
# word, a colon and a number that is not part of a phone number or a code.
_LABELLED_COUNT = re.compile(r"(?<![^\W\d_])(?<!\.)[^\W\d_]+\s*[:：]\s*[(\[]?\d[\d.,]*[)\]]?(?![\w-])")
COUNTER_PAIRS = 2  # labelled counts that make a line a story's counters
COUNTER_REST_LENGTH = 24  # characters (Han/kana weighted) besides them: "Print version", "打印本页"


def _counters(ln: _Line) -> bool:
    """A story's counters: two or more labelled counts and little else
    ("Views: 1341 Comments: 0 Print version", "Просмотров: 1341
    Комментариев: 0", "浏览次数：1341 评论：0 打印本页"), whatever the language of
    the labels.  Not a sentence."""
    if ln.f.terminal or ln.f.counts < COUNTER_PAIRS or (":" not in ln.text and "：" not in ln.text):
        return False
    pairs = _LABELLED_COUNT.findall(ln.text)
    if len(pairs) < COUNTER_PAIRS:
        return False
    return features(_LABELLED_COUNT.sub(" ", ln.text)).length <= COUNTER_REST_LENGTH


def _meta(ln: _Line) -> bool:
    """A short line of counts or dates about a story ("Views: 1341 Comments:
    0", "2 hours ago", "65 comments"): what teasers and comments carry
    between their paragraphs, and never a sentence."""
    f = ln.f
    if f.terminal or f.n_words > META_MAX_WORDS:
        return False
    # (one number and several words is a headline: "5 things to know about Rome")
    return f.dates > 0 or f.counts >= 2 or (f.counts == 1 and f.n_words <= META_LABEL_WORDS)


def _resumes(lines: list[_Line], header: int) -> bool:
    """Whether the text resumes right after the box a header opens: two full
    paragraphs in a row within ``INLINE_BOX_LINES`` lines of it, the dates
    of its links aside (an inline "Read also" box with a link or two; a list
    of teasers has a title or a date between its paragraphs)."""
    full = [ln.cls == GOOD for ln in lines[header + 1 :] if ln.sure != NO_LETTERS and not _meta(ln)][
        : INLINE_BOX_LINES + 2
    ]
    return any(a and b for a, b in zip(full, full[1:]))


def _header_shape(ln: _Line) -> bool:
    """Short, and not a sentence: the shape of a section's header."""
    return ln.f.n_words <= COMMENT_HEADER_MAX_WORDS and not ln.f.terminal


def _section_header(ln: _Line) -> bool:
    """Whether the line heads a comment or related-stories section (it ends
    a stretch of prose: what follows is not the same text)."""
    return _header_shape(ln) and (is_comment_header(ln.f.key) or _closes_article(ln))


def _closes_article(ln: _Line) -> bool:
    """A related-stories header ("Related coverage", "Читайте также"), a
    live feed's (:func:`_live_feed`) or a share bar (:func:`_share_bar`):
    what follows is other stories or the page's."""
    return is_related_header(ln.f.key) or _live_feed(ln) or _share_bar(ln)


def _share_bar(ln: _Line) -> bool:
    """A share bar ("Share", "Share This Article:", "Поделиться: ВКонтакте |
    Facebook", ``data/sections/share.txt``) among the lines that are
    furniture by their phrase: after the article, what follows it is the
    page's (an ad, a quiz, a newsletter's pitch), as after a related-stories
    header."""
    return ln.sure == PHRASE and is_share_bar(ln.f.key)


def _live_feed(ln: _Line) -> bool:
    """The header of a live feed ("Direct", "Liveticker", "Лента новостей",
    ``data/sections/live.txt``): a ticker of other stories, each a time and a
    title or a paragraph, beside or after the article."""
    return is_live_header(ln.f.key)


def _related_box(lines: list[_Line]) -> None:
    """Drop a box of links to other stories above the article: a
    related-stories or live-feed header (:func:`_closes_article`) before the
    body's first two full paragraphs, and the title-like lines under it (no
    sentence's end, at most ``LENGTH_HIGH`` characters; counts, dates and
    lines without letters between them) up to the body, when there are
    ``RELATED_BOX_ITEMS`` or more: "Related News", then "Market formula:
    ImmunoGenetix takes a unique path … [Kansas City]".  They go by their
    shape alone (``related``), so they wall nothing off (see
    :func:`_beyond_furniture`)."""
    body = _body_start(lines)
    for h in range(body):
        ln = lines[h]
        if not (_header_shape(ln) and _closes_article(ln)):
            continue
        items = []
        for j in range(h + 1, body):
            x = lines[j]
            if x.sure == NO_LETTERS or (not x.sure and _meta(x)):
                continue
            if x.sure or x.f.terminal or x.f.length > LENGTH_HIGH:
                break
            items.append(j)
        if len(items) >= RELATED_BOX_ITEMS:
            for j in [h, *items]:
                lines[j].cls, lines[j].why = BAD, RELATED


def _related_section(
    lines: list[_Line],
    stretches: list[list[int]],
    scores: list[float],
    left: list[int],
    drop: dict[int, str],
) -> None:
    """Drop the prose after a "related stories" header that follows the
    article (``data/sections/related.txt``): teasers of other pages.

    The article is the best stretch, where a stretch that itself follows
    such a header after some prose counts only ``AFTER_HEADER_WEIGHT`` of its
    score (a footer of teasers and notices can outweigh a one-paragraph
    article).  After the first header past the article, a stretch stays only
    when it scores ``RELATED_KEEP_SHARE`` of the article (the header was a box
    inside it).
    """
    headers = [i for i, ln in enumerate(lines) if _header_shape(ln) and _closes_article(ln)]
    if not headers:
        return
    first_prose = stretches[left[0]][0]

    def weight(n: int) -> float:
        behind = any(first_prose < h < stretches[n][0] for h in headers)
        return scores[n] * (AFTER_HEADER_WEIGHT if behind else 1.0)

    top = max(left, key=lambda n: (weight(n), -n))
    header = next((h for h in headers if h > stretches[top][-1] and not _resumes(lines, h)), None)
    if header is None:
        return
    if not lines[header].sure:
        lines[header].sure, lines[header].cls = RELATED, BAD
    cards = {i for run in _card_runs(_units(lines, TEASER_AFTER_LENGTH)) for card in run for i in card}
    article = _article_score(stretches, scores, left, top, header)
    for n in left:
        if stretches[n][0] < header:
            continue
        # (a stretch that opens with a list of teasers, however long, is not the article's)
        if scores[n] < RELATED_KEEP_SHARE * article or stretches[n][0] in cards:
            drop[n] = RELATED


def _article_score(stretches: list[list[int]], scores: list[float], left: list[int], top: int, header: int) -> float:
    """What the article before a related-stories header scores: the sum of
    its substantial stretches (``REGION_SHARE`` of the best one, ``top``), for
    inline boxes and sub-headings split one text into several, and a second
    story after the header is measured against the whole article."""
    return sum(scores[n] for n in left if stretches[n][-1] < header and scores[n] >= REGION_SHARE * scores[top])


def _author_box(lines: list[_Line]) -> None:
    """Drop the author box that ends many articles: a short header ("About
    Jane Doe", "Über den Autor", ``data/sections/author.txt``) after the body
    has begun, followed by the last prose of the page (the biography)."""
    goods = [i for i, ln in enumerate(lines) if ln.cls == GOOD]
    if not goods:
        return
    for i in range(goods[0] + 1, len(lines)):
        ln = lines[i]
        if ln.f.n_words > AUTHOR_MAX_WORDS or ln.f.terminal:
            continue
        how = is_author_header(ln.f.key)
        cased = [w for w in ln.text.split() if w[:1].isupper() or w[:1].islower()]
        if not how or (how == "prefix" and not all(w[0].isupper() for w in cased)):
            continue  # ("About Jane Doe" names someone; "About the talks" is a sub-heading)
        bio, j = [], i + 1
        while j < len(lines) and (lines[j].cls == GOOD or lines[j].sure == NO_LETTERS):
            if lines[j].cls == GOOD:
                bio.append(j)
            j += 1
        if not bio or len(bio) > AUTHOR_BIO_LINES or any(lines[k].cls == GOOD for k in range(j, len(lines))):
            continue
        for k in [i, *bio]:
            lines[k].cls, lines[k].sure = BAD, AUTHOR_BOX
        return


def _short_runs(lines: list[_Line]) -> list[int]:
    """For each line, how many removed short lines (lines without letters
    aside) the run around it holds, itself counted: a run of
    ``NAV_RUN_LINES`` is navigation.  (One pass: a page's menus can be
    hundreds of lines long.)"""

    def removed_short(ln: _Line) -> bool:
        return ln.sure == NO_LETTERS or (ln.cls == BAD and ln.f.length < LENGTH_LOW)

    inside = _runs(lines, lambda ln: removed_short(ln) and not _no_letters(ln), _no_letters)
    member = [removed_short(ln) for ln in lines]
    out = []
    for i, ln in enumerate(lines):
        if member[i] and not _no_letters(ln):
            out.append(inside[i])
            continue
        # (a line that is not itself short, or has no letters, joins the runs
        # on either side of it)
        left = next((inside[j] for j in range(i - 1, -1, -1) if not _no_letters(lines[j]) or not member[j]), 0)
        right = next((inside[j] for j in range(i + 1, len(lines)) if not _no_letters(lines[j]) or not member[j]), 0)
        left = left if i > 0 and member[i - 1] else 0
        right = right if i + 1 < len(lines) and member[i + 1] else 0
        out.append(left + right + (0 if _no_letters(ln) else 1))
    return out


def _heading_like(ln: _Line, headline: bool = False) -> bool:
    """Short, no terminal punctuation, starts with a capital or an uncased
    letter, not a line of counts.  Han and kana count a "word" per
    character: a ``headline`` in them (15 to 40 characters) is measured by
    its weighted length alone."""
    f = ln.f
    if ln.sure or f.terminal or f.weak_end or not f.upper_start:
        return False
    if _too_long(f, headline):
        return False
    return f.letters >= 0.5 and f.dates == 0 and f.separators == 0 and not _meta(ln)


def _too_long(f: Features, headline: bool) -> bool:
    """Whether a line is too long for a heading (``MAX_HEADING_WORDS``,
    ``MAX_HEADING_LENGTH``); a ``headline`` in Han or kana, one "word" a
    character, by its weighted length alone."""
    many = f.n_words > MAX_HEADING_WORDS and not (headline and f.script in HAN_WRITING)
    return many or f.length > MAX_HEADING_LENGTH


_HEADLINE_START = re.compile(r"[\w\"'‘“«„「『(\[]")


def _headline_like(ln: _Line, main: str) -> bool:
    """A heading-like line substantial enough to be the page's headline: in
    the main script, at least ``HEADLINE_MIN_WORDS`` words (or as long in
    unspaced scripts), not shouted in capitals (section labels: "CAR
    REVIEWS") and not led by a list mark ("- Next Auto News")."""
    f = ln.f
    if not _heading_like(ln, headline=True) or f.script != main or not _HEADLINE_START.match(ln.text):
        return False
    spaced = f.script not in HAN_WRITING
    if (f.n_words < HEADLINE_MIN_WORDS or not spaced) and f.length < HEADLINE_MIN_LENGTH:
        return False
    cased = [ch for ch in ln.text if ch.isupper() or ch.islower()]
    return not (len(f.words) >= 2 and cased and all(ch.isupper() for ch in cased))


def _kept(ln: _Line) -> bool:
    return ln.block.kind in (CONTENT, HEADING)


def _headings(lines: list[_Line], main: str) -> None:
    for i, ln in enumerate(lines):
        if not _heading_like(ln):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        prev = lines[i - 1] if i > 0 else None
        if nxt is not None and nxt.block.kind == CONTENT and not _heading_like(nxt):
            if prev is not None and _kept(prev):
                ln.block.kind, ln.block.reason = HEADING, ""
    first = next((i for i, ln in enumerate(lines) if ln.block.kind == CONTENT), None)
    if first is None:
        return
    for j in range(first - 1, max(-1, first - 1 - HEADLINE_LOOKBACK), -1):
        ln = lines[j]
        if ln.why == RELATED:
            return  # (a link in a box of other stories right above the body: no headline there)
        if _byline(ln):
            continue  # (the author's name under the headline: the headline is above it)
        if _heading_like(ln, headline=True) and ln.f.script == main and (ln.f.n_words >= 2 or ln.f.length >= 15):
            # The nearest title before the body is the headline or nothing:
            # a section label there ("CAR REVIEWS") means the headline is not
            # in the dump, and a line further up is a teaser's.  (A Han or
            # kana headline of more than MAX_HEADING_WORDS characters stops
            # the search but stays out: the dev sets' gold leaves those out.)
            if _headline_like(ln, main) and ln.block.kind != HEADING and ln.f.n_words <= MAX_HEADING_WORDS:
                ln.block.kind, ln.block.reason = HEADING, ""
            return


# A social-media handle ("@MeredithLClark"): a short line with one names its author.
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")


def _byline(ln: _Line) -> bool:
    """A byline: a short line that starts with a byline's word
    (``data/sections/byline.txt``) and ends with a name (a capital, or a
    script without case): "By Telford Vice", "Von Anna Müller"; or one with
    a handle ("Meredith Clark, @MeredithLClark").  "By the numbers" is a
    title."""
    words = ln.text.split()
    if not words or len(words) > AUTHOR_MAX_WORDS:
        return False
    if _HANDLE.search(ln.text):
        return True
    if not is_byline(ln.f.key):
        return False
    last = next((ch for ch in reversed(words[-1]) if ch.isalpha()), "")
    return bool(last) and not words[-1].lstrip("\"'‘“«(")[:1].islower()


def _duplicates(lines: list[_Line]) -> None:
    """Kept lines that repeat an earlier kept line, exactly or nearly, are
    duplicates; the first copy stays.  Inside the body a line may recur by
    itself (an interview's questions, a product's attributes, a listing's
    dates): an exact repeat more than ``BODY_DUP_LINES`` lines after its last
    copy stays unless a line next to it repeats too (a block shown twice, a
    quoted post).  Lines of code (HTML input) never are duplicates."""
    # (in a text that is not a page, short lines recur by themselves: "Yeah.")
    shortest = COPY_MIN_LENGTH if _text_shaped(lines) else 0
    seen: dict[str, int] = {}  # key -> where its last kept copy is (lines with letters)
    index: dict[str, list[int]] = {}
    kept_words: list[frozenset[str]] = []
    again: list[int] = []  # (repeats that stayed, in the body)
    at = 0
    for i, ln in enumerate(lines):
        at += ln.sure != NO_LETTERS
        if not _kept(ln) or (ln.block.markup is not None and ln.block.markup.tag in CODE_TAGS):
            continue  # (code repeats its lines: imports, class headers, closing braces)
        key = ln.f.key
        if key in seen and ln.f.length >= shortest:
            if not ln.in_body or at - seen[key] <= BODY_DUP_LINES:
                ln.block.kind, ln.block.reason = DUPLICATE, EXACT_DUP
            else:
                again.append(i)
                seen[key] = at
            continue
        words = frozenset(ln.f.words)
        if len(words) >= NEAR_DUP_MIN_WORDS and _near_copy(words, index, kept_words):
            ln.block.kind, ln.block.reason = DUPLICATE, NEAR_DUP
            continue
        seen[key] = at
        if len(words) >= NEAR_DUP_MIN_WORDS:
            n = len(kept_words)
            kept_words.append(words)
            for w in words:
                index.setdefault(w, []).append(n)
    if not again:
        return
    shown = [i for i, ln in enumerate(lines) if ln.block.kind in (CONTENT, HEADING, DUPLICATE)]
    place = {i: k for k, i in enumerate(shown)}
    repeated = {i for i in shown if lines[i].block.kind == DUPLICATE} | set(again)
    block = [
        i for i in again if any(0 <= place[i] + d < len(shown) and shown[place[i] + d] in repeated for d in (-1, 1))
    ]
    for i in block:
        lines[i].block.kind, lines[i].block.reason = DUPLICATE, EXACT_DUP


def _near_copy(words: frozenset[str], index: dict[str, list[int]], kept: list[frozenset[str]]) -> bool:
    shared = Counter(chain.from_iterable(map(index.get, words, repeat(()))))  # looked up and counted in C
    # The union is at least ``words``: a line sharing fewer than the share's worth
    # of them is no copy (one test in C rules out most lines at once).
    if not shared or max(shared.values()) < NEAR_DUP_JACCARD * len(words):
        return False
    for n, common in shared.items():
        if common / (len(words) + len(kept[n]) - common) >= NEAR_DUP_JACCARD:
            return True
    return False


def _repeated_furniture(lines: list[_Line], repeats: Repeats) -> None:
    """Lines found in many documents of the run that are furniture by their
    shape (short, or long but not prose) go from every document.

    Prose found in many documents is a copied article (or a site's blurb),
    left to :func:`_copies`; so is the headline of a copied article: a
    heading-like line whose next prose line is itself repeated.
    """
    for i, ln in enumerate(lines):
        # (a menu found by its shape on every page of a site is its template)
        if ln.sure not in ("", MARKUP, LINK_LIST) or ln.cls not in (SHORT, BAD) or not repeats.is_template(ln.f.key):
            continue
        if _heading_like(ln):
            nxt = _lettered(lines, i, 1)
            if nxt is not None and nxt.cls in (GOOD, NEAR) and repeats.count(nxt.f.key) >= 2:
                continue
        ln.sure, ln.cls = REPEATED, BAD


def _copies(lines: list[_Line], repeats: Repeats, order: int) -> None:
    """Kept lines that an earlier document of the run already has are
    duplicates: long ones (``COPY_MIN_LENGTH``), and shorter ones next to a
    copied line (the headline and sub-headings of a copied article)."""
    kept = [ln for ln in lines if _kept(ln)]
    earlier = [(first := repeats.first(ln.f.key)) is not None and first < order for ln in kept]
    copied = [e and ln.f.length >= COPY_MIN_LENGTH for ln, e in zip(kept, earlier)]
    for k in range(len(kept)):
        if earlier[k] and not copied[k] and ((k > 0 and copied[k - 1]) or (k + 1 < len(kept) and copied[k + 1])):
            copied[k] = True
    for ln, c in zip(kept, copied):
        if c:
            ln.block.kind, ln.block.reason = DUPLICATE, CROSS_DOC_DUP


# What a page's markup says (HTML input: Block.markup, cleaner.markup).
LANDMARK = "landmark"  # in the page's navigation, aside or footer (<nav>, <aside>, <footer>, ARIA roles)
FURNITURE_CLASS = "furniture-class"  # outside the article, in an element whose class or id names furniture
OUTSIDE_ARTICLE = "outside-article"  # short or linked, outside the article's element, which holds most kept text
LANDMARK_ZONES = frozenset({"nav", "aside", "footer"})
ARTICLE_SHARE = 0.5  # share of the kept words the article's element must hold to judge lines outside it
OUTSIDE_MAX_WORDS = 40  # longer prose outside the article stays (a second article, an intro)
OUTSIDE_MAX_LINKS = 0.3  # ... unless it is mostly links
INSIDE_MAX_LINKS = 0.5  # a removed line inside the article comes back only if it is not mostly links
# Lines inside the article that its markup calls text: they come back when
# only their shape or neighbours removed them (code, short paragraphs, items).
TEXT_TAGS = frozenset("p pre blockquote h2 h3 h4 h5 h6 li td th dd figcaption".split())
_SHAPE_REASONS = frozenset({SHORT_LINE, NAV_RUN, CONTEXT, NOT_PROSE, OTHER_SCRIPT, OFF_MAIN, ""})


def _digits(ln: _Line) -> bool:
    """Whether a line has digits: without letters, a table's or a program's
    numbers ("12 │ 2.487") when its markup says it is the article's text."""
    return any(ch.isdigit() for ch in ln.text)


def _page_markup(lines: list[_Line]) -> None:
    """HTML input: the page's markup as evidence next to each line's shape.

    Landmarks (``nav``, ``aside``, ``footer``) and, outside the article's
    element (:func:`cleaner.markup.article_container`), furniture class
    names remove kept lines; when that element holds most kept words, short
    or linked lines outside it go too, and text lines inside it that only
    their shape or neighbours removed come back (and so do its numbers).
    """
    from .markup import article_container, furniture_hint, inside

    marks = [ln.block.markup for ln in lines]
    if not any(marks):
        return
    box = article_container(marks, [ln.text for ln in lines])

    def drop(ln: _Line, reason: str) -> None:
        ln.block.kind, ln.block.reason = BOILERPLATE, reason

    for ln, m in zip(lines, marks):
        if m is None or not _kept(ln):
            continue
        if m.zone in LANDMARK_ZONES:
            drop(ln, LANDMARK)
        elif furniture_hint(m, box):
            drop(ln, FURNITURE_CLASS)
    if box is None:
        return
    # Words outside links: a column of teasers is long, but it is all links.
    plain = [ln.f.n_words * (1 - m.links) if m is not None else 0.0 for ln, m in zip(lines, marks)]
    kept = sum(w for ln, w in zip(lines, plain) if _kept(ln))
    held = sum(w for ln, w, m in zip(lines, plain, marks) if _kept(ln) and inside(m, box))
    judge_outside = kept > 0 and held >= ARTICLE_SHARE * kept
    for ln, m in zip(lines, marks):
        if m is None:
            continue
        if inside(m, box):
            if (
                not _kept(ln)
                and ln.block.kind == BOILERPLATE
                and (ln.block.reason in _SHAPE_REASONS or (ln.block.reason == NO_LETTERS and _digits(ln)))
                and m.tag in TEXT_TAGS
                and m.links < INSIDE_MAX_LINKS
                and m.zone not in LANDMARK_ZONES
            ):
                ln.block.kind, ln.block.reason = HEADING if m.heading else CONTENT, ""
        elif judge_outside and _kept(ln) and (ln.f.n_words < OUTSIDE_MAX_WORDS or m.links >= OUTSIDE_MAX_LINKS):
            drop(ln, OUTSIDE_ARTICLE)
