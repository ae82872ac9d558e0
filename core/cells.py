r"""Text values made safe for spreadsheets that open edukg's CSV and TSV files.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) is run as a formula by Excel and LibreOffice ("CSV injection"). Such a
value read from an input file is written with a leading apostrophe, which
spreadsheets show as text. Numbers (``-5``, ``+3.5``) are left alone. The CLI
option ``--csv-formulas`` writes values exactly as they are.

>>> [spreadsheet_safe(v) for v in ("=1+1", "@SUM(A1)", "-5", "Минск", "", "+375 17 200")]
["'=1+1", "'@SUM(A1)", '-5', 'Минск', '', "'+375 17 200"]
>>> spreadsheet_safe("=1+1", neutralise=False)
'=1+1'
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(value: Any, *, neutralise: bool = True) -> Any:
    """``value`` with a leading apostrophe if a spreadsheet would run it as a formula."""
    if (
        neutralise
        and isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value
