"""Build the repair corpus: real sentences pushed through each encoding accident.

Deterministic (no randomness, no clock), so the cases are generated on the fly
by the tests and bench/repair_eval.py from the committed sentences.tsv; only
that small file is stored.  Written out (optional), each line is one case:

    {"id": ..., "accident": ..., "lang": ..., "encoding": <what made the bytes>,
     "input": <base64 of the input bytes>, "expected": <the text that was meant>}

    python tests/repair_corpus/make_corpus.py                     # counts per accident
    python tests/repair_corpus/make_corpus.py /tmp/cases.jsonl    # also write the cases
"""

import base64
import html
import html.entities
import json
import os
import sys

import ftfy.bad_codecs  # noqa: F401  registers sloppy-windows-1252 (as a real misreading does)

HERE = os.path.dirname(os.path.abspath(__file__))

# The legacy code pages a document in each language was plausibly saved in.
LEGACY = {
    "af": ["cp1252"],
    "ca": ["cp1252"],
    "cy": ["cp1252"],
    "da": ["cp1252"],
    "de": ["cp1252", "latin-1"],
    "en": ["cp1252"],
    "es": ["cp1252"],
    "eu": ["cp1252"],
    "fi": ["cp1252"],
    "fr": ["cp1252", "latin-1"],
    "ga": ["cp1252"],
    "id": ["cp1252"],
    "is": ["cp1252"],
    "it": ["cp1252"],
    "ms": ["cp1252"],
    "nb": ["cp1252"],
    "nl": ["cp1252"],
    "pt": ["cp1252"],
    "sq": ["cp1252"],
    "sv": ["cp1252"],
    "sw": ["cp1252"],
    "tl": ["cp1252"],
    "cs": ["cp1250", "iso8859-2"],
    "pl": ["cp1250", "iso8859-2"],
    "sk": ["cp1250"],
    "sl": ["cp1250"],
    "hr": ["cp1250"],
    "bs": ["cp1250"],
    "hu": ["cp1250"],
    "ro": ["cp1250"],
    "et": ["cp1257"],
    "lt": ["cp1257"],
    "lv": ["cp1257"],
    "tr": ["cp1254", "iso8859-9"],
    "az": ["cp1254"],
    "ru": ["cp1251", "koi8-r", "cp866", "iso8859-5"],
    "uk": ["cp1251", "koi8-u"],
    "bg": ["cp1251"],
    "mk": ["cp1251"],
    "sr": ["cp1251"],
    "be": ["cp1251"],
    "kk": ["cp1251"],
    "el": ["cp1253", "iso8859-7"],
    "he": ["cp1255", "iso8859-8"],
    "ar": ["cp1256", "iso8859-6"],
    "fa": ["cp1256"],
    "ur": ["cp1256"],
    "th": ["cp874", "tis-620"],
    "vi": ["cp1258"],
    "ja": ["shift_jis", "euc-jp", "iso2022_jp"],
    "zh": ["gb18030", "gbk", "big5"],
    "ko": ["euc-kr", "cp949"],
}
# Code pages whose bytes are classically misread as Windows-1252/Latin-1.
MISREAD_SOURCES = {"cp1251", "koi8-r", "koi8-u", "cp1253", "cp1255", "cp1256", "cp1250", "cp1254", "cp1257"}
# Legacy CJK pages whose bytes a browser or editor set to a Western page shows
# as cp1252/Latin-1, saved again as UTF-8 ("ÖÐÎÄ" for 中文).
CJK_LEGACY = {"zh": ["gb18030", "gbk", "big5"], "ja": ["shift_jis", "euc-jp"], "ko": ["euc-kr", "cp949"]}
# Code pages UTF-8 text is read as on Greek, Hebrew and Arabic systems (any
# language: a UTF-8 file opened as "ANSI" there), whole or in some lines.
UTF8_LOCAL_READERS = ["cp1253", "cp1255", "cp1256"]
# Central European languages, and the pages a line of their UTF-8 is read as
# in crawls: cp1250, ISO-8859-2 and cp1252, next to lines that are fine.
CENTRAL_EUROPEAN = ["bs", "cs", "hr", "hu", "pl", "ro", "sk", "sl", "tr"]
CE_READERS = ["cp1250", "iso8859-2", "cp1252"]
C0_C1_JUNK = ["\x81", "\x8d", "\x8f", "\x90", "\x9d", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\ufeff"]


def load_sentences(path=None):
    """Language -> its lines, from a TSV of (language, text) rows."""
    by_lang = {}
    with open(path or os.path.join(HERE, "sentences.tsv"), encoding="utf-8") as f:
        for line in f:
            lang, sent = line.rstrip("\n").split("\t", 1)
            by_lang.setdefault(lang, []).append(sent)
    return by_lang


def misread(text, reader):
    """``text`` as UTF-8 bytes read as ``reader`` (as Windows does: bytes the
    page leaves undefined become the C1 characters of the same number)."""
    sloppy = {"cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258"}
    return text.encode("utf-8").decode("sloppy-windows-" + reader[2:] if reader in sloppy else reader)


def break_lines(lines, every, reader):
    """Every ``every``-th line from the second on misread as ``reader``: a file
    pieced together from sources that were read differently."""
    return [misread(line, reader) if i % every == 1 else line for i, line in enumerate(lines)]


def encodable(text, enc):
    try:
        return text.encode(enc).decode(enc) == text
    except (UnicodeError, LookupError):
        return False


def html_escape(text, numeric):
    """Escape like a careless CMS: markup characters plus every non-ASCII char."""
    out = []
    names = {v: k for k, v in html.entities.codepoint2name.items()}
    for ch in text:
        if ch in '&<>"':
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[ch])
        elif ord(ch) < 128:
            out.append(ch)
        elif numeric:
            out.append(f"&#x{ord(ch):x};" if numeric == "hex" else f"&#{ord(ch)};")
        elif ord(ch) in names:
            out.append(f"&{names[ord(ch)]};")
        else:
            out.append(f"&#{ord(ch)};")
    return "".join(out)


