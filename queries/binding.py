"""Parameter values: parse and check them, then bind them as RDF terms.

Values never enter the query as user text. Each is parsed into a typed
pyoxigraph term, and the term's own N-Triples serialisation (which escapes
quotes, newlines and everything else) goes into a ``VALUES`` block at the
query's ``# @parameters`` lines. That works on the embedded store and on
any SPARQL 1.1 endpoint alike.

>>> terms = parse_parameters(get_query("events-by-type"), {"year": "2024"})
>>> terms["year"]
<Literal value=2024 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
>>> print(values_block({"name": ox.Literal('x" } DELETE WHERE { ?s ?p ?o }')}))
VALUES (?name) { ("x\\" } DELETE WHERE { ?s ?p ?o }") }
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from edukg.core.errors import ConfigError
from edukg.ontology.iris import PREFIXES
from edukg.queries.catalogue import (
    PAGE_CUT_MARKER,
    PAGE_LIMIT_MARKER,
    PAGE_MARKER,
    PAGE_THROUGH_MARKER,
    PARAMETER_MARKER,
    SECTION_FLAGS,
    CatalogueQuery,
    Parameter,
    get_query,
)

XSD = PREFIXES["xsd"]
LANGUAGES = ("ru", "be", "en")
_LANG_TAG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")


def parse_value(
    parameter: Parameter, text: str, *, today: dt.date | None = None
) -> ox.NamedNode | ox.Literal:
    """The term for one parameter value, or a :class:`ConfigError` that says how to fix it.

    >>> parse_value(Parameter("on", "date"), "today", today=dt.date(2025, 1, 2)).value
    '2025-01-02'
    >>> parse_value(Parameter("country", "country"), "Беларусь").value
    'BY'
    """
    kind = parameter.type
    where = f"parameter {parameter.name} ({kind})"
    if kind == "integer":
        try:
            number = int(text.strip())
        except ValueError:
            raise ConfigError(
                f"{where}: {text!r} is not a whole number",
                hint=f"use e.g. -p {parameter.name}=2024",
            ) from None
        return ox.Literal(str(number), datatype=ox.NamedNode(XSD + "integer"))
    if kind == "date":
        value = text.strip()
        if value.lower() == "today":
            return ox.Literal(
                (today or dt.date.today()).isoformat(), datatype=ox.NamedNode(XSD + "date")
            )
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ConfigError(
                f"{where}: {text!r} is not a date",
                hint=f"use YYYY-MM-DD or today, e.g. -p {parameter.name}=2025-09-01",
            ) from None
        return ox.Literal(day.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if kind == "iri":
        try:
            return ox.NamedNode(_expand_curie(text.strip()))
        except ValueError:
            raise ConfigError(
                f"{where}: {text!r} is not an IRI",
                hint="use a full IRI such as https://... or a prefixed name like country:BY",
            ) from None
    if kind == "lang":
        value = text.strip().lower()
        if not _LANG_TAG.match(value):
            raise ConfigError(
                f"{where}: {text!r} is not a language tag",
                hint=f"use one of {', '.join(LANGUAGES)}",
            )
        return ox.Literal(value)
    if kind == "country":
        from edukg.ontology.countries import closest_countries, country_code

        code = country_code(text)
        if code is None:
            close = closest_countries(text)
            hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
            raise ConfigError(
                f"{where}: no country called {text!r}", hint=f"{hint}use an ISO code such as BY"
            )
        return ox.Literal(code)
    return ox.Literal(text)


def _expand_curie(text: str) -> str:
    prefix, _, local = text.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return text


def parse_parameters(
    query: CatalogueQuery | str,
    given: Mapping[str, str | None],
    *,
    today: dt.date | None = None,
) -> dict[str, ox.NamedNode | ox.Literal]:
    """Parse every given value and fill in defaults; report all problems at once.

    Unknown names, missing required values and malformed values all end in one
    :class:`ConfigError` listing each of them.
    """
    if isinstance(query, str):
        query = get_query(query)
    problems: list[str] = []
    known = {p.name for p in query.parameters}
    for name in given:
        if name not in known:
            accepted = ", ".join(sorted(known)) or "none"
            problems.append(f"{query.name} has no parameter {name!r} (it takes: {accepted})")
    terms: dict[str, ox.NamedNode | ox.Literal] = {}
    for parameter in query.parameters:
        text = given.get(parameter.name)
        if text is None or text == "":
            text = parameter.default
        if text is None:
            if parameter.required:
                problems.append(
                    f"{query.name} needs -p {parameter.name}=... "
                    f"({parameter.description or parameter.type})"
                )
            continue
        try:
            terms[parameter.name] = parse_value(parameter, str(text), today=today)
        except ConfigError as error:
            problems.append(str(error).replace("\n  hint: ", "; "))
    if problems:
        message = (
            problems[0]
            if len(problems) == 1
            else (
                f"{len(problems)} problems with the parameters of {query.name}:\n  "
                + "\n  ".join(problems)
            )
        )
        raise ConfigError(message, hint=f"edukg queries shows the parameters of {query.name}")
    return terms


def values_block(terms: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """A one-row ``VALUES`` block binding each name to its term (empty if none)."""
    if not terms:
        return ""
    names = " ".join(f"?{name}" for name in terms)
    values = " ".join(str(term) for term in terms.values())
    return f"VALUES ({names}) {{ ({values}) }}"


def prefix_declarations(prefixes: Mapping[str, str] = PREFIXES) -> str:
    """``PREFIX`` lines for edukg's prefixes, so a query runs anywhere."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())


