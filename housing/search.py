"""A name search that forgives accents, case and the usual spelling variants.

Names are stored as the person writes them (Ștefan, Yılmaz, Иванов); staff type
what they heard (Stefan, Yilmaz, Iwanow). Both sides are folded to one key:
anyascii turns any script into ASCII, then the spellings that differ between
transliteration conventions are made equal. The key is stored on the model
(``search_key``), so the same ``icontains`` works on SQLite and PostgreSQL.
"""

import re

from anyascii import anyascii

# Applied in order, after lower-casing. German and English transliterations of
# Cyrillic and Turkish names differ in these letters (Iwanow/Ivanov, Schewtschenko/
# Shevchenko, Juri/Yuri); doubled letters vary too (Sofiia/Sofia, Hassan/Hasan).
_VARIANTS = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("ph", "f"),
    ("ck", "k"),
    ("x", "ks"),
)
_NOT_LETTER = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")
_WORDS = re.compile(r"[\s,;/]+")


def fold(text: str) -> str:
    """One name, folded: ``fold("Al-Hassan") == fold("Alhassan") == "alhasan"``."""
    folded = _NOT_LETTER.sub("", anyascii(text or "").lower())
    for written, heard in _VARIANTS:
        folded = folded.replace(written, heard)
    return _DOUBLED.sub(r"\1", folded)


def search_key(*parts: str) -> str:
    """The stored key of a record: each part folded, separated by spaces."""
    return " ".join(filter(None, (fold(part) for part in parts)))


def query_words(query: str) -> list[str]:
    """The folded words of what someone typed; every word must be found."""
    return [word for word in (fold(w) for w in _WORDS.split(query or "")) if word]
