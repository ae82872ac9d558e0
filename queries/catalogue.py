"""The catalogue: named SPARQL queries kept as ``.rq`` files with a header.

Each ``queries/<name>.rq`` starts with comment lines that describe it::

    # title: Partner countries
    # title@ru: Страны-партнёры
    # description: For each foreign country, the number of agreements ...
    # param: year (integer, optional): year the agreement was signed
    # param: within_days (integer, default 180): days ahead to look
    # columns: country, label, agreements
    # lists: parties

then the SPARQL text. A ``# @internal`` line marks a query the library runs
for itself (the ``network-*`` extracts of the analysis): it runs like any
other, but ``edukg queries`` does not list it (see :func:`user_catalogue`).
Parameters are SPARQL variables of the same name;
the runner binds the given ones with a ``VALUES`` block at each line that
reads ``# @parameters`` (see :mod:`edukg.queries.binding`). ``lists`` names
columns holding ``"; "``-separated lists, which the runner sorts so every
engine prints them alike.

>>> query = get_query("partner-countries")
>>> query.columns
('country', 'label', 'agreements')
>>> [p.name for p in query.parameters]
['country', 'region', 'year', 'lang']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from edukg.core.errors import ConfigError, QueryError
from edukg.core.suggestions import did_you_mean_hint

PARAMETER_TYPES = ("string", "integer", "date", "iri", "lang", "country")
"""Types a ``# param:`` line may declare (``country``: alpha-2/3 code or a name)."""

PARAMETER_MARKER = "# @parameters"
"""The line the runner replaces with a ``VALUES`` block of the bound parameters."""

PAGE_MARKER = "# @page"
"""The line the runner replaces with ``LIMIT n OFFSET m`` to return one page of a listing.

It stands after the ``ORDER BY`` of the subquery that picks the listed items, so
the engine computes the columns of one page only, not of every item.
"""

PAGE_LIMIT_MARKER = "# @page-limit"
"""The line the runner replaces with ``LIMIT n`` (the page's size, no offset), or drops.

It stands after the listing's final ``ORDER BY``, which then sorts at most one page of
rows, as the ``# @page`` subquery already chose them: the same rows, but Virtuoso 7.2
can only sort rows with a value longer than its 10 kB temp row (a long party list) when
the sort keeps the first N ("SR319" otherwise).
"""

PAGE_CUT_MARKER = "# @page-cut"
"""The line the runner replaces with ``OFFSET n LIMIT 1``, n the position of the page's last
row (the one past the page included), or with ``LIMIT 0`` when every item is listed.

It stands after the ``ORDER BY`` of a subquery over one short value per item that the
page's sort key begins with: its one row is the greatest such value the page can reach,
so the listing sorts the items up to it only (see ``agreements.rq``).
"""

PAGE_THROUGH_MARKER = "# @page-through"
"""The line the runner replaces with ``LIMIT n``, n the offset plus the page's size (the row
past the page included), or drops when every item is listed.

It stands after the ``ORDER BY`` of a subquery that picks items in the listing's own order
(one row each) before their rows are made: the page's rows are among those of the first n
items (see ``dormant-agreements.rq``).
"""

RUNNER_MARKERS = (
    PARAMETER_MARKER,
    PAGE_MARKER,
    PAGE_LIMIT_MARKER,
    PAGE_CUT_MARKER,
    PAGE_THROUGH_MARKER,
)
"""The marker lines the runner replaces (the parameters' and the page's)."""

_HEADER_LINE = re.compile(
    r"^#\s*(?P<key>[a-z][a-z_-]*)(?:@(?P<lang>[a-z]{2,3}))?\s*:\s*(?P<value>.*)$"
)
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"\(\s*(?P<type>[a-z]+)\s*(?:,\s*(?P<mode>optional|required|default\s+(?P<default>[^)]*?)))?\s*\)"
    r"\s*(?::\s*(?P<description>.*))?$"
)
SECTION_FLAGS = ("summaries", "page")
"""Names a ``# @if``/``# @unless`` section may test besides the parameters: facts that the
runner sets. ``summaries``: the embedded store holds current summary statements
(:mod:`edukg.graph.summaries`), which the section reads instead of working them out; the
``# @unless summaries`` section is the portable form, for every engine. Both give the same
rows. ``page``: the query lists one page, not every item (``bind``'s ``page`` sets it)."""

INTERNAL_MARKER = "# @internal"
"""A header line that keeps a query out of the user catalogue's listing."""


@dataclass(frozen=True)
class Parameter:
    """One ``# param:`` line: a name, a type, and whether it must be given.

    ``default`` is the text form (``"180"``, ``"today"``, ``"ru"``), parsed
    like a user's value when the query runs.
    """

    name: str
    type: str
    required: bool = False
    default: str | None = None
    description: str = ""

    def describe(self) -> str:
        """``name (type, default X)`` as ``edukg queries`` shows it."""
        if self.required:
            mode = "required"
        elif self.default is not None:
            mode = f"default {self.default}"
        else:
            mode = "optional"
        return f"{self.name} ({self.type}, {mode})"