def docs(sents):
    """Two shapes per language: a multi-line document, and one short line."""
    yield "doc", "\n".join(sents) + "\n"
    yield "line", sents[0]


# Hand-written clean texts that look a bit like mojibake but are correct; each must
# come through byte-identical.  Written for this corpus (not copied from ftfy).
TRICKY_CLEAN = [
    ("en", "Prices rose 3×£20 in “Q3” – not ½ as feared…"),
    ("en", "The ﬁnal ﬂight left at 10:30; see ＦＵＬＬＷＩＤＴＨ notes ①."),
    ("fr", "L’été à Paris : « c’est déjà ça », dit-il\u00a0!"),
    ("pt", "VOCÊ SABE O QUE É ISSO¿ NÃO…"),
    ("de", "„Grüße aus Köln“ – ‚Straße‘ ist ß, nicht ẞ."),
    ("el", "Η ¨ανατροφή¨ είναι ‘σωστή’ λέξη."),
    ("ru", "Ёлка — «ёжик» и №5, т.е. 50 %."),
    ("is", "Þórður og Ásdís fóru í ferðalag með Ýri."),
    ("vi", "Tiếng Việt có dấu: người, đường, chữ."),
    ("vi", "Tie\u0302\u0301ng Vie\u0323\u0302t (NFD) stays as it is."),
    ("ja", "ＡＢＣ　全角スペースと半角ｶﾀｶﾅ。"),
    ("en", "AT&T and R&D teams use <b>&amp;</b> in HTML source."),
    ("en", "Math: (−1/2)! = √π, 2012—∞, ∆°, ├┤a┼┐."),
    ("en", "Emoji stay: 👍🏽 ❤️ 👨\u200d👩\u200d👧 and ZWNJ in می\u200cخواهم."),
    ("ar", "العربية مع أرقام ١٢٣ وعلامة ؟"),
    ("he", "עברית עם ניקוד: שָׁלוֹם."),
    ("hi", "हिन्दी में “उद्धरण” चिह्न।"),
    ("en", "Tab\tseparated\tfields and a trailing space "),
    ("tr", "İstanbul’da ığdır, şeker, ÇĞİÖŞÜ."),
    ("es", "¿Qué pasó? ¡Año nuevo! Ñandú."),
    ("pt", "AÇÃO É ÓTIMA, NÃO É? Ôôô!"),
    ("da", "Ønsker du ÆØÅ på tastaturet? Så må du købe et nyt."),
    ("fr", "ÇA VA ? TRÈS BIEN, MERCI. À BIENTÔT !"),
    ("de", "ÄRGER ÜBER ÖL: DIE STRAẞE IST GESPERRT."),
    ("en", "Café Müller, Señor Ñ and Zoë’s naïve résumé."),
    ("en", "Temperature: 25 °C ± 2; price £5 × 3 = £15; © 2024 ®"),
    ("ro", "Știință și țară: România, Iași, Brașov."),
    ("pl", "Zażółć gęślą jaźń."),
    ("is", "Þetta reddast; ég er á Íslandi, það er gott."),
]


