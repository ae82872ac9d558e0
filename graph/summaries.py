r"""Summary statements: facts the catalogue's slow questions would otherwise work out each time.

The store writes them into a system graph of their own, :data:`SUMMARY_GRAPH`,
at the end of every write (load, reload, removal, merge and split, the undoing
of an interrupted write), worked out from the union of all graphs the way the
catalogue's queries read it. Per agreement (anything with ``edukg:hasParty``,
``edukg:signedOn`` or ``schema:validFrom``): its first signing date, its years
and its parties' countries; per institution: whether it has no partner. The
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
(2, True)
>>> sorted(q.object.value for q in store.quads_for_pattern(None, None, None, SUMMARY_GRAPH))
['1', '2024', '2024-05-01']
"""

from __future__ import annotations

import pyoxigraph as ox

from edukg.graph.terms import dumped
from edukg.ontology.iris import PREFIXES, PROJECT_IRI, SYSTEM_GRAPH_BASE

SUMMARY_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "summaries")
"""The named graph of the summary statements."""

SUMMARY_NS = PROJECT_IRI + "/summary#"
"""The namespace of the summary predicates (edukg's own; no source uses it)."""

SUMMARY_VERSION = "1"
"""Bumped whenever what a summary means changes: a store with older ones is not current."""

FIRST_SIGNED = ox.NamedNode(SUMMARY_NS + "firstSigned")
"""Agreement -> the least text of its ``edukg:signedOn`` dates, ``""`` without one."""

YEAR = ox.NamedNode(SUMMARY_NS + "year")
"""Agreement -> a year it counts in (docs/years.md), as ``xsd:integer``."""

PARTY_COUNTRY = ox.NamedNode(SUMMARY_NS + "partyCountry")
"""Agreement -> the ``edukg:country`` of one of its ``edukg:hasParty`` parties."""

PARTNERLESS = ox.NamedNode(SUMMARY_NS + "partnerless")
"""Institution -> ``true`` when it shares no agreement and no event with another party."""

VERSION = ox.NamedNode(SUMMARY_NS + "version")
"""The mark that the summaries are current: the summary graph -> :data:`SUMMARY_VERSION`."""

BULK_THRESHOLD = 10_000
"""Summary statements written to an empty graph on disk with a bulk load from this many."""

_CURRENT = ox.Quad(SUMMARY_GRAPH, VERSION, ox.Literal(SUMMARY_VERSION), SUMMARY_GRAPH)

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
    """CONSTRUCT { ?agreement summary:partyCountry ?country } WHERE {
  { SELECT DISTINCT ?agreement ?country WHERE {
      { SELECT ?party ?country WHERE { ?party edukg:country ?country } }
      { SELECT ?agreement ?party WHERE { ?agreement edukg:hasParty ?party } } } }
}""",
    # institutions-without-partners.rq's question
    """CONSTRUCT { ?institution summary:partnerless true } WHERE {
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
}""",
)

_PREFIXES = {**PREFIXES, "summary": SUMMARY_NS}


def summaries_current(store: ox.Store) -> bool:
    """Whether ``store`` holds summaries that match its data now (see the module's notes)."""
    return _CURRENT in store


def mark_stale(store: ox.Store) -> None:
    """Take away the mark that the summaries are current: a write is about to begin."""
    store.remove(_CURRENT)


def summary_lines(store: ox.Store) -> set[bytes]:
    """The summary statements ``store``'s data calls for now, as N-Triples lines (no mark)."""
    wanted: set[bytes] = set()
    for query in _SUMMARY_QUERIES:
        answer = store.query(query, use_default_graph_as_union=True, prefixes=_PREFIXES)
        if not isinstance(answer, ox.QueryTriples):
            raise TypeError("a summary query must be a CONSTRUCT")
        wanted.update(dumped(answer.serialize(format=ox.RdfFormat.N_TRIPLES)).splitlines())
    return wanted


def refresh_summaries(store: ox.Store, *, on_disk: bool = False) -> int:
    """Bring the summary graph up to date with the data, then mark it current.

    Only the differences are written (into an empty graph of an on-disk store,
    with a bulk load). A store with statements in its default graph (which no
    edukg write makes) is left without the mark: the catalogue then runs the
    portable forms there. Returns the number of summary statements written or
    removed.
    """
    mark_stale(store)
    wanted = summary_lines(store)
    current = set(dumped(
        store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=SUMMARY_GRAPH)
    ).splitlines()) if store.contains_named_graph(SUMMARY_GRAPH) else set()
    gone, new = sorted(current - wanted), sorted(wanted - current)
    if gone and len(gone) == len(current):
        store.remove_graph(SUMMARY_GRAPH)  # at once: every statement goes
        current = set()
    elif gone:
        for quad in _quads(gone):
            store.remove(quad)
    if new:
        text = b"\n".join(new) + b"\n"
        if on_disk and not current and len(new) >= BULK_THRESHOLD:
            store.bulk_load(text, ox.RdfFormat.N_TRIPLES, to_graph=SUMMARY_GRAPH)
        else:
            store.load(text, ox.RdfFormat.N_TRIPLES, to_graph=SUMMARY_GRAPH)
    if next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None:
        store.add(_CURRENT)
    return len(gone) + len(new)


def _quads(lines: list[bytes]) -> list[ox.Quad]:
    return [
        ox.Quad(q.subject, q.predicate, q.object, SUMMARY_GRAPH)
        for q in ox.parse(b"\n".join(lines), ox.RdfFormat.N_TRIPLES)
    ]
