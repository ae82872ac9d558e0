"""A general English-Russian dictionary: which Russian words translate an English word.

The words of institution names that ``words.csv`` lacks (овощеводства, purity)
are looked up in a general dictionary, Müller's English-Russian dictionary as
Debian's ``mueller7-dict`` package installs it (GPL-2+, S. Starostin and
E. S. Cymbalyuk; read where dictd keeps it, or from ``$EDUKG_DICTIONARY``).
Only the plain translations of each entry are read (the parts of an entry
without Latin letters, which would be examples); nothing is copied into edukg.

Without the package the dictionary is empty: names are still compared, by the
vocabulary and by transliteration, and :func:`dictionary_source` says why
there is none (``edukg resolve`` and the benchmark report it).

>>> english = {"vegetable": "   1. _n. овощ; green vegetables зелень\\n   2. _a. овощной"}
>>> sorted(Dictionary.from_entries(english).russian("Vegetables"))
['овощ', 'овощной']
>>> Dictionary.from_entries(english).translates("овощного", "vegetable")
True
"""

from __future__ import annotations

import gzip
import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from edukg.resolve.morphology import lemma_of

DEFAULT_PATHS = (
    Path("/usr/share/dictd/mueller7.dict.dz"),
    Path("/usr/share/opendict/dictionaries/plain/mueller7.dict.dz/file/mueller7.dict.dz"),
)
"""Where Debian's ``mueller7-dict`` puts the dictionary (a dictd file, gzip-compatible)."""

ENVIRONMENT = "EDUKG_DICTIONARY"
"""An environment variable naming another dictd file in the same format ("" for none)."""

_LOG = logging.getLogger(__name__)
_HEADWORD = re.compile(r"^([a-z][a-z-]*)$")
_MARK = re.compile(r"_[^\s.]+\.|\[[^\]]*\]|\([^)]*\)|\d+[.)]|^\s*[а-я]\)|[<>{}]")
_RUSSIAN_WORD = re.compile(r"^[а-яё]+(?:-[а-яё]+)?$")


@dataclass
class Dictionary:
    """English words to the single Russian words (lemmas) that translate them."""

    entries: dict[str, frozenset[str]] = field(default_factory=dict)
    source: str = ""
    """Where the entries were read from, or why there are none."""
    _russian: frozenset[str] | None = field(default=None, repr=False, compare=False)
    """Every Russian word some entry gives (made when first asked, see :meth:`knows`)."""

    @classmethod
    def from_entries(cls, entries: Mapping[str, str], source: str = "") -> Dictionary:
        """A dictionary from headwords and the text of their entries (dictd's layout)."""
        read: dict[str, frozenset[str]] = {}
        for headword, text in entries.items():
            found = frozenset(_translations(text))
            if found:
                read[headword] = found
        return cls(read, source)

    def russian(self, english: str) -> frozenset[str]:
        """The Russian words that translate an English word (plurals looked up singular)."""
        word = english.lower()
        for form in _singulars(word):
            found = self.entries.get(form)
            if found:
                return found
        return frozenset()

    def translates(self, russian: str, english: str) -> bool:
        """Whether the Russian word (any form) translates the English one, or is made from a
        word that does (чистых, purity: чистота; овощеводства, vegetable: овощ).

        >>> words = Dictionary({"purity": frozenset({"чистота"}), "sea": frozenset({"море"})})
        >>> words.translates("чистых", "purity"), words.translates("морской", "sea")
        (True, False)
        """
        translations = self.russian(english)
        if not translations:
            return False
        lemma = lemma_of(russian)
        if lemma in translations:
            return True
        own = russian_stem(lemma)
        return any(_same_root(own, russian_stem(word)) for word in translations)

    def knows(self, russian: str) -> bool:
        """Whether the Russian word (any form) translates some English word of the dictionary.

        >>> words = Dictionary({"vegetable": frozenset({"овощ"})})
        >>> words.knows("овощи"), words.knows("бахчеводства")
        (True, False)
        """
        if self._russian is None:
            self._russian = frozenset().union(*self.entries.values())
        return lemma_of(russian) in self._russian

    def __bool__(self) -> bool:
        return bool(self.entries)


MIN_ROOT = 4
"""Letters two Russian stems must share, one starting the other, to be words of one root."""

_RUSSIAN_ENDING = re.compile(r"(?:[аеиоуыэюяйь]+|[аеиоуыэюяйь]*н[аеиоуыэюяйь]+|ость|ота)$")


def russian_stem(lemma: str) -> str:
    """A Russian lemma without its ending (vowels, an adjective's -ный, a noun's -ость/-ота).

    >>> russian_stem("чистота"), russian_stem("чистый"), russian_stem("овощной")
    ('чист', 'чист', 'овощ')
    """
    return _RUSSIAN_ENDING.sub("", lemma)


def _same_root(first: str, second: str) -> bool:
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= MIN_ROOT and longer.startswith(shorter)


def _singulars(word: str) -> Iterable[str]:
    yield word
    if word.endswith("ies") and len(word) > 4:
        yield word[:-3] + "y"
    if word.endswith("es") and len(word) > 4:
        yield word[:-2]
    if word.endswith("s") and len(word) > 3:
        yield word[:-1]


def _translations(text: str) -> Iterable[str]:
    """The single Russian words an entry gives as translations (not those of its examples)."""
    for line in text.splitlines():
        for part in re.split(r"[;,]", _MARK.sub(" ", line)):
            words = part.split()
            if len(words) == 1 and _RUSSIAN_WORD.match(words[0]):
                yield words[0].replace("ё", "е")


def _entries(text: str) -> dict[str, str]:
    """dictd's plain text: a headword at the start of a line, its entry indented below."""
    entries: dict[str, list[str]] = {}
    body: list[str] | None = None
    for line in text.splitlines():
        if line and not line[0].isspace():
            match = _HEADWORD.match(line.strip())
            body = entries.setdefault(match.group(1), []) if match else None
        elif body is not None:
            body.append(line)
    return {headword: "\n".join(lines) for headword, lines in entries.items()}


def dictionary_path() -> Path | None:
    """The dictd file to read: ``$EDUKG_DICTIONARY`` if set, else the first Debian path found."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return Path(chosen) if chosen else None
    return next((path for path in DEFAULT_PATHS if path.is_file()), None)


@cache
def general_dictionary() -> Dictionary:
    """The general dictionary, read once; empty (with a warning logged) when it is missing."""
    path = dictionary_path()
    if path is None or not path.is_file():
        reason = (
            f"no general English-Russian dictionary ({path or 'install mueller7-dict'}): "
            "words the vocabulary lacks are compared by their letters only"
        )
        _LOG.warning(reason)
        return Dictionary(source=reason)
    read = read_dictionary(path)
    read.source = f"{path.name}, {len(read.entries):,} English headwords"
    return read


def read_dictionary(path: Path) -> Dictionary:
    """The dictionary of a dictd text file (gzip- or dictzip-compressed when ``.dz``/``.gz``)."""
    opener = gzip.open if path.suffix in (".dz", ".gz") else open
    with opener(path, "rt", encoding="utf-8") as stream:
        text = stream.read()
    return Dictionary.from_entries(_entries(text), source=path.name)


def dictionary_source() -> str:
    """Where the general dictionary comes from, or why there is none."""
    return general_dictionary().source