def cases(sentences=None, lines=None):
    """Every case: (id, accident, language, what made the bytes, bytes, expected text).

    ``sentences`` and ``lines`` name other TSV files of the same shape than
    sentences.tsv and clean_lines.tsv (a held-out set to check on)."""
    by_lang = load_sentences(sentences)
    paragraphs = load_sentences(lines or os.path.join(HERE, "clean_lines.tsv"))
    for lang in sorted(by_lang):
        sents = by_lang[lang]
        yield from _new_accidents(lang, sents, paragraphs.get(lang, []))
        for shape, text in docs(sents):
            base = f"{lang}-{shape}"
            yield base + "-clean", "clean", lang, "utf-8", text.encode("utf-8"), text

            # UTF-8 bytes read as a Western code page and saved again as UTF-8.
            moj = text.encode("utf-8").decode("sloppy-windows-1252")
            yield base + "-u8cp1252", "utf8_as_cp1252", lang, "utf-8>cp1252", moj.encode("utf-8"), text
            moj = text.encode("utf-8").decode("latin-1")
            yield base + "-u8latin1", "utf8_as_latin1", lang, "utf-8>latin-1", moj.encode("utf-8"), text
            if shape == "line" or len(text) < 400:
                moj2 = moj = text.encode("utf-8").decode("sloppy-windows-1252")
                moj2 = moj.encode("utf-8").decode("sloppy-windows-1252")
                yield base + "-u8double", "double_mojibake", lang, "utf-8>cp1252>cp1252", moj2.encode("utf-8"), text

            # Mojibake on one line only (the rest of the document is fine).
            if shape == "doc" and len(sents) >= 2:
                lines = list(sents)
                lines[1] = lines[1].encode("utf-8").decode("sloppy-windows-1252")
                yield (
                    base + "-partial",
                    "partial_mojibake",
                    lang,
                    "utf-8(+1 line cp1252)",
                    ("\n".join(lines) + "\n").encode("utf-8"),
                    text,
                )

            for enc in LEGACY.get(lang, []):
                ok = [s for s in sents if encodable(s, enc)]
                # A document keeps the sentences this code page can hold.
                ltext = "\n".join(ok) + "\n" if shape == "doc" and len(ok) >= 2 else text
                if not encodable(ltext, enc) or ltext.isascii():
                    continue
                raw = ltext.encode(enc)
                yield f"{base}-{enc}", "legacy_codepage", lang, enc, raw, ltext
                if enc in MISREAD_SOURCES:
                    for reader in ("cp1252", "latin-1"):
                        moj = raw.decode("sloppy-windows-1252" if reader == "cp1252" else "latin-1")
                        yield (
                            f"{base}-{enc}-as-{reader}",
                            "legacy_as_cp1252",
                            lang,
                            f"{enc}>{reader}",
                            moj.encode("utf-8"),
                            ltext,
                        )
                if shape == "doc" and len(ok) >= 2 and not enc.startswith("iso2022"):
                    # A file assembled from two sources: odd lines UTF-8, even lines legacy.
                    parts = [(s.encode("utf-8") if i % 2 == 0 else s.encode(enc)) for i, s in enumerate(ok)]
                    yield f"{base}-mixed-{enc}", "mixed_lines", lang, f"utf-8+{enc}", b"\n".join(parts) + b"\n", ltext

            wide = [("utf-16", "utf16_bom"), ("utf-16-le", "utf16_nobom"), ("utf-16-be", "utf16_nobom")]
            # UTF-32 is rare in the wild: the BOM-less variants on short lines only.
            wide += [("utf-32", "utf32")] + (
                [("utf-32-le", "utf32"), ("utf-32-be", "utf32")] if shape == "line" else []
            )
            for enc, label in wide:
                yield f"{base}-{enc}", label, lang, enc, text.encode(enc), text
            yield base + "-utf8sig", "utf8_bom", lang, "utf-8-sig", text.encode("utf-8-sig"), text

            # Undefined C1 controls and other invisible junk sprinkled between words.
            words = text.split(" ")
            junked = " ".join(w + (C0_C1_JUNK[i % len(C0_C1_JUNK)] if i % 3 == 1 else "") for i, w in enumerate(words))
            if junked != text:
                yield base + "-junk", "control_junk", lang, "utf-8", junked.encode("utf-8"), text

            # Windows-1252 punctuation that went through Latin-1: C1 controls where
            # the curly quotes and dashes should be.
            quoted = "“" + text.rstrip("\n").replace("\n", "”\n“") + "” – …" + ("\n" if text.endswith("\n") else "")
            if encodable(quoted, "cp1252"):
                moj = quoted.encode("cp1252").decode("latin-1")
                yield base + "-c1quotes", "c1_as_cp1252", lang, "cp1252>latin-1", moj.encode("utf-8"), quoted

            for mode in (None, "dec", "hex"):
                esc = html_escape(text, mode)
                if esc != text:
                    yield f"{base}-html{mode or ''}", "html_escaped", lang, "utf-8", esc.encode("utf-8"), text

            if "\n" in text:
                yield base + "-crlf", "line_endings", lang, "utf-8", text.replace("\n", "\r\n").encode("utf-8"), text
                yield base + "-cr", "line_endings", lang, "utf-8", text.replace("\n", "\r").encode("utf-8"), text
                if encodable(text, LEGACY.get(lang, ["utf-8"])[0]):
                    enc = LEGACY.get(lang, ["utf-8"])[0]
                    yield base + "-crlf-" + enc, "line_endings", lang, enc, text.replace("\n", "\r\n").encode(enc), text

    for i, (lang, text) in enumerate(TRICKY_CLEAN):
        yield f"tricky-{i:02d}-{lang}", "clean", lang, "utf-8", text.encode("utf-8"), text


