r"""Find ``SERVICE`` calls in a SPARQL text: they make edukg send requests to other servers.

``edukg sparql`` (and the web app) run user-written queries; a ``SERVICE
<http://…>`` clause would make the machine running edukg fetch from any URL
the query names. The clause is found in the query's words, after strings,
IRIs and comments are blanked out, so a label or a comment that says
"service" is no call.

>>> calls_service("SELECT * WHERE { SERVICE <http://x.example/sparql> { ?s ?p ?o } }")
True
>>> calls_service('SELECT * WHERE { ?s rdfs:label "SERVICE <http://x>" } # service')
False
>>> calls_service("select * { service silent <http://x> { ?s ?p ?o } }")
True
>>> calls_service("SELECT * { \\u0053ERVICE <http://x> { ?s ?p ?o } }")  # SPARQL resolves \\u first
True
"""

from __future__ import annotations

import re

_HIDDEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)


def calls_service(sparql: str) -> bool:
    """True when the query holds a ``SERVICE`` clause."""
    return _SERVICE.search(without_strings_and_comments(sparql)) is not None


def without_strings_and_comments(sparql: str) -> str:
    """The query's words: ``\\u`` escapes resolved, strings and comments blanked, IRIs ``<>``."""
    resolved = _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
    return _HIDDEN.sub(lambda match: "<>" if match.group().startswith("<") else " ", resolved)
