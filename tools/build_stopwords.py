#!/usr/bin/env python3
"""Rebuild ``cleaner/data/stopwords/*.txt`` from the two packaged sources.

    pip download --no-deps justext==3.0.2 stopwordsiso==0.7.1 -d /tmp/sw
    python tools/build_stopwords.py /tmp/sw/justext-3.0.2-*.whl /tmp/sw/stopwordsiso-0.7.1-*.whl

jusText's stop lists come first: they are the most frequent words of each
language's Wikipedia, in frequency order, made for exactly what we use them for
(stop-word density of a paragraph).  We keep the first ``CAP`` distinct
lower-cased words so that densities are comparable across languages (the raw
lists run from 150 to 5,500 words).  Languages jusText lacks (Chinese,
Japanese, Thai, ...) come from stopwords-iso, keeping entries made of letters
only.  See ``cleaner/data/stopwords/README.md``.
"""

import json
import sys
import unicodedata
import zipfile
from pathlib import Path

CAP = 500
OUT = Path(__file__).resolve().parents[1] / "cleaner" / "data" / "stopwords"

# jusText stop-list name -> ISO 639-1 code (639-3 where there is no 639-1 code).
JUSTEXT = {
    "Afrikaans": "af",
    "Albanian": "sq",
    "Arabic": "ar",
    "Aragonese": "an",
    "Armenian": "hy",
    "Asturian": "ast",
    "Azerbaijani": "az",
    "Basque": "eu",
    "Belarusian": "be",
    "Bengali": "bn",
    "Bosnian": "bs",
    "Breton": "br",
    "Bulgarian": "bg",
    "Catalan": "ca",
    "Cebuano": "ceb",
    "Chuvash": "cv",
    "Croatian": "hr",
    "Czech": "cs",
    "Danish": "da",
    "Dutch": "nl",
    "English": "en",
    "Esperanto": "eo",
    "Estonian": "et",
    "Finnish": "fi",
    "French": "fr",
    "Galician": "gl",
    "Georgian": "ka",
    "German": "de",
    "Greek": "el",
    "Gujarati": "gu",
    "Haitian": "ht",
    "Hebrew": "he",
    "Hindi": "hi",
    "Hungarian": "hu",
    "Icelandic": "is",
    "Igbo": "ig",
    "Indonesian": "id",
    "Irish": "ga",
    "Italian": "it",
    "Javanese": "jv",
    "Kannada": "kn",
    "Kazakh": "kk",
    "Korean": "ko",
    "Kurdish": "ku",
    "Kyrgyz": "ky",
    "Latin": "la",
    "Latvian": "lv",
    "Lithuanian": "lt",
    "Luxembourgish": "lb",
    "Macedonian": "mk",
    "Malay": "ms",
    "Malayalam": "ml",
    "Maltese": "mt",
    "Marathi": "mr",
    "Nepali": "ne",
    "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn",
    "Occitan": "oc",
    "Persian": "fa",
    "Polish": "pl",
    "Portuguese": "pt",
    "Quechua": "qu",
    "Romanian": "ro",
    "Russian": "ru",
    "Serbian": "sr",
    "Slovak": "sk",
    "Slovenian": "sl",
    "Spanish": "es",
    "Sundanese": "su",
    "Swahili": "sw",
    "Swedish": "sv",
    "Tagalog": "tl",
    "Tamil": "ta",
    "Telugu": "te",
    "Turkish": "tr",
    "Turkmen": "tk",
    "Ukrainian": "uk",
    "Urdu": "ur",
    "Uzbek": "uz",
    "Vietnamese": "vi",
    "Welsh": "cy",
    "West_Frisian": "fy",
    "Yoruba": "yo",
}


def letters_only(word: str) -> bool:
    return bool(word) and all(unicodedata.category(c)[0] in "LM" or c in "'’-" for c in word)


def main(justext_whl: str, iso_whl: str) -> None:
    lists: dict[str, list[str]] = {}
    sources: dict[str, str] = {}
    with zipfile.ZipFile(justext_whl) as z:
        for name, code in JUSTEXT.items():
            words = z.read(f"justext/stoplists/{name}.txt").decode("utf-8").split()
            seen: dict[str, None] = {}
            for w in words:
                w = unicodedata.normalize("NFC", w).casefold()
                if letters_only(w):
                    seen.setdefault(w)
            lists[code] = list(seen)[:CAP]
            sources[code] = "justext"
    with zipfile.ZipFile(iso_whl) as z:
        iso = json.loads(z.read("stopwordsiso/stopwords-iso.json").decode("utf-8"))
    for code, words in sorted(iso.items()):
        if code in lists:
            continue
        kept = sorted({unicodedata.normalize("NFC", w).casefold() for w in words if letters_only(w)})
        if kept:
            lists[code] = kept
            sources[code] = "stopwords-iso"
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.txt"):
        old.unlink()
    for code, words in sorted(lists.items()):
        (OUT / f"{code}.txt").write_text("".join(w + "\n" for w in words), encoding="utf-8")
    for src in ("justext", "stopwords-iso"):
        print(f"{src}: " + " ".join(sorted(c for c, s in sources.items() if s == src)))


if __name__ == "__main__":
    main(*sys.argv[1:])
