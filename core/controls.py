r"""Control characters and bidirectional overrides: refused at load, made visible on output.

A terminal runs escape sequences it prints (one can set the window title);
XML 1.0 cannot hold most control characters at all, even escaped; and the
bidi overrides (U+202A-U+202E, U+2066-U+2069) make text read differently
from how it is stored. Tab, line feed and carriage return are ordinary text.

>>> control_characters("Минск\x1b]0;pwned\x07")
['\\x1b', '\\x07']
>>> visible_controls("a\x1bb\u202ec")
'a\\x1bb\\u202ec'
>>> visible_controls("строка\tс табуляцией")
'строка\tс табуляцией'
"""

from __future__ import annotations

import re

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""The characters refused in stored text (as a regular expression)."""



def _escaped(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def control_characters(text: str) -> list[str]:
    """The control characters in ``text``, each written as an escape (``\\x1b``)."""
    return [_escaped(match.group()) for match in CONTROL_CHARACTERS.finditer(text)]


def visible_controls(text: str) -> str:
    """``text`` with every control character written as an escape, safe to print or put in XML."""
    return CONTROL_CHARACTERS.sub(lambda match: _escaped(match.group()), text)
