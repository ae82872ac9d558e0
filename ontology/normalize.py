"""Name normalisation shared by look-ups and identity.

>>> normalize_name('  ГУО «Минский   областной  институт развития образования» ')
'гуо минский областной институт развития образования'
>>> normalize_name('Ёлка "Школа"') == normalize_name('елка «школа»')
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({c: " " for c in "«»“”„‟\"'‘’‚‛`´"})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 18)
def normalize_name(name: str) -> str:
    """Fold a name for matching: NFKC, case, quotes, runs of spaces, ё to е.

    Cached: a register names each party again in every agreement it signs (262,144
    texts: a 1M-triple register folds over 100,000 names and ids).
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("ё", "е").translate(_QUOTES)
    return _SPACES.sub(" ", text).strip()
