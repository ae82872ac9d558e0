r"""A guard against entity expansion in RDF/XML ("billion laughs").

The RDF/XML parser expands internal entities declared in a DOCTYPE: a few
kilobytes of nested declarations can stand for gigabytes of text. Before an
RDF/XML file is parsed, the declarations are read and the size of the text
they would produce is computed; above :data:`MAX_ENTITY_EXPANSION` the file is
refused with the line of the declaration at fault.

>>> data = b'<!DOCTYPE r [<!ENTITY a "xxxxxxxxxx"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
>>> expansion_problem(data + b"<r>&b;</r>", limit=50)
(1, 'the entities expand to more than 50 characters of text (at &b;)')
>>> expansion_problem(data + b"<r>&a;</r>", limit=50) is None
True
"""

from __future__ import annotations

import re
from xml.parsers import expat

MAX_ENTITY_EXPANSION = 64 * 1024
"""The most text (in characters) that the entities of one RDF/XML file may expand to."""

_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.DOTALL)
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?([\w.:-]+)\s+(?:\"([^\"]*)\"|'([^']*)'|SYSTEM|PUBLIC)")
_REFERENCE = re.compile(rb"&([\w.:-]+);")


def expansion_problem(data: bytes, *, limit: int = MAX_ENTITY_EXPANSION) -> tuple[int, str] | None:
    """``(line, message)`` when the file's entities would expand beyond ``limit``, else ``None``.

    External entities (``SYSTEM``, ``PUBLIC``) and parameter entities are refused outright.
    """
    doctype = _DOCTYPE.search(data)
    if doctype is None:
        return None
    values: dict[bytes, bytes] = {}
    lines: dict[bytes, int] = {}
    for match in _ENTITY.finditer(data, doctype.start(1), doctype.end(1)):
        name = match.group(2)
        line = data.count(b"\n", 0, match.start()) + 1
        lines[name] = line
        value = match.group(3) if match.group(3) is not None else match.group(4)
        if match.group(1) or value is None:
            kind = "parameter" if match.group(1) else "external"
            return line, f"the {kind} entity {name.decode(errors='replace')} is not allowed"
        values[name] = value
    sizes: dict[bytes, int] = {}

    def size(name: bytes, depth: int = 0) -> int:
        if name not in values or depth > 20:
            return limit + 1 if depth > 20 else len(name) + 2
        if name not in sizes:
            sizes[name] = 0  # a cycle counts as nothing more; the parser refuses it anyway
            total = len(_REFERENCE.sub(b"", values[name]))
            for reference in _REFERENCE.findall(values[name]):
                total += size(reference, depth + 1)
                if total > limit:
                    break
            sizes[name] = total
        return sizes[name]

    used = 0
    for reference in _REFERENCE.findall(data, doctype.end()):
        if reference in values:
            grown = size(reference)
            used += grown
            if grown > limit or used > limit:
                name = reference.decode(errors="replace")
                return lines[reference], (
                    f"the entities expand to more than {limit} characters of text (at &{name};)"
                )
    return None


def xml_error_position(data: bytes) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the first XML error in ``data``, as expat finds it.

    The RDF/XML parser names no position; expat, with namespaces on, finds the
    same ill-formed tags and unbound prefixes. Call it after
    :func:`expansion_problem` has passed the file.

    >>> xml_error_position(b'<a>\\n  <x:b/>\\n</a>')
    (2, 3)
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        return error.lineno, error.offset + 1
    return None, None