def _new_accidents(lang, sents, paragraphs):
    """The accidents of issue 17: CJK legacy pages read as cp1252/Latin-1, UTF-8
    read as cp1253/cp1255/cp1256, partial Central European mojibake."""
    long_doc = sents + paragraphs  # a longer file: a third of its lines can break
    for enc in CJK_LEGACY.get(lang, []):
        texts = [(f"s{i}", s) for i, s in enumerate(sents)]
        ok = [s for s in sents if encodable(s, enc)]
        if len(ok) >= 2:
            texts.append(("doc", "\n".join(ok) + "\n"))
        for shape, text in texts:
            if not encodable(text, enc):
                continue
            for reader in ("cp1252", "latin-1"):
                moj = text.encode(enc).decode("sloppy-windows-1252" if reader == "cp1252" else reader)
                yield (
                    f"{lang}-{shape}-{enc}-as-{reader}",
                    "cjk_legacy_as_cp1252",
                    lang,
                    f"{enc}>{reader}",
                    moj.encode("utf-8"),
                    text,
                )
    for reader in UTF8_LOCAL_READERS:
        for shape, text in (("doc", "\n".join(sents) + "\n"), ("line", sents[0])):
            moj = misread(text, reader)
            if moj != text:
                yield (
                    f"{lang}-{shape}-u8{reader}",
                    "utf8_as_" + reader,
                    lang,
                    f"utf-8>{reader}",
                    moj.encode("utf-8"),
                    text,
                )
        text = "\n".join(long_doc) + "\n"
        moj = "\n".join(break_lines(long_doc, 3, reader)) + "\n"
        if moj != text:
            yield (
                f"{lang}-third-u8{reader}",
                "utf8_as_" + reader,
                lang,
                f"utf-8(+1/3 lines {reader})",
                moj.encode("utf-8"),
                text,
            )
    if lang in CENTRAL_EUROPEAN:
        text = "\n".join(long_doc) + "\n"
        for reader in CE_READERS:
            for every, shape in ((3, "third"), (len(long_doc), "one")):
                moj = "\n".join(break_lines(long_doc, every, reader)) + "\n"
                if moj != text:
                    yield (
                        f"{lang}-{shape}-u8{reader}",
                        "partial_central_european",
                        lang,
                        f"utf-8(+{shape} {reader})",
                        moj.encode("utf-8"),
                        text,
                    )


def render():
    out = []
    seen = set()
    for cid, accident, lang, enc, raw, expected in cases():
        assert cid not in seen, cid
        seen.add(cid)
        out.append(
            json.dumps(
                {
                    "id": cid,
                    "accident": accident,
                    "lang": lang,
                    "encoding": enc,
                    "input": base64.b64encode(raw).decode("ascii"),
                    "expected": expected,
                },
                ensure_ascii=False,
            )
        )
    return "\n".join(out) + "\n"


def main(argv):
    text = render()
    if argv:
        with open(argv[0], "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    counts = {}
    for line in text.splitlines():
        acc = json.loads(line)["accident"]
        counts[acc] = counts.get(acc, 0) + 1
    for acc in sorted(counts):
        print(f"{acc:20s} {counts[acc]:5d}")
    print(f"{'total':20s} {sum(counts.values()):5d}" + (f" -> {argv[0]}" if argv else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
