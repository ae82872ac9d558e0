"""Network extracts worked out from an embedded store's statements, row for row as their queries.

``queries/network-agreements-without-events.rq`` answers every engine, but on an
on-disk Oxigraph store each of its rows looks a title up in the table of long texts,
at random: at 5M triples three quarters of its time, and it grew 10x for 5x the data.
The statements of the few predicates it joins can be read at once instead
(:mod:`edukg.graph.statement_scan`, sequential reads of the sources' snapshots), and
joined here as the query joins them: the same rows (pyoxigraph terms) in the same
order. ``tests/analysis/test_statement_extracts.py`` compares both ways.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     agreements_without_events(kg, lang="ru").rows
[]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

import pyoxigraph as ox

from edukg.analysis.statement_network import (
    AGREEMENT,
    HAS_PARTY,
    IDENTIFIER,
    LABEL,
    SIGNED,
    TYPE,
)
from edukg.graph.results import QueryResult, Term
from edukg.graph.statement_scan import (
    Picked,
    is_resource,
    literal_parts,
    statements_by_predicate,
    term_value,
)
from edukg.ontology.namespace import PREFIXES

IMPLEMENTS = PREFIXES["edukg"] + "implements"
AGREEMENT_PREDICATES = (TYPE, HAS_PARTY, IMPLEMENTS, IDENTIFIER, SIGNED, LABEL)
AGREEMENT_COLUMNS = ("agreement", "id", "title", "signed", "parties")
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def agreements_without_events(
    kg: Any, *, lang: str = "ru", skip: Collection[str] = ()
) -> QueryResult | None:
    """The rows of ``network-agreements-without-events`` for ``lang``, from the statements.

    Agreements that no statement's ``edukg:implements`` names, each with the count of
    its distinct parties; a row per identifier, signing date and title in ``lang``
    (the least title in any language when it has none in ``lang``), ordered by the
    agreement's IRI. The named graphs in ``skip`` are not read: they must hold none
    of these predicates' statements.

    Rows of one agreement (several identifiers, dates or titles in ``lang``) are in
    the order of their texts; the query's order among them is the engine's. An
    agreement that is a blank node sorts by its label, which the store does not
    keep: for a store that types a blank node an agreement, ``None`` (run the query).
    """
    picks = [
        picked
        for _, picked in statements_by_predicate(
            kg, AGREEMENT_PREDICATES, skip=skip, objects={TYPE: (AGREEMENT,)}
        )
    ]
    agreements = {subject for picked in picks for subject in picked[TYPE][0]}
    if any(agreement.startswith(b"_:") for agreement in agreements):
        return None
    idle = agreements.difference(*(picked[IMPLEMENTS][1] for picked in picks))
    parties, ids, dates, labels = (
        _values_of(picks, predicate, idle) for predicate in (HAS_PARTY, IDENTIFIER, SIGNED, LABEL)
    )
    terms: dict[bytes, Term] = {}
    none: list[Term | None] = [None]
    rows: list[tuple[Term | None, ...]] = []
    for iri, agreement in sorted((term_value(agreement), agreement) for agreement in idle):
        count = _integer(len(set(parties.get(agreement, ()))))
        node = ox.NamedNode(iri)
        found = ids.get(agreement)
        its_ids = none if found is None else _distinct_terms(found, terms)
        found = dates.get(agreement)
        its_dates = none if found is None else _distinct_terms(found, terms)
        titles = _titles(labels.get(agreement, ()), lang)
        if len(its_ids) == 1 and len(its_dates) == 1 and len(titles) == 1:
            rows.append((node, its_ids[0], titles[0], its_dates[0], count))
            continue
        rows += [
            (node, id_, title, signed, count)
            for id_ in its_ids
            for signed in its_dates
            for title in titles
        ]
    return QueryResult("select", columns=AGREEMENT_COLUMNS, rows=rows)


def _values_of(
    picks: list[Picked], predicate: str, subjects: set[bytes]
) -> dict[bytes, list[bytes]]:
    """Each of ``subjects``' values of ``predicate`` in ``picks`` (none: not a key)."""
    found: dict[bytes, list[bytes]] = {}
    for picked in picks:
        for subject, value in zip(*picked[predicate], strict=True):
            if subject in subjects:
                values = found.get(subject)
                if values is None:
                    found[subject] = [value]
                else:
                    values.append(value)
    return found


def _titles(labels: Sequence[bytes], lang: str) -> list[ox.Literal | None]:
    """COALESCE(STR(each title in ``lang``), MIN(STR(any title))), a title a row."""
    if len(labels) == 1:
        return [ox.Literal(_text_and_language(labels[0])[0])]  # in lang or not, the title
    parts = {label: _text_and_language(label) for label in set(labels)}
    in_lang = sorted({text for text, language in parts.values() if language == lang})
    if in_lang:
        return [ox.Literal(text) for text in in_lang]
    if not parts:
        return [None]
    return [ox.Literal(min(text for text, _ in parts.values()))]


def _text_and_language(term: bytes) -> tuple[str, str | None]:
    """STR() and LANG() of a label (``None`` for an IRI, whose LANG() is an error)."""
    if term[:1] == b'"' and b"\\" not in term:
        close = term.rfind(b'"')
        language = term[close + 2 :].decode() if term[close + 1 : close + 2] == b"@" else None
        return term[1:close].decode("utf-8"), language
    if is_resource(term):
        return term_value(term), None
    text, language, _ = literal_parts(term)
    return text, language


def _distinct_terms(found: list[bytes], terms: dict[bytes, Term]) -> list[Term | None]:
    """The distinct values, as terms, in the order of their N-Triples texts."""
    if len(found) == 1:
        return [_term(found[0], terms)]
    return [_term(value, terms) for value in sorted(set(found))]


def _term(value: bytes, terms: dict[bytes, Term]) -> Term:
    """An N-Triples term as a pyoxigraph term (made once per text)."""
    made = terms.get(value)
    if made is None:
        if value.startswith(b"<"):
            made = ox.NamedNode(term_value(value))
        elif value.startswith(b"_:"):
            made = ox.BlankNode(term_value(value))
        else:
            text, language, datatype = literal_parts(value)
            made = (
                ox.Literal(text, language=language)
                if language
                else ox.Literal(text, datatype=ox.NamedNode(datatype))
                if datatype
                else ox.Literal(text)
            )
        terms[value] = made
    return made


def _integer(count: int) -> ox.Literal:
    return ox.Literal(str(count), datatype=_INTEGER)


def derived_graphs(kg: Any) -> set[str]:
    """The named graphs of earlier analysis results and of the summaries: they hold none of
    the extracts' statements (only their own vocabularies), so they are not read."""
    from edukg.analysis.networks import RESULTS_LOADER
    from edukg.graph.summaries import SUMMARY_GRAPH

    graphs = {info.graph for info in kg.sources() if info.loader == RESULTS_LOADER}
    graphs.add(SUMMARY_GRAPH.value)
    return graphs


STATEMENT_EXTRACTS: dict[str, Callable[[Any], QueryResult | None]] = {
    "network-agreements-without-events": lambda kg: agreements_without_events(
        kg, skip=derived_graphs(kg)
    ),
}
"""The extracts an embedded store builds from its statements, by query name."""