@dataclass(frozen=True)
class CatalogueQuery:
    """A named query of the catalogue, parsed from its ``.rq`` file."""

    name: str
    text: str
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    parameters: tuple[Parameter, ...] = ()
    columns: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    internal: bool = False
    """The library runs it for itself; ``edukg queries`` leaves it out."""

    def title(self, lang: str = "en") -> str:
        """The title in ``lang``, else in English, else the name."""
        return self.titles.get(lang) or self.titles.get("en") or self.name

    def description(self, lang: str = "en") -> str:
        """The description in ``lang``, else in English, else empty."""
        return self.descriptions.get(lang) or self.descriptions.get("en") or ""

    @property
    def paged(self) -> bool:
        """Whether the query lists items a page at a time (it has a ``# @page`` line)."""
        return any(line.strip() == PAGE_MARKER for line in self.text.splitlines())

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name``, or ``None``."""
        return next((p for p in self.parameters if p.name == name), None)


def parse_query_file(name: str, text: str, *, file_name: str | None = None) -> CatalogueQuery:
    """Parse one ``.rq`` file's header; raise :class:`QueryError` naming every bad line.

    >>> q = parse_query_file("demo", "# title: Demo\\n# param: n (integer, default 3): how many\\n"
    ...     "# columns: x\\nSELECT ?x WHERE { # @parameters\\n BIND(?n AS ?x) }")
    >>> q.parameter("n").describe()
    'n (integer, default 3)'
    """
    file_name = file_name or f"{name}.rq"
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    parameters: list[Parameter] = []
    columns: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    extra: dict[str, str] = {}
    problems: list[str] = []
    internal = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        if line == INTERNAL_MARKER:
            internal = True
            continue
        if line in RUNNER_MARKERS:
            continue
        match = _HEADER_LINE.match(line)
        if not match:
            continue  # a plain comment
        key, lang, value = match["key"], match["lang"] or "en", match["value"].strip()
        if key == "title":
            titles[lang] = f"{titles[lang]} {value}" if lang in titles else value
        elif key == "description":
            descriptions[lang] = f"{descriptions[lang]} {value}" if lang in descriptions else value
        elif key == "param":
            parameter = _parse_parameter(value)
            if isinstance(parameter, str):
                problems.append(f"{file_name}:{number}: {parameter} (line: {raw.strip()!r})")
            elif any(p.name == parameter.name for p in parameters):
                problems.append(
                    f"{file_name}:{number}: parameter {parameter.name!r} is declared twice"
                )
            else:
                parameters.append(parameter)
        elif key == "columns":
            columns = tuple(c.strip() for c in value.split(",") if c.strip())
        elif key == "lists":
            lists = tuple(c.strip() for c in value.split(",") if c.strip())
        else:
            extra[key if lang == "en" else f"{key}@{lang}"] = value
    if not columns:
        problems.append(f"{file_name}: no '# columns:' line")
    for column in lists:
        if column not in columns:
            problems.append(f"{file_name}: list column {column!r} is not among the columns")
    if parameters and PARAMETER_MARKER not in text:
        problems.append(
            f"{file_name}: declares parameters but has no '{PARAMETER_MARKER}' line "
            "where their VALUES go"
        )
    problems.extend(_section_problems(text, file_name, {p.name for p in parameters}))
    if problems:
        raise QueryError(
            f"catalogue query {name!r} has a bad header:\n  " + "\n  ".join(problems),
            hint="see the header format in queries/catalogue.py",
        )
    return CatalogueQuery(
        name=name,
        text=text,
        titles=titles,
        descriptions=descriptions,
        parameters=tuple(parameters),
        columns=columns,
        lists=lists,
        extra=extra,
        internal=internal,
    )


def _section_problems(text: str, file_name: str, names: set[str]) -> list[str]:
    """Unbalanced ``# @if``/``# @end`` lines, or sections on undeclared parameters."""
    problems = []
    depth = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith(("# @if ", "# @unless ")):
            depth += 1
            for name in (name.removeprefix("!") for name in line.split()[2:]):
                if name not in names and name not in SECTION_FLAGS:
                    problems.append(
                        f"{file_name}:{number}: section on {name!r}, which is not a parameter"
                    )
        elif line == "# @else" and depth == 0:
            problems.append(f"{file_name}:{number}: '# @else' without '# @if'")
        elif line == "# @end":
            depth -= 1
            if depth < 0:
                problems.append(f"{file_name}:{number}: '# @end' without '# @if'")
                depth = 0
    if depth:
        problems.append(f"{file_name}: {depth} '# @if' section(s) without '# @end'")
    return problems


def _parse_parameter(text: str) -> Parameter | str:
    match = _PARAM.match(text)
    if not match:
        return "expected 'name (type[, optional | required | default VALUE]): description'"
    if match["type"] not in PARAMETER_TYPES:
        return f"unknown type {match['type']!r}; use one of {', '.join(PARAMETER_TYPES)}"
    mode = match["mode"] or "required"
    default = match["default"].strip() if match["default"] is not None else None
    return Parameter(
        name=match["name"],
        type=match["type"],
        required=mode == "required",
        default=default,
        description=(match["description"] or "").strip(),
    )


@cache
def load_catalogue() -> dict[str, CatalogueQuery]:
    """Every query shipped in ``edukg.queries``, by name, sorted."""
    folder = resources.files("edukg.queries")
    queries = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            queries[name] = parse_query_file(name, entry.read_text(encoding="utf-8"))
    return queries


def user_catalogue() -> dict[str, CatalogueQuery]:
    """The queries for users, by name: every query but the ``# @internal`` ones.

    >>> "partner-countries" in user_catalogue(), "network-institutions" in user_catalogue()
    (True, False)
    """
    return {name: query for name, query in load_catalogue().items() if not query.internal}


def get_query(name: str) -> CatalogueQuery:
    """The catalogue query called ``name``; a :class:`ConfigError` lists the users' queries."""
    catalogue = load_catalogue()
    if name not in catalogue:
        listed = list(user_catalogue())
        hint = did_you_mean_hint(name, listed, limit=1)
        raise ConfigError(
            f"no catalogue query called {name!r}",
            hint=f"{hint}edukg queries lists them: {', '.join(listed)}",
        )
    return catalogue[name]
