"""Short names of nodes, for labels drawn at a glance: given short names first, else a cut.

A node's short name comes from, in order: the ``short_label`` attribute (dict lang -> text,
or text), then ``shortName``, ``alt_label``, ``altLabel`` or ``alternateName`` (text, a
list, or dict lang -> text or list; the shortest wins), then an acronym written in the name
itself ("... университет (БГУ)"), then the quoted part of a name with a legal form in front
("ГУО «Гимназия № 1»" -> "Гимназия № 1") without a trailing remark in brackets, then the
name cut at a word boundary with "…".
No acronym is invented: a wrong one would mislead.

>>> short_label({"ru": "Белорусский государственный университет (БГУ)"})
{'ru': 'БГУ'}
>>> short_label({"ru": "ГУО «Средняя школа № 12 г. Гродно»"})
{'ru': 'Средняя школа № 12 г. Гродно'}
>>> short_label({"en": "Belarusian State University"}, {"short_label": {"en": "BSU"}})
{'en': 'BSU'}
>>> short_label({"en": "Institute for the Development of Education of the Minsk Region"})
{'en': 'Institute for the…'}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

#: Longest short name shown at the overview, in characters (a cut name ends with "…").
SHORT_LABEL_CHARS = 28
#: Node attributes read for a given short name, most specific first.
SHORT_NAME_ATTRIBUTES = ("short_label", "shortName", "alt_label", "altLabel", "alternateName")

_TRAILING_ACRONYM = re.compile(r"\(\s*([^()\s]{2,12})\s*\)\s*$")
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]{3,})[»\"”“]")
_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def short_label(
    labels: Mapping[str, str], attrs: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """The short name of a node in each language it has a name in.

    Args:
        labels: the node's names, lang -> text (``""`` for a name of unknown language).
        attrs: the node's attributes, read for a given short name (see the module docstring).
    """
    given = _given_short_names(attrs or {})
    result: dict[str, str] = {}
    for lang, name in labels.items():
        candidates = given.get(lang) or given.get("") or []
        shorter = [c for c in candidates if len(c) < len(name)]
        result[lang] = min(shorter, key=lambda c: (len(c), c)) if shorter else shorten(name)
    for lang, candidates in given.items():
        if lang not in result and (lang or not result):
            result[lang] = min(candidates, key=lambda c: (len(c), c))
    return result


def shorten(name: str, limit: int = SHORT_LABEL_CHARS) -> str:
    """A name's own short form: its trailing acronym, its quoted part, or a cut at a word.

    >>> shorten("Tsinghua University")
    'Tsinghua University'
    >>> shorten("Учреждение образования «Минский государственный колледж искусств»")
    'Минский государственный…'
    >>> shorten("Гимназия № 1 (иллюстративный пример, Минск)")
    'Гимназия № 1'
    >>> shorten("Средняя школа № 1461 г. Гродно")
    'Средняя школа № 1461…'
    """
    name = " ".join(name.split())
    acronym = _TRAILING_ACRONYM.search(name)
    if acronym and any(ch.isupper() for ch in acronym.group(1)):
        return acronym.group(1)
    quoted = _QUOTED.search(name)
    if quoted and len(quoted.group(1)) < len(name):
        name = quoted.group(1).strip()
    without_remark = _TRAILING_REMARK.sub("", name)
    if len(without_remark) >= 3:
        name = without_remark
    if len(name) <= limit:
        return name
    words = name[: limit + 1].split(" ")[:-1] or [name[:limit]]
    while len(words) > 1 and len(words[-1].strip(".,;:")) <= 2:
        words.pop()  # no "... г." or "... of" at the end of a cut name
    return " ".join(words).rstrip(' ,.;:-–—«"') + "…"


def _given_short_names(attrs: Mapping[str, Any]) -> dict[str, list[str]]:
    for key in SHORT_NAME_ATTRIBUTES:
        value = attrs.get(key)
        if not value:
            continue
        if isinstance(value, Mapping):
            found = {str(lang): _texts(texts) for lang, texts in value.items()}
            found = {lang: texts for lang, texts in found.items() if texts}
        else:
            found = {"": _texts(value)} if _texts(value) else {}
        if found:
            return found
    return {}


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        values: Iterable[Any] = [value]
    elif isinstance(value, Iterable):
        values = value
    else:
        values = [value]
    return [" ".join(str(v).split()) for v in values if v and str(v).strip()]