def bind(
    text: str,
    terms: Mapping[str, ox.NamedNode | ox.Literal],
    *,
    page: tuple[int, int] | None = None,
    flags: Iterable[str] = (),
) -> str:
    r"""The query text with the prefixes declared and the terms bound at the markers.

    Only names that are SPARQL variables and terms that pyoxigraph built reach
    the text, so a value cannot change the query's shape. ``page`` is
    ``(limit, offset)`` for the ``# @page`` line, and its limit alone for a
    ``# @page-limit`` line, the position of the page's last row for a
    ``# @page-cut`` line, and the number of rows through the page's last for a
    ``# @page-through`` line; without it the first, second and fourth lines go, the
    third becomes ``LIMIT 0``, and every item is listed. With it, ``# @if page``
    sections are kept.
    ``flags`` (of :data:`~edukg.queries.catalogue.SECTION_FLAGS`) keep their
    ``# @if`` sections, as bound parameters do (``page`` only as ``page`` says).

    >>> print(bind("SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n# @page", {}, page=(10, 20))
    ...       .splitlines()[-1])
    LIMIT 10 OFFSET 20
    >>> bind("SELECT * { { SELECT ?x { ?x ?p ?o } ORDER BY ?x\n# @page\n} } ORDER BY ?x\n"
    ...      "# @page-limit", {}, page=(10, 20)).splitlines()[-2:]
    ['} } ORDER BY ?x', 'LIMIT 10']
    >>> text = "a\n# @if page\nb\n# @end\n# @page-through"
    >>> bind(text, {}, page=(10, 20)).splitlines()[-3:], bind(text, {}).splitlines()[-2:]
    (['a', 'b', 'LIMIT 30'], ['a', ''])
    """
    for name in terms:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ConfigError(
                f"{name!r} cannot be a parameter name", hint="use letters, digits and _"
            )
    block = values_block(terms)
    page_text = page_limit_text = page_through_text = ""
    page_cut_text = "LIMIT 0"
    if page is not None:
        limit, offset = (int(number) for number in page)  # numbers only, never text
        if limit < 1 or offset < 0:
            raise ConfigError(
                f"a page needs a limit of 1 or more and an offset of 0 or more, not {page}",
                hint="use e.g. --limit 100 --offset 200, or --limit 0 for every row",
            )
        page_text = f"LIMIT {limit} OFFSET {offset}"
        page_limit_text = f"LIMIT {limit}"
        page_cut_text = f"OFFSET {offset + limit - 1} LIMIT 1"
        page_through_text = f"LIMIT {offset + limit}"
    markers = {
        PARAMETER_MARKER: block,
        PAGE_MARKER: page_text,
        PAGE_LIMIT_MARKER: page_limit_text,
        PAGE_CUT_MARKER: page_cut_text,
        PAGE_THROUGH_MARKER: page_through_text,
    }
    unknown = set(flags) - set(SECTION_FLAGS)
    if unknown:
        raise ConfigError(f"unknown section flag(s): {', '.join(sorted(unknown))}")
    paged = {"page"} if page is not None else set()
    sections = select_sections(text, set(terms) | (set(flags) - {"page"}) | paged)
    lines = [markers.get(line.strip(), line) for line in sections]
    return prefix_declarations() + "\n".join(lines) + "\n"


def select_sections(text: str, bound: set[str]) -> list[str]:
    r"""The query's lines, keeping ``# @if NAME`` sections only when NAME is bound.

    ``# @if a b`` keeps its lines up to the matching ``# @end`` when every name
    is bound; ``# @unless a b`` when none is; ``!a`` stands for "a is not bound".
    An ``# @else`` line inside a section keeps the lines after it when the
    section's own lines are left out. Sections let a query leave out the
    patterns of filters nobody asked for: Oxigraph would evaluate them anyway.
    The text of each section is fixed in the ``.rq`` file, so no value can add one.

    >>> select_sections("a\n# @if year\nb\n# @end\n# @unless year\nc\n# @end", {"year"})
    ['a', 'b']
    >>> select_sections("# @if x !y\nb\n# @else\nc\n# @end", {"x", "y"})
    ['c']
    """
    kept: list[str] = []
    stack: list[bool] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("# @if ", "# @unless ")):
            keyword, *names = stripped[2:].split()
            holds = [name[1:] not in bound if name.startswith("!") else name in bound
                     for name in names]
            stack.append(all(holds) if keyword == "@if" else not any(holds))
            continue
        if stripped == "# @else":
            if stack:
                stack[-1] = not stack[-1]
            continue
        if stripped == "# @end":
            if stack:
                stack.pop()
            continue
        if all(stack):
            kept.append(line)
    return kept
