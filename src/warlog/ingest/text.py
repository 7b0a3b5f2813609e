"""Bytes to clean text: decoding, binary detection, normalisation, hashing, language."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from charset_normalizer import from_bytes


class UnreadableInput(ValueError):
    """Input that cannot become text; the message is shown to the user as the reason."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# The code pages reports arrive in when they are not UTF-8 (Western European, Arabic and
# Persian, Hebrew, Cyrillic, Turkish). They are tried first: searching every code page,
# charset_normalizer reads Latin-1 French or German as cp775 or hp_roman8 (mojibake).
_COMMON_ENCODINGS = ["utf_16", "cp1252", "cp1256", "cp1255", "cp1251", "cp1254"]


def decode(raw: bytes) -> str:
    """Decode bytes of unknown encoding; raise UnreadableInput for binary data."""
    if not raw.strip():
        raise UnreadableInput("the file is empty")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    sample = raw[:65536]
    # NUL bytes never occur in text in a one-byte or UTF-8 encoding.
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise UnreadableInput("the file is binary (not text), so it holds no report to read")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=_COMMON_ENCODINGS).best() or from_bytes(raw).best()
    if best is None:
        raise UnreadableInput("the file's text encoding could not be recognised (binary data?)")
    text = str(best)
    if len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise UnreadableInput("the file is binary (not text), so it holds no report to read")
    return text


def clean(text: str) -> str:
    """The stored form of a text: NFC, Unix newlines, no control characters, trimmed lines.

    Spans point into this form, so it must not change once a document is stored."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # NFC last: a control character removed between a letter and its accent lets them compose
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text).replace("\u00a0", " "))
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_hash(text: str) -> str:
    """Identity of a document: SHA-256 of its text with all whitespace runs collapsed,
    so re-wrapped copies of one text are one document."""
    key = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def raw_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_PERSIAN_ONLY = re.compile(r"[پچژگ]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[a-zà-ÿ]+")
# The commonest short words of each language written in Latin script; a text is the
# language whose words make up most of its tokens.
_STOPWORDS = {
    "en": set("the of and to in a is was were that for on with by from at as said have has".split()),
    "fr": set("le la les de des du et est un une dans pour par sur au aux qui que".split()),
    "es": set("el la los las de del y en que por con para una un se fue".split()),
    "de": set("der die das und ist nicht ein eine mit von zu den dem im auf".split()),
    "tr": set("ve bir bu da de ile için olarak olan gibi daha çok".split()),
}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language, or 'und' when it cannot be told."""
    sample = text[:5000]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic == 0 and latin == 0:
        return "und"
    if arabic > latin:
        return "fa" if len(_PERSIAN_ONLY.findall(sample)) > 0.01 * arabic else "ar"
    words = _WORD.findall(sample.lower())
    if not words:
        return "und"
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    lang, hits = max(scores.items(), key=lambda kv: kv[1])
    return lang if hits >= max(2, 0.05 * len(words)) else "und"
