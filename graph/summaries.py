r"""Summary statements: facts the catalogue's slow questions would otherwise work out each time.

The store writes them into a system graph of their own, :data:`SUMMARY_GRAPH`,
at the end of every write (load, reload, removal, merge and split, the undoing
of an interrupted write), worked out from the union of all graphs the way the
catalogue's queries read it. Per agreement (anything with ``edukg:hasParty``,
``edukg:signedOn`` or ``schema:validFrom``): its first signing date (and a short key
for ``agreements``' pages made of it and the agreement's IRI), its years
(twice: by the year rule, and as ``cooperation-by-year`` casts them), its parties'
countries and, when no event implements it, its terms as ``dormant-agreements`` reads them;
per event: its first start date and years; per institution:
whether it has no partner, and for one without, what ``institutions-without-partners``
shows of it (labels, country codes, region labels). The
catalogue's ``# @if summaries`` sections read them instead of working them
out, on a store whose summaries are current (see :func:`summaries_current`);
every other engine runs the portable form. docs/summaries.md says what each
statement means.

A write first removes the mark that the summaries are current, and writes it
again only when it has brought them up to date: a reader never takes stale
summaries for current ones, even while a write is under way or after one was
interrupted.

>>> store = ox.Store()
>>> _ = store.load(b'<http://x/a> a <https://w3id.org/edukg/ontology#CooperationAgreement> ; '
...     b'<https://w3id.org/edukg/ontology#signedOn> "2024-05-01" .',
...     ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://x/g"))
>>> refresh_summaries(store), summaries_current(store)
(5, True)
>>> sorted(q.object.value[:6] for q in store.quads_for_pattern(None, None, None, SUMMARY_GRAPH))
['2024', '2024', '2024-0', '2024-0', '202405', '6 e3b0']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar

import pyoxigraph as ox

from edukg.graph.bulk_load import bulk_load_in_parts
from edukg.graph.settings import DEFAULT_BASE_IRI
from edukg.graph.sources import CATALOG_GRAPH, stored_base_iri
from edukg.graph.statement_lines import lines_holding
from edukg.graph.summary_text import TextSummaries, dormant_lines, text_summary_lines
from edukg.graph.terms import dumped, solutions
from edukg.ontology.iris import PREFIXES, PROJECT_IRI, SYSTEM_GRAPH_BASE

SUMMARY_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "summaries")
"""The named graph of the summary statements."""

SUMMARY_NS = PROJECT_IRI + "/summary#"
"""The namespace of the summary predicates (edukg's own; no source uses it)."""

SUMMARY_VERSION = "6"
"""Bumped whenever what a summary means changes: a store with older ones is not current."""

FIRST_SIGNED = ox.NamedNode(SUMMARY_NS + "firstSigned")
"""Agreement -> the least text of its ``edukg:signedOn`` dates, ``""`` without one."""

PAGE_KEY = ox.NamedNode(SUMMARY_NS + "pageKey")
"""Agreement -> the first 15 characters of its first signing date, a space and its IRI (the
store's agreement IRIs shortened, see :func:`page_key`): short text the store keeps within
its id, in the order of ``agreements``' page key, where agreements tie at one date."""

FIRST_START = ox.NamedNode(SUMMARY_NS + "firstStart")
"""Event -> the least text of its ``schema:startDate`` dates, ``""`` without one."""

YEAR = ox.NamedNode(SUMMARY_NS + "year")
"""Agreement -> a year it counts in (docs/years.md), as ``xsd:integer``."""

AGREEMENT_YEAR = ox.NamedNode(SUMMARY_NS + "agreementYear")
"""Agreement -> ``xsd:integer`` of the first four characters of a date it counts by (its
signing date, else the start of its validity), ``""`` where that is no integer: the years
of ``cooperation-by-year``, which casts where :data:`YEAR` keeps canonical text only."""

EVENT_YEAR = ox.NamedNode(SUMMARY_NS + "eventYear")
"""Event -> the same of one of its ``schema:startDate`` dates (``cooperation-by-year``)."""

END_DAY = ox.NamedNode(SUMMARY_NS + "endDay")
"""Agreement -> the last day of one of its terms (``schema:validThrough``) as a day number
(Julian day), worked out as ``expiring-agreements`` works it out; none where that fails."""

DORMANT_TERM = ox.NamedNode(SUMMARY_NS + "dormantTerm")
"""Agreement no event implements -> one of its terms as ``dormant-agreements`` reads it: an
``xsd:decimal`` of its first signing date's digits, its least start's and, after the point,
its end's (see :func:`edukg.graph.summary_text.dormant_lines`)."""

DORMANT_ODD = ox.NamedNode(SUMMARY_NS + "dormantOdd")
"""Agreement no event implements -> ``true`` when its dates do not fit :data:`DORMANT_TERM`:
``dormant-agreements`` works its rows out from its dates."""

PARTY_COUNTRY = ox.NamedNode(SUMMARY_NS + "partyCountry")
"""Agreement -> the ``edukg:country`` of one of its ``edukg:hasParty`` parties."""

PARTNERLESS = ox.NamedNode(SUMMARY_NS + "partnerless")
"""Institution -> ``true`` when it shares no agreement and no event with another party."""

PARTNERLESS_LABEL = ox.NamedNode(SUMMARY_NS + "partnerlessLabel")
"""Institution without a partner (:data:`PARTNERLESS`) -> each of its ``skos:prefLabel``."""

PARTNERLESS_COUNTRY = ox.NamedNode(SUMMARY_NS + "partnerlessCountry")
"""Institution without a partner -> each ``skos:notation`` of each of its ``edukg:country``."""

PARTNERLESS_REGION_LABEL = ox.NamedNode(SUMMARY_NS + "partnerlessRegionLabel")
"""Institution without a partner -> each ``skos:prefLabel`` of each of its ``edukg:region``."""

_PARTNERLESS_DISPLAY = (PARTNERLESS_LABEL, PARTNERLESS_COUNTRY, PARTNERLESS_REGION_LABEL)
"""What ``institutions-without-partners`` shows of each row, read in one scan each instead
of a look-up per row in the union of every graph."""

MULTINATIONAL_AGREEMENTS = ox.NamedNode(SUMMARY_NS + "multinationalAgreements")
"""Country -> how many agreements have a party from it and parties from two countries or
more (the rows of ``partner-countries`` without parameters); none for none."""

NAME_KEY = ox.NamedNode(SUMMARY_NS + "nameKey")
"""Institution -> the lower-case text (``LCASE(STR())``) of one of its names and identifiers."""

LAST_SEGMENT = ox.NamedNode(SUMMARY_NS + "lastSegment")
"""Institution -> the text of its IRI after the last ``/`` (all of it without one)."""

VERSION = ox.NamedNode(SUMMARY_NS + "version")
"""The mark that the summaries are current: the summary graph -> :data:`SUMMARY_VERSION`
and the fingerprint of the sources' statements they were worked out from (an older edukg
that writes a source without them leaves a mark that no longer matches)."""

BULK_THRESHOLD = 10_000
"""Summary statements written to an empty graph on disk with a bulk load from this many."""

BULK_PART = 100_000
"""Summary statements of one part of a bulk load, at the least (parts load side by side)."""

_STATEMENTS_SHA256 = ox.NamedNode(PREFIXES["edukg"] + "statementsSha256")
_INTEGER = ox.NamedNode(PREFIXES["xsd"] + "integer")

_END_DAY = """  BIND(STR(?through) AS ?valid_until)
  BIND(xsd:integer(SUBSTR(?valid_until, 1, 4)) AS ?end_y)
  BIND(xsd:integer(SUBSTR(CONCAT(?valid_until, "-12"), 6, 2)) AS ?end_month)
  BIND(xsd:integer(SUBSTR(CONCAT(?valid_until, "-00-00"), 9, 2)) AS ?end_day_of_month)
  BIND(1 - FLOOR(1 / (?end_day_of_month + 1)) AS ?has_day)
  BIND(?end_y + (1 - ?has_day) * FLOOR(?end_month / 12) AS ?end_yr)
  BIND(?has_day * ?end_month
       + (1 - ?has_day) * (?end_month - 12 * FLOOR(?end_month / 12) + 1) AS ?end_m)
  BIND(?has_day * ?end_day_of_month + (1 - ?has_day) AS ?end_d)
  BIND(FLOOR((14 - ?end_m) / 12) AS ?end_a)
  BIND(?end_yr + 4800 - ?end_a AS ?end_yy)
  BIND(xsd:integer(?end_d + FLOOR((153 * (?end_m + 12 * ?end_a - 3) + 2) / 5) + 365 * ?end_yy
       + FLOOR(?end_yy / 4) - FLOOR(?end_yy / 100) + FLOOR(?end_yy / 400)
       - (1 - ?has_day)) AS ?end_day)
"""
"""expiring-agreements.rq's day number of the end of a term (``?end_day``) from
``?through``, its ``schema:validThrough``: the whole recompute's form and the followed one."""

_PARTNERLESS = """
  ?institution a edukg:Institution .
  MINUS {
    ?agreement edukg:hasParty ?institution .
    { SELECT ?agreement WHERE { ?agreement edukg:hasParty ?party }
      GROUP BY ?agreement HAVING (COUNT(DISTINCT ?party) > 1) }
  }
  MINUS {
    ?event schema:organizer|schema:attendee ?institution .
    { SELECT ?event WHERE { ?event schema:organizer|schema:attendee ?person }
      GROUP BY ?event HAVING (COUNT(DISTINCT ?person) > 1) }
  }
"""
"""The institutions without a partner (``?institution``), as institutions-without-partners.rq
finds them."""

_DISPLAYED = (
    ("partnerlessLabel", "?label", "skos:prefLabel ?label"),
    ("partnerlessCountry", "?code", "edukg:country ?country . ?country skos:notation ?code"),
    ("partnerlessRegionLabel", "?label", "edukg:region ?region . ?region skos:prefLabel ?label"),
)
"""Each kind of :data:`_PARTNERLESS_DISPLAY`: its value and the path from the institution."""


def _display_queries(node: str, partnerless: str) -> tuple[str, ...]:
    """The CONSTRUCTs of :data:`_DISPLAYED` for each ``?node`` the pattern ``partnerless`` finds.

    >>> print(_display_queries("i", " ?i a edukg:Institution ")[1])
    CONSTRUCT { ?i summary:partnerlessCountry ?code } WHERE {
      { SELECT ?i WHERE { ?i a edukg:Institution } }
      ?i edukg:country ?country . ?country skos:notation ?code
    }
    """
    return tuple(
        f"CONSTRUCT {{ ?{node} summary:{kind} {value} }} WHERE {{\n"
        f"  {{ SELECT ?{node} WHERE {{{partnerless}}} }}\n"
        f"  ?{node} {path}\n}}"
        for kind, value, path in _DISPLAYED
    )

# Each query reads the union of all graphs, as the catalogue's do, with the same
# expressions as the portable forms (STR, SUBSTR, MIN over text), so a summary
# holds what the portable query would have worked out. CONSTRUCT hands the
# statements over as N-Triples text: no Python object per statement.
_SUMMARY_QUERIES = (
    """CONSTRUCT { ?agreement summary:firstSigned ?first } WHERE {
  { SELECT ?agreement (COALESCE(MIN(?signed_key), "") AS ?first) WHERE {
      ?agreement a edukg:CooperationAgreement .
      OPTIONAL { SELECT ?agreement ?signed_key WHERE {
        ?agreement edukg:signedOn ?signed_day BIND(STR(?signed_day) AS ?signed_key) } }
    }
    GROUP BY ?agreement }
}""",
    # how events.rq sorts its pages
    """CONSTRUCT { ?event summary:firstStart ?first } WHERE {
  { SELECT ?event (COALESCE(MIN(?start_key), "") AS ?first) WHERE {
      ?event a edukg:CooperationEvent .
      OPTIONAL { SELECT ?event ?start_key WHERE {
        ?event schema:startDate ?start_day BIND(STR(?start_day) AS ?start_key) } }
    }
    GROUP BY ?event }
}""",
    # the year rule (docs/years.md): an agreement's date is its signing date, else the
    # start of its validity; its year is the first four characters of the date's text,
    # kept when it is an integer's own text (only such text can equal STR(?year))
    """CONSTRUCT { ?agreement summary:year ?year } WHERE {
  { SELECT DISTINCT ?agreement ?key WHERE {
      { ?agreement edukg:signedOn ?dated }
      UNION
      { ?agreement schema:validFrom ?dated MINUS { ?agreement edukg:signedOn ?signed_any } }
      BIND(SUBSTR(STR(?dated), 1, 4) AS ?key) } }
  FILTER(REGEX(?key, "^(0|-?[1-9][0-9]*)$"))
  BIND(STRDT(?key, xsd:integer) AS ?year)
}""",
    # cooperation-by-year.rq's years, cast as it casts them ("" where the cast fails)
    """CONSTRUCT { ?agreement summary:agreementYear ?year } WHERE {
  { SELECT DISTINCT ?agreement ?year WHERE {
      { SELECT ?agreement WHERE { ?agreement a edukg:CooperationAgreement } }
      { { SELECT ?agreement ?date WHERE { ?agreement edukg:signedOn ?date } }
        UNION
        { SELECT ?agreement ?date WHERE {
            ?agreement schema:validFrom ?date MINUS { ?agreement edukg:signedOn ?signed_any } } } }
      BIND(COALESCE(xsd:integer(SUBSTR(STR(?date), 1, 4)), "") AS ?year) } }
}""",
    """CONSTRUCT { ?event summary:eventYear ?year } WHERE {
  { SELECT DISTINCT ?event ?year WHERE {
      { SELECT ?event WHERE { ?event a edukg:CooperationEvent } }
      { SELECT ?event ?date WHERE { ?event schema:startDate ?date } }
      BIND(COALESCE(xsd:integer(SUBSTR(STR(?date), 1, 4)), "") AS ?year) } }
}""",
    # expiring-agreements.rq's day number of the end of a term (its comments say why so)
    """CONSTRUCT { ?agreement summary:endDay ?end_day } WHERE {
  { SELECT ?agreement WHERE { ?agreement a edukg:CooperationAgreement } }
  ?agreement schema:validThrough ?through
""" + _END_DAY + """}""",
    """CONSTRUCT { ?agreement summary:partyCountry ?country } WHERE {
  { SELECT DISTINCT ?agreement ?country WHERE {
      { SELECT ?party ?country WHERE { ?party edukg:country ?country } }
      { SELECT ?agreement ?party WHERE { ?agreement edukg:hasParty ?party } } } }
}""",
    # how partners.rq finds an institution by name or IRI
    """CONSTRUCT { ?institution summary:nameKey ?key } WHERE {
  { SELECT DISTINCT ?institution ?key WHERE {
      { SELECT ?institution WHERE { ?institution a edukg:Institution } }
      { SELECT ?institution ?name WHERE {
          { ?institution skos:prefLabel ?name } UNION { ?institution skos:altLabel ?name }
          UNION { ?institution dcterms:identifier ?name } } }
      BIND(LCASE(STR(?name)) AS ?key) } }
}""",
    """CONSTRUCT { ?institution summary:lastSegment ?last } WHERE {
  ?institution a edukg:Institution
  FILTER(isIRI(?institution))
  BIND(REPLACE(STR(?institution), "^.*/", "") AS ?last)
}""",
    # institutions-without-partners.rq's question
    "CONSTRUCT { ?institution summary:partnerless true } WHERE {" + _PARTNERLESS + "}",
    # and what it shows of each row: the values its portable form looks up
    *_display_queries("institution", _PARTNERLESS),
)

_PREFIXES = {**PREFIXES, "summary": SUMMARY_NS}
_CONSTRUCTED = re.compile(r"CONSTRUCT \{ \?\w+ summary:(\w+) ")

T = TypeVar("T")

INCREMENTAL_LIMIT = 20_000
"""A write touching more agreements and institutions (or changed statements that bear
on them) than this works every summary out again: one scan beats that many look-ups."""

_EDUKG, _SCHEMA = PREFIXES["edukg"], PREFIXES["schema"]
_TYPE = PREFIXES["rdf"] + "type"
_TYPE_NODE = ox.NamedNode(_TYPE)
_IMPLEMENTS = ox.NamedNode(_EDUKG + "implements")
_AGREEMENT = ox.NamedNode(_EDUKG + "CooperationAgreement")
_INSTITUTION = ox.NamedNode(_EDUKG + "Institution")
_EVENT = ox.NamedNode(_EDUKG + "CooperationEvent")
_SIGNED_ON, _VALID_FROM = _EDUKG + "signedOn", _SCHEMA + "validFrom"
_VALID_THROUGH = _SCHEMA + "validThrough"
_START_DATE = _SCHEMA + "startDate"
_HAS_PARTY, _COUNTRY = _EDUKG + "hasParty", _EDUKG + "country"
_REGION, _NOTATION = _EDUKG + "region", PREFIXES["skos"] + "notation"
_ORGANIZER, _ATTENDEE = _SCHEMA + "organizer", _SCHEMA + "attendee"
_PREF_LABEL = PREFIXES["skos"] + "prefLabel"
_NAMES = (
    _PREF_LABEL,
    PREFIXES["skos"] + "altLabel",
    PREFIXES["dcterms"] + "identifier",
)
LINES_BEARING_ON_SUMMARIES = re.compile(
    b" <(?:"
    + b"|".join(
        re.escape(iri.encode())
        for iri in (
            _SIGNED_ON, _VALID_FROM, _VALID_THROUGH, _START_DATE, _HAS_PARTY, _COUNTRY,
            _ORGANIZER, _ATTENDEE, *_NAMES, _REGION, _NOTATION, _IMPLEMENTS.value,
        )
    )
    + b")> | <"
    + re.escape(_TYPE.encode())
    + b"> <"
    + re.escape(_EDUKG.encode())
    + b"(?:CooperationAgreement|CooperationEvent|Institution)> "
)
"""A changed N-Triples line that bears on a summary (searched, not parsed: most do not)."""

# The same statements as _SUMMARY_QUERIES, for the nodes of a VALUES block: each
# pattern looked up from the bound node, where the whole-store forms scan and join.
# Agreements and events share one set of dated nodes: each query keeps to its own type.
_AGREEMENT_QUERIES = (
    """CONSTRUCT { ?node summary:firstSigned ?first } WHERE {
  { SELECT ?node (COALESCE(MIN(?signed_key), "") AS ?first) WHERE {
      VALUES_BLOCK
      ?node a edukg:CooperationAgreement .
      OPTIONAL { ?node edukg:signedOn ?signed_day BIND(STR(?signed_day) AS ?signed_key) }
    }
    GROUP BY ?node }
}""",
    """CONSTRUCT { ?node summary:firstStart ?first } WHERE {
  { SELECT ?node (COALESCE(MIN(?start_key), "") AS ?first) WHERE {
      VALUES_BLOCK
      ?node a edukg:CooperationEvent .
      OPTIONAL { ?node schema:startDate ?start_day BIND(STR(?start_day) AS ?start_key) }
    }
    GROUP BY ?node }
}""",
    """CONSTRUCT { ?node summary:year ?year } WHERE {
  { SELECT DISTINCT ?node ?key WHERE {
      VALUES_BLOCK
      { ?node edukg:signedOn ?dated }
      UNION
      { ?node schema:validFrom ?dated FILTER NOT EXISTS { ?node edukg:signedOn ?signed_any } }
      BIND(SUBSTR(STR(?dated), 1, 4) AS ?key) } }
  FILTER(REGEX(?key, "^(0|-?[1-9][0-9]*)$"))
  BIND(STRDT(?key, xsd:integer) AS ?year)
}""",
    """CONSTRUCT { ?node summary:agreementYear ?year } WHERE {
  { SELECT DISTINCT ?node ?year WHERE {
      VALUES_BLOCK
      ?node a edukg:CooperationAgreement .
      { ?node edukg:signedOn ?date }
      UNION
      { ?node schema:validFrom ?date FILTER NOT EXISTS { ?node edukg:signedOn ?signed_any } }
      BIND(COALESCE(xsd:integer(SUBSTR(STR(?date), 1, 4)), "") AS ?year) } }
}""",
    """CONSTRUCT { ?node summary:eventYear ?year } WHERE {
  { SELECT DISTINCT ?node ?year WHERE {
      VALUES_BLOCK
      ?node a edukg:CooperationEvent ; schema:startDate ?date
      BIND(COALESCE(xsd:integer(SUBSTR(STR(?date), 1, 4)), "") AS ?year) } }
}""",
    """CONSTRUCT { ?node summary:endDay ?end_day } WHERE {
  VALUES_BLOCK
  ?node a edukg:CooperationAgreement ; schema:validThrough ?through
""" + _END_DAY + """}""",
    """CONSTRUCT { ?node summary:partyCountry ?country } WHERE {
  VALUES_BLOCK
  ?node edukg:hasParty ?party . ?party edukg:country ?country
}""",
)

# another party (as a term: COUNT(DISTINCT) tells terms apart) of one of its
# agreements or events is a partner. MINUS of groups that bind the nodes themselves:
# Oxigraph looks each node's agreements up; FILTER NOT EXISTS scanned every party per
# node (22 s for 2,000 nodes at 1M)
_NODES_PARTNERLESS = """
  VALUES_BLOCK
  ?node a edukg:Institution .
  MINUS {
    VALUES_BLOCK
    ?agreement edukg:hasParty ?node . ?agreement edukg:hasParty ?party
    FILTER(!sameTerm(?party, ?node)) }
  MINUS {
    VALUES_BLOCK
    ?event schema:organizer|schema:attendee ?node .
    ?event schema:organizer|schema:attendee ?person
    FILTER(!sameTerm(?person, ?node)) }
"""

_INSTITUTION_QUERIES = (
    """CONSTRUCT { ?node summary:nameKey ?key } WHERE {
  { SELECT DISTINCT ?node ?key WHERE {
      VALUES_BLOCK
      ?node a edukg:Institution .
      ?node skos:prefLabel|skos:altLabel|dcterms:identifier ?name
      BIND(LCASE(STR(?name)) AS ?key) } }
}""",
    """CONSTRUCT { ?node summary:lastSegment ?last } WHERE {
  VALUES_BLOCK
  ?node a edukg:Institution
  BIND(REPLACE(STR(?node), "^.*/", "") AS ?last)
}""",
    "CONSTRUCT { ?node summary:partnerless true } WHERE {" + _NODES_PARTNERLESS + "}",
)

_NODES_DISPLAYED = _display_queries("node", "\n  VALUES_BLOCK\n  ?node a edukg:Institution .\n")
"""The :data:`_PARTNERLESS_DISPLAY` statements of given institutions, found partnerless by the
last of :data:`_INSTITUTION_QUERIES`: its pattern once, not once per kind (an edited skewed
1M register: 4,509 institutions to work out again, 1 s per pattern)."""

_AGREEMENTS_OF_PARTIES = "SELECT DISTINCT ?a WHERE { VALUES_BLOCK ?a edukg:hasParty ?party }"
_PARTIES_OF_AGREEMENTS = "SELECT DISTINCT ?p WHERE { VALUES_BLOCK ?agreement edukg:hasParty ?p }"
_HOLDERS_OF_COUNTRIES = "SELECT DISTINCT ?i WHERE { VALUES_BLOCK ?i edukg:country ?place }"
_HOLDERS_OF_REGIONS = "SELECT DISTINCT ?i WHERE { VALUES_BLOCK ?i edukg:region ?place }"
_PEOPLE_OF_EVENTS = (
    "SELECT DISTINCT ?p WHERE { VALUES_BLOCK ?event schema:organizer|schema:attendee ?p }"
)


def summaries_current(store: ox.Store) -> bool:
    """Whether ``store`` holds summaries that match its data now (see the module's notes)."""
    return _mark(store) in store


def mark_stale(store: ox.Store) -> None:
    """Take away the mark that the summaries are current: a write is about to begin."""
    for quad in list(store.quads_for_pattern(SUMMARY_GRAPH, VERSION, None, SUMMARY_GRAPH)):
        store.remove(quad)


def _mark(store: ox.Store) -> ox.Quad:
    """The mark of summaries current for the sources ``store`` holds now.

    Its fingerprint is the SHA-256 of every source's graph and statement digest, as
    the catalog records them: a few statements, read in microseconds.
    """
    digests = sorted(
        f"{quad.subject} {quad.object}"
        for quad in store.quads_for_pattern(None, _STATEMENTS_SHA256, None, CATALOG_GRAPH)
    )
    fingerprint = hashlib.sha256("\n".join(digests).encode("utf-8")).hexdigest()
    mark = ox.Literal(f"{SUMMARY_VERSION} {fingerprint}")
    return ox.Quad(SUMMARY_GRAPH, VERSION, mark, SUMMARY_GRAPH)


def summary_lines(
    store: ox.Store,
    *,
    graphs: Callable[[], Iterable[bytes]] | None = None,
    found: TextSummaries | None = None,
) -> set[bytes]:
    """The summary statements ``store``'s data calls for now, as N-Triples lines (no mark).

    ``graphs`` gives every graph's statements as N-Triples text (the summary graph's
    may be left out): the kinds :mod:`edukg.graph.summary_text` works out come from
    that text, unless it cannot read it; every other kind comes from its query.
    ``found``, when given, is what :func:`~edukg.graph.summary_text.text_summary_lines`
    made of that text already (``graphs`` is then not read); with every kind in it,
    the store is not read either.
    """
    wanted: set[bytes] = set()
    done: tuple[str, ...] = ()
    if found is None and graphs is not None:
        found = text_summary_lines(graphs())
    if found is not None:
        wanted, done = set(found.lines), found.kinds
    for query in _SUMMARY_QUERIES:
        if _kind(query) in done:
            continue
        answer = store.query(query, use_default_graph_as_union=True, prefixes=_PREFIXES)
        if not isinstance(answer, ox.QueryTriples):
            raise TypeError("a summary query must be a CONSTRUCT")
        wanted.update(dumped(answer.serialize(format=ox.RdfFormat.N_TRIPLES)).splitlines())
    if "dormantTerm" not in done:
        wanted |= _dormant_lines(store)
    wanted.update(multinational_lines(wanted))
    wanted.update(page_key_lines(wanted, agreement_space(store)))
    return wanted


def page_key(iri: str, first: str, space: str) -> str:
    r"""An agreement's :data:`PAGE_KEY`: from its IRI, its first signing date and the IRI
    ``space`` the store mints its agreements' IRIs in.

    Where ``agreements`` sorts on ``CONCAT(first, " ", STR(agreement))``, these keys sort
    alike or tie (never the other way round): an IRI in ``space`` is cut to "1" and the
    rest, one before it to "0" and itself, one after it to "2" and itself; then the whole
    is cut to 15 characters (a cut at a byte count would not keep the order). A first date
    with a space or a character before it sorts otherwise: its key is "", before all
    others. Text of 15 bytes or less the store keeps within its id: compared without
    reading the disk.

    >>> space = "https://e.x/id/agreement/"
    >>> page_key(space + "agr-7", "", space), page_key(space + "agr-7", "2024-05-01", space)
    (' 1agr-7', '2024-05-01 1agr')
    >>> page_key("http://other/a", "2024", space), page_key("urn:x:1", "", space)
    ('2024 0http://ot', ' 2urn:x:1')
    >>> page_key(space + "agr-7", "2024\t", space)
    ''
    """
    if any(character <= " " for character in first):
        return ""
    if iri.startswith(space):
        shortened = "1" + iri[len(space) :]
    else:
        shortened = ("0" if iri < space else "2") + iri
    return (first + " " + shortened)[:15]


def page_key_lines(lines: Iterable[bytes], space: str) -> list[bytes]:
    r"""The :data:`PAGE_KEY` lines of the ``firstSigned`` lines among ``lines`` (N-Triples).

    >>> first = b" <https://w3id.org/edukg/summary#firstSigned> "
    >>> page_key_lines([b"<http://x/a/1>" + first + b'"2024" .'], "http://x/a/")
    [b'<http://x/a/1> <https://w3id.org/edukg/summary#pageKey> "2024 11" .']
    """
    marker = b" <" + FIRST_SIGNED.value.encode() + b"> "
    predicate = b" <" + PAGE_KEY.value.encode() + b"> "
    keyed = []
    for line in lines:
        subject, found, value = line.partition(marker)
        if not found or not subject.startswith(b"<"):
            continue  # a blank node: the summaries are not exact anyway
        first = _literal_text(value.rsplit(b" .", 1)[0])
        key = page_key(subject[1:-1].decode("utf-8"), first, space)
        keyed.append(subject + predicate + str(ox.Literal(key)).encode("utf-8") + b" .")
    return keyed


def _literal_text(term: bytes) -> str:
    """The text of a simple literal in N-Triples (``"..."``), escapes read."""
    if b"\\" not in term:
        return term[1 : term.rindex(b'"')].decode("utf-8")
    parsed = next(iter(ox.parse(b"<a:s> <a:p> " + term + b" .", ox.RdfFormat.N_TRIPLES)))
    return str(parsed.object.value)


def agreement_space(store: ox.Store) -> str:
    """The IRI space of the agreements ``store`` mints: its base IRI's ``agreement/``
    (the default base's in a store that holds none)."""
    return (stored_base_iri(store) or DEFAULT_BASE_IRI) + "agreement/"


def _dormant_lines(store: ox.Store, agreements: Iterable[ox.NamedNode] | None = None) -> set[bytes]:
    """The ``dormantTerm`` and ``dormantOdd`` lines of ``agreements`` (every one without
    them) from the statements of the union of all graphs, as the text form works them out.

    A date that is neither an IRI nor a literal (``STR`` fails on it) makes the agreement's
    line ``dormantOdd``: the query then reads its dates as the portable form does.
    """
    odd: set[bytes] = set()
    dates: tuple[dict[bytes, set[str]], ...] = ({}, {}, {})
    predicates = (_SIGNED_ON, _VALID_FROM, _VALID_THROUGH)
    subjects: Iterable[ox.NamedNode | ox.BlankNode | ox.Triple | None]
    if agreements is None:
        typed = {q.subject for q in store.quads_for_pattern(None, _TYPE_NODE, _AGREEMENT, None)}
        subjects = [None]  # every date statement at once
        implemented = {
            str(quad.object).encode()
            for quad in store.quads_for_pattern(None, _IMPLEMENTS, None, None)
        }
    else:
        # what an event implements first: most agreements a write of events touches are
        typed = {
            node
            for node in agreements
            if next(store.quads_for_pattern(None, _IMPLEMENTS, node, None), None) is None
            and next(store.quads_for_pattern(node, _TYPE_NODE, _AGREEMENT, None), None)
        }
        subjects = typed
        implemented = set()
    for subject in subjects:
        for predicate, held in zip(predicates, dates, strict=True):
            for quad in store.quads_for_pattern(subject, ox.NamedNode(predicate), None, None):
                _note_date(quad.subject, quad.object, held, odd)
    names = {str(node).encode() for node in typed} - implemented
    lines = dormant_lines(names - odd, *dates)
    marker = b" <" + DORMANT_ODD.value.encode() + b"> " + str(ox.Literal(True)).encode() + b" ."
    lines.update(name + marker for name in names & odd)
    return lines


def _note_date(
    subject: ox.NamedNode | ox.BlankNode | ox.Triple,
    value: object,
    held: dict[bytes, set[str]],
    odd: set[bytes],
) -> None:
    """Keep ``STR(value)`` as a date of ``subject``, or note ``subject`` as odd."""
    name = str(subject).encode()
    if isinstance(value, ox.NamedNode | ox.Literal):
        held.setdefault(name, set()).add(value.value)
    else:
        odd.add(name)


def _kind(query: str) -> str | None:
    """The local name of the summary predicate a summary query writes (``None`` when it
    is not written as ``CONSTRUCT { ?node summary:name ... }``: the query always runs).

    >>> _kind("CONSTRUCT { ?agreement summary:year ?year } WHERE { }")
    'year'
    """
    found = _CONSTRUCTED.search(query)
    return found.group(1) if found else None


def multinational_lines(lines: Iterable[bytes]) -> list[bytes]:
    r"""The ``multinationalAgreements`` counts the ``partyCountry`` lines among ``lines`` make.

    The lines are distinct statements, one term per N-Triples token: an agreement counts
    for each of its countries (as ``partner-countries`` does) when it has two or more.

    >>> party = b" <https://w3id.org/edukg/summary#partyCountry> "
    >>> [line[:20] for line in multinational_lines(
    ...     [b"<a:1>" + party + b"<c:BY> .", b"<a:1>" + party + b"<c:RU> .",
    ...      b"<a:2>" + party + b"<c:BY> ."])]
    [b'<c:BY> <https://w3id', b'<c:RU> <https://w3id']
    """
    marker = b" <" + PARTY_COUNTRY.value.encode() + b"> "
    pairs = []
    for line in lines:
        subject, found, rest = line.partition(marker)
        if found:
            pairs.append((subject, rest.rsplit(b" .", 1)[0]))
    counts = _multinational_counts(pairs)
    predicate = b" <" + MULTINATIONAL_AGREEMENTS.value.encode() + b"> "
    integer = b"^^<" + _INTEGER.value.encode() + b">"
    return [
        country + predicate + b'"' + str(count).encode() + b'"' + integer + b" ."
        for country, count in sorted(counts.items())
        if country.startswith((b"<", b"_:"))  # a literal country names no subject
    ]


def _multinational_counts(pairs: Iterable[tuple[T, T]]) -> dict[T, int]:
    """Country -> how many agreements of the (agreement, country) ``pairs`` have a party
    from it and parties from two countries or more (``pairs`` distinct).

    >>> sorted(_multinational_counts([("a1", "BY"), ("a1", "RU"), ("a2", "BY")]).items())
    [('BY', 1), ('RU', 1)]
    """
    countries: dict[T, set[T]] = {}
    for agreement, country in pairs:
        countries.setdefault(agreement, set()).add(country)
    counts: dict[T, int] = {}
    for held in countries.values():
        if len(held) > 1:
            for country in held:
                counts[country] = counts.get(country, 0) + 1
    return counts


def refresh_summaries(
    store: ox.Store,
    *,
    on_disk: bool = False,
    changed: Iterable[bytes] | None = None,
    graphs: Callable[[], Iterable[bytes]] | None = None,
    wanted: set[bytes] | None = None,
    held: set[bytes] | None = None,
    bulk_parts: int = 1,
) -> int:
    """Bring the summary graph up to date with the data, then mark it current.

    ``changed`` are the N-Triples lines the write added or removed (in any
    graph): only the summaries of the agreements and institutions they touch
    are worked out again (see :func:`touched`), unless they touch more than
    :data:`INCREMENTAL_LIMIT`; give them only when the summaries were current
    before the write. Without them, every summary is worked out again
    and only the differences are written (into an empty graph of an on-disk
    store, with a bulk load; ``graphs``, when given, the statements to work them out
    from, as :func:`summary_lines` reads them; ``wanted``, the lines :func:`summary_lines`
    made of the data the store holds, when the caller has them already; ``held``, the
    lines the summary graph holds, when the caller knows them, as
    :func:`write_summary_lines` reads them; ``bulk_parts``, how many parts of a bulk load
    may run side by side).
    A store with statements in its default graph
    (which no edukg write makes) is left without the mark: the catalogue then
    runs the portable forms there. Returns the number of summary statements
    written or removed.
    """
    mark_stale(store)
    scope = touched(store, changed) if changed is not None else None
    exact = True
    if scope is None:
        changes, exact = _refresh_all(
            store, on_disk=on_disk, graphs=graphs, wanted=wanted, held=held, bulk_parts=bulk_parts
        )
    else:
        changes = _refresh_some(store, *scope)
    if exact and next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None:
        store.add(_mark(store))
    return changes


def _refresh_all(
    store: ox.Store,
    *,
    on_disk: bool,
    graphs: Callable[[], Iterable[bytes]] | None = None,
    wanted: set[bytes] | None = None,
    held: set[bytes] | None = None,
    bulk_parts: int = 1,
) -> tuple[int, bool]:
    """Work every summary out again; the changes written, and whether the summaries are
    exact (not when one is about a blank node: N-Triples text cannot name the store's own,
    so the catalogue keeps to its portable forms on such a store)."""
    if wanted is None:
        wanted = summary_lines(store, graphs=graphs)
    blank = lines_holding(wanted, b"_:")  # a few lines, if any, tested one by one
    exact = not any(line.startswith(b"_:") or b"> _:" in line for line in blank)
    changes = write_summary_lines(
        store, wanted, on_disk=on_disk, current=held, bulk_parts=bulk_parts
    )
    return changes, exact


def write_summary_lines(
    store: ox.Store,
    wanted: set[bytes],
    *,
    on_disk: bool,
    current: set[bytes] | None = None,
    bulk_parts: int = 1,
) -> int:
    """Make the summary graph hold the ``wanted`` lines (from :func:`summary_lines`), writing
    only the differences; returns how many lines were written or removed. Leaves the
    mark as it was (so, taken out first by :func:`mark_stale`, it is not among the lines).

    ``current``: the lines the graph holds, when the caller knows them (it wrote them in
    this write): then they are not read (reading a graph bulk-loaded beside another
    bulk load took 10 s at 1M triples, before a compaction).

    >>> store = ox.Store()
    >>> line = b'<http://x/a> <https://w3id.org/edukg/summary#firstSigned> "" .'
    >>> write_summary_lines(store, {line}, on_disk=False), write_summary_lines(
    ...     store, {line}, on_disk=False), write_summary_lines(store, set(), on_disk=False)
    (1, 0, 1)
    >>> write_summary_lines(store, {line}, on_disk=False, current={line})  # taken as held
    0
    """
    if current is None:
        current = set()
        if store.contains_named_graph(SUMMARY_GRAPH):
            dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=SUMMARY_GRAPH)
            current = set(dumped(dump).splitlines())
    gone, new = sorted(current - wanted), wanted - current
    if gone and len(gone) == len(current):
        store.remove_graph(SUMMARY_GRAPH)  # at once: every statement goes
        current = set()
    elif gone:
        for quad in _quads(gone):
            store.remove(quad)
    if new:
        if on_disk and not current and len(new) >= BULK_THRESHOLD:
            # unsorted: Oxigraph sorts what it bulk-loads (sorting here cost 0.3 s at 1M)
            text = b"\n".join(new) + b"\n"
            # lenient: the lines are the store's own terms and ones made here (10% less CPU)
            bulk_load_in_parts(
                store, text, SUMMARY_GRAPH, parts=min(bulk_parts, len(new) // BULK_PART),
                lenient=True,
            )
        else:
            text = b"\n".join(sorted(new)) + b"\n"
            store.load(text, ox.RdfFormat.N_TRIPLES, to_graph=SUMMARY_GRAPH)
    return len(gone) + len(new)


def texts_agree(before: Mapping[str, bytes], after: Iterable[tuple[str, bytes]]) -> bool:
    r"""True when graphs whose N-Triples texts were ``before`` (graph -> text) and are now
    ``after`` ((graph, text) pairs) call for the same summaries: each graph holds the
    same text as before, or neither of its texts holds a line that bears on a summary
    (:data:`LINES_BEARING_ON_SUMMARIES`; a missing graph holds none).

    >>> signed = b'<http://x/a> <https://w3id.org/edukg/ontology#signedOn> "2024" .\n'
    >>> other = b'<http://x/a> <http://x/p> "2024" .\n'
    >>> texts_agree({"g": signed, "c": b""}, [("g", signed), ("c", other), ("d", other)])
    True
    >>> texts_agree({"g": signed}, [("g", signed + other)]), texts_agree({"g": signed}, [])
    (False, False)
    """
    unseen = dict(before)
    for graph, text in after:
        old = unseen.pop(graph, b"")
        if old is text or old == text:
            continue
        if LINES_BEARING_ON_SUMMARIES.search(old) or LINES_BEARING_ON_SUMMARIES.search(text):
            return False
    return not any(LINES_BEARING_ON_SUMMARIES.search(text) for text in unseen.values())


def touched(
    store: ox.Store, changed: Iterable[bytes]
) -> tuple[set[ox.NamedNode], set[ox.NamedNode], set[ox.NamedNode]] | None:
    """The agreements (and events) and the institutions whose summaries ``changed`` lines
    may change, and the agreements whose ``dormant*`` summaries alone may change.

    An agreement: the subject of a changed type, ``signedOn``, ``validFrom``,
    ``validThrough`` or ``hasParty`` statement, or one with a party whose ``country``
    changed (the object of a changed ``implements`` statement: its ``dormant*`` summaries
    only, in the third set); an event (in the same set as agreements): the subject of a
    changed type or ``schema:startDate``. An institution: the subject of a changed type,
    name (``skos:prefLabel``, ``skos:altLabel``, ``dcterms:identifier``), ``edukg:country``
    or ``edukg:region`` statement, a party, host or guest in a changed statement, every
    other party, host or guest of the agreements and events those changed, and one whose
    country's ``skos:notation`` or region's ``skos:prefLabel`` changed. ``None`` when
    there are more than :data:`INCREMENTAL_LIMIT` of them, or a blank node among them:
    every summary is then worked out again.

    >>> store = ox.Store()
    >>> line = b'<http://x/a> <https://w3id.org/edukg/ontology#hasParty> <http://x/i> .'
    >>> [sorted(n.value for n in nodes) for nodes in touched(store, [line])]
    [['http://x/a'], ['http://x/i'], []]
    """
    picked = [line for line in changed if LINES_BEARING_ON_SUMMARIES.search(line)]
    if len(picked) > INCREMENTAL_LIMIT:
        return None
    agreements: set[ox.NamedNode] = set()
    implemented: set[ox.NamedNode] = set()  # an event implements it, or no longer does
    institutions: set[ox.NamedNode] = set()
    parties_moved: set[ox.NamedNode] = set()
    gatherings: set[ox.NamedNode] = set()
    countries_of: set[ox.NamedNode] = set()
    coded: set[ox.NamedNode] = set()  # a notation changed: of a country?
    labelled: set[ox.NamedNode] = set()  # a label changed: of a region?
    for triple in ox.parse(b"\n".join(picked), ox.RdfFormat.N_TRIPLES):
        subject, predicate, value = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            return None  # VALUES cannot name a blank node
        if predicate == _TYPE:
            if value in (_AGREEMENT, _EVENT):
                agreements.add(subject)
            elif value == _INSTITUTION:
                institutions.add(subject)
        elif predicate in (_SIGNED_ON, _VALID_FROM, _VALID_THROUGH, _START_DATE):
            agreements.add(subject)
        elif predicate == _HAS_PARTY:
            agreements.add(subject)
            parties_moved.add(subject)
        elif predicate == _COUNTRY:
            countries_of.add(subject)
            institutions.add(subject)
        elif predicate == _REGION:
            institutions.add(subject)
        elif predicate == _NOTATION:
            coded.add(subject)
        elif predicate == _IMPLEMENTS.value:  # whether the agreement is dormant
            if not isinstance(value, ox.NamedNode | ox.Literal):
                return None
            if isinstance(value, ox.NamedNode):
                implemented.add(value)
        elif predicate in (_ORGANIZER, _ATTENDEE):
            gatherings.add(subject)
        elif predicate in _NAMES:
            institutions.add(subject)
            if predicate == _PREF_LABEL:
                labelled.add(subject)
        if predicate in (_HAS_PARTY, _ORGANIZER, _ATTENDEE):
            if not isinstance(value, ox.NamedNode | ox.Literal):
                return None
            if isinstance(value, ox.NamedNode):
                institutions.add(value)
    agreements |= _bound_rows(store, _AGREEMENTS_OF_PARTIES, "party", countries_of)
    institutions |= _bound_rows(store, _PARTIES_OF_AGREEMENTS, "agreement", parties_moved)
    institutions |= _bound_rows(store, _PEOPLE_OF_EVENTS, "event", gatherings)
    institutions |= _bound_rows(store, _HOLDERS_OF_COUNTRIES, "place", coded)
    institutions |= _bound_rows(store, _HOLDERS_OF_REGIONS, "place", labelled)
    implemented -= agreements
    if len(agreements) + len(institutions) + len(implemented) > INCREMENTAL_LIMIT:
        return None
    return agreements, institutions, implemented


_DATED_PREDICATES = (
    FIRST_SIGNED, FIRST_START, YEAR, AGREEMENT_YEAR, EVENT_YEAR, END_DAY, PARTY_COUNTRY
)
"""The summaries of the agreements and events :func:`touched` finds (with the ``dormant*``)."""

_DORMANT_PREDICATES = (DORMANT_TERM, DORMANT_ODD)


def _refresh_some(
    store: ox.Store,
    agreements: set[ox.NamedNode],
    institutions: set[ox.NamedNode],
    implemented: set[ox.NamedNode],
) -> int:
    """Work out the summaries of these agreements and institutions again, and the
    ``dormant*`` ones of the ``implemented`` agreements; write the changes."""
    wanted: set[ox.Quad] = set()
    current: set[ox.Quad] = set()
    dormant = agreements | implemented
    for node in dormant:
        for predicate in _DORMANT_PREDICATES:
            current.update(store.quads_for_pattern(node, predicate, None, SUMMARY_GRAPH))
    if dormant:
        wanted.update(_quads(sorted(_dormant_lines(store, dormant))))
    for nodes, queries, predicates in (
        (agreements, _AGREEMENT_QUERIES, _DATED_PREDICATES),
        (
            institutions,
            _INSTITUTION_QUERIES,
            (NAME_KEY, LAST_SEGMENT, PARTNERLESS, *_PARTNERLESS_DISPLAY),
        ),
    ):
        for node in nodes:
            for predicate in predicates:
                current.update(store.quads_for_pattern(node, predicate, None, SUMMARY_GRAPH))
        for query in queries:
            wanted.update(_constructed(store, query, nodes))
    true = ox.Literal(True)
    partnerless = {
        node for node in institutions if ox.Quad(node, PARTNERLESS, true, SUMMARY_GRAPH) in wanted
    }
    for query in _NODES_DISPLAYED:
        wanted.update(_constructed(store, query, partnerless))
    for node in agreements:
        current.update(store.quads_for_pattern(node, PAGE_KEY, None, SUMMARY_GRAPH))
    wanted.update(_page_key_quads(wanted, agreement_space(store)))
    changed = current ^ wanted
    for quad in current - wanted:
        store.remove(quad)
    store.extend(wanted - current)
    return len(changed) + _recount_multinational(store, current, wanted)


def _constructed(store: ox.Store, query: str, nodes: set[ox.NamedNode]) -> Iterator[ox.Quad]:
    """The statements the CONSTRUCT ``query`` makes for the ``nodes`` (its ``VALUES_BLOCK``,
    in batches), in the summary graph."""
    for batch in _batches(nodes):
        answer = store.query(
            query.replace("VALUES_BLOCK", _values(batch)),
            use_default_graph_as_union=True,
            prefixes=_PREFIXES,
        )
        if not isinstance(answer, ox.QueryTriples):
            raise TypeError("a summary query must be a CONSTRUCT")
        for triple in answer:
            yield ox.Quad(triple.subject, triple.predicate, triple.object, SUMMARY_GRAPH)


def _page_key_quads(quads: Iterable[ox.Quad], space: str) -> list[ox.Quad]:
    """The :data:`PAGE_KEY` statements of the ``firstSigned`` statements among ``quads``."""
    return [
        ox.Quad(q.subject, PAGE_KEY, ox.Literal(page_key(q.subject.value, q.object.value, space)),
                SUMMARY_GRAPH)
        for q in quads
        if q.predicate == FIRST_SIGNED and isinstance(q.subject, ox.NamedNode)
        and isinstance(q.object, ox.Literal)
    ]


def _recount_multinational(store: ox.Store, current: set[ox.Quad], wanted: set[ox.Quad]) -> int:
    """Move each country's count of multinational agreements by what the agreements changed.

    ``current`` and ``wanted`` hold every ``partyCountry`` statement of the agreements
    worked out again, before and after: an agreement counts for each of its countries
    when it has two or more. Returns the number of counts written.
    """
    moves: dict[object, int] = {}
    for quads, sign in ((current, -1), (wanted, 1)):
        pairs: list[tuple[object, object]] = [
            (q.subject, q.object) for q in quads if q.predicate == PARTY_COUNTRY
        ]
        for held, count in _multinational_counts(pairs).items():
            moves[held] = moves.get(held, 0) + sign * count
    written = 0
    for country, move in moves.items():
        if not move or not isinstance(country, ox.NamedNode | ox.BlankNode):
            continue
        old = list(store.quads_for_pattern(country, MULTINATIONAL_AGREEMENTS, None, SUMMARY_GRAPH))
        count = move
        for quad in old:
            count += int(str(quad.object.value))  # type: ignore[union-attr]
            store.remove(quad)
        if count:
            value = ox.Literal(str(count), datatype=_INTEGER)
            store.add(ox.Quad(country, MULTINATIONAL_AGREEMENTS, value, SUMMARY_GRAPH))
        written += 1
    return written


def _bound_rows(
    store: ox.Store, query: str, variable: str, nodes: set[ox.NamedNode]
) -> set[ox.NamedNode]:
    found: set[ox.NamedNode] = set()
    for batch in _batches(nodes):
        answer = store.query(
            query.replace("VALUES_BLOCK", _values(batch, variable)),
            use_default_graph_as_union=True,
            prefixes=_PREFIXES,
        )
        for row in solutions(answer):
            if isinstance(row[0], ox.NamedNode):
                found.add(row[0])
    return found


def _batches(nodes: set[ox.NamedNode], size: int = 500) -> list[list[ox.NamedNode]]:
    """The nodes in sorted batches for the ``VALUES`` of one query each.

    Oxigraph looks up a few hundred values one by one, but from some point between
    1,000 and 2,000 it scans instead: at 1M triples, 2,000 institutions took 5.7 s in one
    batch and 0.46 s in batches of 500.
    """
    ordered = sorted(nodes, key=lambda node: node.value)
    return [ordered[start : start + size] for start in range(0, len(ordered), size)]


def _values(nodes: list[ox.NamedNode], variable: str = "node") -> str:
    """A VALUES block of pyoxigraph terms (their own N-Triples form: nothing pasted)."""
    return f"VALUES ?{variable} {{ {' '.join(str(node) for node in nodes)} }}"


def _quads(lines: list[bytes]) -> list[ox.Quad]:
    return [
        ox.Quad(q.subject, q.predicate, q.object, SUMMARY_GRAPH)
        for q in ox.parse(b"\n".join(lines), ox.RdfFormat.N_TRIPLES)
    ]
