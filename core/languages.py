"""Which language to show when a label is missing in the one asked for.

Belarusian readers read Russian before English; Russian readers English
before Belarusian.

>>> fallback_languages("be"), fallback_languages("ru"), fallback_languages("en")
(('be', 'ru', 'en'), ('ru', 'en', 'be'), ('en', 'ru', 'be'))
"""

from __future__ import annotations

_ORDERS = {"be": ("be", "ru", "en"), "ru": ("ru", "en", "be"), "en": ("en", "ru", "be")}


def fallback_languages(lang: str) -> tuple[str, ...]:
    """``lang`` first, then the languages its readers read best."""
    return _ORDERS.get(lang, (lang, "en", "ru", "be"))
