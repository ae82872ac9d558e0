"""The summary forms of the catalogue give the portable forms' rows, after every kind of write.

Each register below is written the way users write (load, reload of an edited
file, removal, a resolution merge and its split, a write killed halfway); after
each, the summary graph must hold exactly what the data calls for, be marked
current, and every rewritten query must give the same rows with and without it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from bench.generator import write_register
from edukg.core.errors import ConfigError
from edukg.examples import example_files
from edukg.graph import summaries
from edukg.graph.faults import CRASH_EXIT_CODE
from edukg.graph.sources import SourceData
from edukg.graph.store import KnowledgeGraph
from edukg.graph.summaries import SUMMARY_GRAPH, summary_lines
from edukg.loaders import load_files
from edukg.queries.runner import run_query, section_flags
from edukg.resolve.decisions import Decision, record_decisions
from tests.conftest import run_edukg_process as run_edukg

Case = tuple[str, dict[str, str]]

CASES: list[Case] = [
    ("agreements", {}),
    ("agreements", {"lang": "en"}),
    ("agreements", {"year": "2024"}),
    ("agreements", {"year": "2016"}),
    ("agreements", {"country": "BY"}),
    ("agreements", {"country": "RU", "year": "2024"}),
    ("agreements", {"region": "Регион 3"}),
    ("agreements", {"region": "Регион 3", "country": "BY"}),
    ("agreements", {"active_on": "2025-01-01"}),
    ("agreements", {"active_on": "2025-01-01", "region": "Регион 3"}),
    ("agreements", {"institution": "inst-4"}),
    ("agreements", {"institution": "inst-4", "country": "BY", "year": "2020"}),
    ("partner-countries", {}),
    ("partner-countries", {"year": "2024"}),
    ("partner-countries", {"country": "BY"}),
    ("partner-countries", {"country": "BY", "year": "2024"}),
    ("partner-countries", {"country": "KZ", "lang": "en"}),
    ("partner-countries", {"region": "Регион 3"}),
    ("institutions-without-partners", {}),
    ("institutions-without-partners", {"lang": "be"}),
    ("partners", {"institution": "inst-4"}),
    ("partners", {"institution": "INST-4", "lang": "en"}),
    ("partners", {"institution": "institution/inst-4"}),
    ("partners", {"institution": "https://edukg.example/id/institution/inst-1"}),
    ("partners", {"institution": "Institution 2"}),
    ("partners", {"institution": "Minsk State Pedagogical College"}),
    ("partners", {"institution": "минский областной институт развития образования"}),
    ("events", {}),
    ("events", {"lang": "en"}),
    ("events", {"year": "2024"}),
    ("cooperation-by-year", {}),
    ("expiring-agreements", {"on": "2025-06-01", "within_days": "365"}),
    ("expiring-agreements", {"on": "2024-02-29", "within_days": "3000"}),
    ("expiring-agreements", {"on": "2020-12-31", "within_days": "0"}),
    ("dormant-agreements", {"on": "2025-06-01"}),
    ("dormant-agreements", {"on": "2019-12-31", "lang": "en"}),
    ("dormant-agreements", {"on": "2024-02-29"}),
    ("dormant-agreements", {"on": "1990-01-01"}),
]
"""Every query with a summary form, with the parameters that pick each of its sections."""

PAGES = [(7, 0), (7, 13), (100, 0), (0, 0), (5, 100_000)]
"""(limit, offset) of the agreements and events pages compared: the page cut's edges, and
no page."""

PAGED: list[Case] = [
    ("agreements", {}),
    ("agreements", {"country": "BY"}),
    ("agreements", {"year": "2024", "country": "RU"}),
    ("events", {}),
    ("expiring-agreements", {"on": "2024-02-29", "within_days": "3000"}),
    ("dormant-agreements", {"on": "2025-06-01"}),
    ("dormant-agreements", {"on": "2021-01-01"}),
]
"""The listings whose pages are cut with the summaries."""


def assert_summaries_exact(kg: KnowledgeGraph) -> None:
    """The summary graph is current and holds exactly what the data calls for."""
    assert kg.summaries_current()
    assert section_flags(kg) == frozenset({"summaries"})
    held = kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=SUMMARY_GRAPH) or b""
    lines = {line for line in held.splitlines() if b"summary#version" not in line}
    assert lines == summary_lines(kg.oxigraph)


def assert_same_rows(kg: KnowledgeGraph, cases: list[Case] = CASES) -> int:
    """Every case gives the same rows with the summaries and without; the rows compared."""
    compared = 0
    for name, params in cases:
        try:
            portable = run_query(kg, name, params, limit=0, use_summaries=False)
        except ConfigError:  # no such institution in this register
            with pytest.raises(ConfigError):
                run_query(kg, name, params, limit=0)
            continue
        summary = run_query(kg, name, params, limit=0)
        assert summary.rows == portable.rows, (name, params)
        compared += len(portable.rows)
    for limit, offset in PAGES:
        for name, params in PAGED:
            portable = run_query(
                kg, name, params, limit=limit, offset=offset, use_summaries=False
            )
            summary = run_query(kg, name, params, limit=limit, offset=offset)
            assert (summary.rows, summary.more) == (portable.rows, portable.more), (
                name, params, limit, offset,
            )
    return compared


def register(folder: Path, *, triples: int = 6_000, profile: str = "default") -> list[Path]:
    return write_register(folder, triples=triples, seed=11, profile=profile)


@pytest.fixture
def disk_kg(tmp_path: Path) -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        yield kg


def test_the_demo_data_gives_the_same_rows(disk_kg: KnowledgeGraph) -> None:
    load_files(disk_kg, [Path(str(f)) for f in example_files()])
    assert_summaries_exact(disk_kg)
    assert assert_same_rows(disk_kg) > 0


@pytest.mark.parametrize("profile", ["default", "skewed"])
def test_a_generated_register_gives_the_same_rows(
    disk_kg: KnowledgeGraph, tmp_path: Path, profile: str
) -> None:
    load_files(disk_kg, register(tmp_path / "register", profile=profile))
    assert_summaries_exact(disk_kg)
    assert assert_same_rows(disk_kg) > 100


def _edit_agreements(path: Path) -> None:
    """Change dates and parties, drop rows, add an agreement: a reload removes and adds."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (path.parent / "events.csv").open(encoding="utf-8", newline="") as handle:
        referred = {row["agreement"] for row in csv.DictReader(handle)}
    fields = list(rows[0])
    edited = []
    for number, row in enumerate(rows):
        if number % 7 == 0 and row["id"] not in referred:
            continue  # removed
        if number % 5 == 0:
            row["signed"] = ""  # the year then comes from the start of validity, if any
        if number % 3 == 0:  # another second party: other countries, other partners
            first = row["parties"].split("; ")[0]
            row["parties"] = f"{first}; {'inst-1' if first != 'inst-1' else 'inst-2'}"
        if number % 11 == 0:
            row["signed"] = "01.01.2011"  # before every other date: a new first page
        edited.append(row)
    edited.append({**rows[1], "id": "agr-new", "signed": "02.02.2010"})
    _write_rows(path, fields, edited)


def _edit_events(path: Path) -> None:
    """Change start dates, drop rows, add an event that starts first."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    edited = []
    for number, row in enumerate(rows):
        if number % 7 == 0:
            continue  # removed
        if number % 5 == 0:
            row["start"] = "2012"  # a year alone: its text sorts before the year's days
        if number % 11 == 0:
            row["start"] = "2009-01-01"
        edited.append(row)
    edited.append({**rows[1], "id": "evt-new", "start": "2008-02-02"})
    _write_rows(path, fields, edited)


def _write_rows(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` as the CSV file ``path``, with a header of ``fields``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("follow", [True, False], ids=["touched-only", "all-again"])
def test_a_reload_of_an_edited_register_keeps_them_exact(
    disk_kg: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, follow: bool
) -> None:
    if not follow:  # every summary worked out again, as after a large write
        monkeypatch.setattr(summaries, "INCREMENTAL_LIMIT", 0)
    files = register(tmp_path / "register")
    load_files(disk_kg, files)
    before = run_query(disk_kg, "agreements", {}, limit=5).rows
    events_before = run_query(disk_kg, "events", {}, limit=5).rows
    _edit_agreements(tmp_path / "register" / "agreements.csv")
    _edit_events(tmp_path / "register" / "events.csv")
    load_files(disk_kg, files)
    assert_summaries_exact(disk_kg)
    assert run_query(disk_kg, "agreements", {}, limit=5).rows != before
    assert run_query(disk_kg, "events", {}, limit=5).rows != events_before
    assert_same_rows(disk_kg)


def test_a_removal_keeps_them_exact(disk_kg: KnowledgeGraph, tmp_path: Path) -> None:
    load_files(disk_kg, register(tmp_path / "register"))
    partnerless = len(run_query(disk_kg, "institutions-without-partners", {}).rows)
    disk_kg.remove_sources(["agreements.csv"])
    assert_summaries_exact(disk_kg)
    assert len(run_query(disk_kg, "institutions-without-partners", {}).rows) > partnerless
    assert_same_rows(disk_kg)
    disk_kg.remove_sources(["institutions.csv"])  # parties without countries or types
    assert_summaries_exact(disk_kg)
    assert run_query(disk_kg, "partner-countries", {}).rows == []
    assert_same_rows(disk_kg)


def test_what_a_partnerless_row_shows_is_followed(
    disk_kg: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new label of a region, a new notation of a country, an institution moved to
    another country and region: only the touched institutions are worked out again, and
    ``institutions-without-partners`` shows what the portable form shows."""
    load_files(disk_kg, register(tmp_path / "register"))
    shown = run_query(disk_kg, "institutions-without-partners", {}).rows
    first, second = shown[0][0], shown[-1][0]
    region, country = (
        disk_kg.select(
            f"SELECT ?r ?c WHERE {{ {first} edukg:region ?r ; edukg:country ?c }} LIMIT 1"
        )[0][name]
        for name in ("r", "c")
    )
    monkeypatch.setattr(summaries, "_refresh_all", None)  # following only: no whole recompute
    skos, edukg = "http://www.w3.org/2004/02/skos/core#", "https://w3id.org/edukg/ontology#"
    writes = {  # one at a time: each reaches the first row by one path only
        "label": f'{region} <{skos}prefLabel> "Аааа"@ru .',
        "notation": f'{country} <{skos}notation> "0{country.value[-2:]}" .',
        "region": f"{second} <{edukg}region> {region} .",
        "country": f"{second} <{edukg}country> {country} .",
    }
    for name, text in writes.items():
        disk_kg.write_sources(
            [SourceData(name=name, sha256="-", loader="test", chunks=[text.encode() + b"\n"])]
        )
        assert_summaries_exact(disk_kg)
        assert_same_rows(disk_kg, [("institutions-without-partners", {})])
    after = {row[0]: row for row in run_query(disk_kg, "institutions-without-partners", {}).rows}
    assert after[first][3].value == "Аааа" and after[first][2].value.startswith("0")
    assert after[second][2:] == after[first][2:]
    disk_kg.remove_sources(list(writes))
    assert_summaries_exact(disk_kg)
    assert run_query(disk_kg, "institutions-without-partners", {}).rows == shown


def test_a_merge_and_its_split_keep_them_exact(disk_kg: KnowledgeGraph, tmp_path: Path) -> None:
    load_files(disk_kg, register(tmp_path / "register"))
    # the two parties of one agreement, from different countries: merged, it has one
    rows = disk_kg.select(
        "SELECT ?a ?x ?y WHERE { ?a edukg:hasParty ?x , ?y . ?x edukg:country ?cx . "
        "?y edukg:country ?cy FILTER(?cx != ?cy && STR(?x) < STR(?y)) } LIMIT 1"
    )
    left, right = rows[0]["x"].value, rows[0]["y"].value
    before = run_query(disk_kg, "partner-countries", {}).rows
    record_decisions(disk_kg, [Decision(left, right, "accept")])
    assert_summaries_exact(disk_kg)
    assert_same_rows(disk_kg)
    record_decisions(disk_kg, [Decision(left, right, "reject")])
    assert_summaries_exact(disk_kg)
    assert run_query(disk_kg, "partner-countries", {}).rows == before
    assert_same_rows(disk_kg)


@pytest.mark.parametrize("phase", ["add", "summaries", "commit"])
def test_a_reload_killed_halfway_leaves_them_exact(tmp_path: Path, phase: str) -> None:
    store = tmp_path / "store"
    files = register(tmp_path / "register")
    with KnowledgeGraph.open(store) as kg:
        load_files(kg, files)
        before = run_query(kg, "agreements", {}, limit=0).rows
    _edit_agreements(tmp_path / "register" / "agreements.csv")
    result = run_edukg(
        "--store", str(store), "load", *map(str, files),
        cwd=tmp_path, env={"EDUKG_CRASH_AT": phase},
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr
    with KnowledgeGraph.open(store) as kg:  # undoes the write, then the summaries
        assert_summaries_exact(kg)
        assert run_query(kg, "agreements", {}, limit=0).rows == before
        assert_same_rows(kg)


def test_a_store_read_while_a_write_is_under_way_runs_the_portable_forms(
    disk_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    load_files(disk_kg, register(tmp_path / "register"))
    seen = []
    original = disk_kg._write_source

    def noting(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(section_flags(disk_kg))
        return original(*args, **kwargs)

    disk_kg._write_source = noting  # type: ignore[method-assign]
    _edit_agreements(tmp_path / "register" / "agreements.csv")
    load_files(disk_kg, [tmp_path / "register" / "agreements.csv"])
    assert seen == [frozenset()]
    assert_summaries_exact(disk_kg)


def test_a_sparql_update_refreshes_them(disk_kg: KnowledgeGraph, tmp_path: Path) -> None:
    from edukg.web.sparql_run import run_update

    load_files(disk_kg, register(tmp_path / "register"))
    run_update(
        disk_kg,
        "INSERT DATA { GRAPH <https://edukg.example/g> { "
        "<https://edukg.example/id/agreement/agr-1> edukg:signedOn '1999-01-01'^^xsd:date } }",
    )
    assert_summaries_exact(disk_kg)
    assert run_query(disk_kg, "agreements", {}, limit=1).rows[0][3].value == "1999-01-01"
    assert_same_rows(disk_kg)
    run_update(disk_kg, "INSERT DATA { <https://edukg.example/x> <https://edukg.example/p> 1 }")
    assert not disk_kg.summaries_current()  # the default graph: the summaries cannot know
    assert section_flags(disk_kg) == frozenset()


def test_an_events_page_keeps_a_date_whose_key_sorts_before_its_own(
    disk_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    from edukg.web.sparql_run import run_update

    load_files(disk_kg, register(tmp_path / "register"))
    # "1900" then a control character sorts after "1900" as a date but its key
    # ("1900\x01 <iri>") before "1900 <iri>": the page cut at "1900" must keep it
    run_update(
        disk_kg,
        "INSERT DATA { GRAPH <https://edukg.example/g> { "
        "<https://edukg.example/id/event/e-none> a edukg:CooperationEvent . "
        "<https://edukg.example/id/event/e-a> a edukg:CooperationEvent ; schema:startDate '1900' . "
        "<https://edukg.example/id/event/e-b> a edukg:CooperationEvent ; schema:startDate '1900' . "
        "<https://edukg.example/id/event/e-odd> a edukg:CooperationEvent ; "
        "schema:startDate '1900\\u0001' } }",
    )
    assert_summaries_exact(disk_kg)
    shown = []
    for offset in range(5):
        portable = run_query(disk_kg, "events", {}, limit=1, offset=offset, use_summaries=False)
        summary = run_query(disk_kg, "events", {}, limit=1, offset=offset)
        assert (summary.rows, summary.more) == (portable.rows, portable.more), offset
        shown.append(summary.rows[0][0].value.rsplit("/", 1)[-1])
    assert shown[:4] == ["e-none", "e-odd", "e-a", "e-b"]


def test_odd_dates_count_in_the_same_years(disk_kg: KnowledgeGraph, tmp_path: Path) -> None:
    from edukg.web.sparql_run import run_update

    load_files(disk_kg, register(tmp_path / "register"))
    # "0024" casts to 24, "+202" to 202, "abcd" to nothing (the row without a year); a
    # second date counts in a second year; validFrom counts only without signedOn
    run_update(
        disk_kg,
        "INSERT DATA { GRAPH <https://edukg.example/g> { "
        "<https://edukg.example/id/agreement/x1> a edukg:CooperationAgreement ; "
        "edukg:signedOn '0024-01-01' , 'abcd' ; schema:validFrom '1990' . "
        "<https://edukg.example/id/agreement/x2> a edukg:CooperationAgreement ; "
        "schema:validFrom '+202-05' . "
        "<https://edukg.example/id/event/x3> a edukg:CooperationEvent ; "
        "schema:startDate '0024' , '2024-01-01' , ' 2024' } }",
    )
    assert_summaries_exact(disk_kg)
    portable = run_query(disk_kg, "cooperation-by-year", {}, use_summaries=False).rows
    assert run_query(disk_kg, "cooperation-by-year", {}).rows == portable
    years = [row[0].value if row[0] is not None else None for row in portable]
    assert None in years and "24" in years and "202" in years and "1990" not in years


def test_other_engines_never_take_the_summary_forms(tmp_path: Path) -> None:
    with KnowledgeGraph.in_memory() as kg:
        load_files(kg, [Path(str(f)) for f in example_files()])
        assert section_flags(kg) == frozenset({"summaries"})
        from tests.queries.conftest import rdflib_copy

        assert section_flags(rdflib_copy(kg)) == frozenset()


def test_a_source_written_without_them_leaves_them_not_current(
    disk_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    """As an older edukg writes: a source's statements and digest change, the summaries not."""
    load_files(disk_kg, register(tmp_path / "register"))
    store = disk_kg.oxigraph
    graph = ox.NamedNode(disk_kg.source("agreements.csv").graph)  # type: ignore[union-attr]
    digest = ox.NamedNode("https://w3id.org/edukg/ontology#statementsSha256")
    catalog = ox.NamedNode("https://w3id.org/edukg/graph/catalog")
    (old,) = store.quads_for_pattern(graph, digest, None, catalog)
    store.remove(old)
    store.add(ox.Quad(graph, digest, ox.Literal("0" * 64), catalog))
    assert not disk_kg.summaries_current()
    assert section_flags(disk_kg) == frozenset()
    load_files(disk_kg, [tmp_path / "register" / "events.csv"])  # any write after that one
    assert_summaries_exact(disk_kg)  # worked out again, all of them
    assert_same_rows(disk_kg)


BLANK_AGREEMENT = """
@prefix edukg: <https://w3id.org/edukg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
[] a edukg:CooperationAgreement ; edukg:signedOn "2020-01-01"^^xsd:date ;
   edukg:hasParty <https://edukg.example/id/a> , <https://edukg.example/id/b> .
<https://edukg.example/id/a> a edukg:Institution ;
   edukg:country <https://w3id.org/edukg/country/BY> .
<https://edukg.example/id/b> a edukg:Institution ;
   edukg:country <https://w3id.org/edukg/country/RU> .
"""


def test_an_agreement_without_an_iri_keeps_the_portable_forms(disk_kg: KnowledgeGraph) -> None:
    """Summary statements about a blank node cannot be written as text: none are trusted.

    (The loaders give blank nodes IRIs; a library caller's statements may keep them.)
    """

    def written(text: str) -> None:
        staged = ox.Store()
        staged.load(text.encode("utf-8"), ox.RdfFormat.TURTLE)
        disk_kg.write_sources(
            [SourceData(name="blank", sha256=text, loader="rdf",
                        triples=[quad.triple for quad in staged])]
        )

    written(BLANK_AGREEMENT)
    assert not disk_kg.summaries_current()
    assert section_flags(disk_kg) == frozenset()
    assert len(run_query(disk_kg, "agreements", {"year": "2020"}).rows) == 1


DORMANT: list[Case] = [
    ("dormant-agreements", {"on": "2025-06-01"}),
    ("dormant-agreements", {"on": "2031-06-01", "lang": "en"}),
]


def test_dormant_agreements_are_followed(
    disk_kg: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An event that implements a listed agreement, then its removal; odd dates (two ends
    of one padded text, a start that is not the first date's, a year alone, no signing
    date); a date edited; a source removed: only the touched agreements are worked out
    again, and ``dormant-agreements`` lists what the portable form lists, page by page."""
    load_files(disk_kg, register(tmp_path / "register"))
    listed = run_query(disk_kg, "dormant-agreements", {"on": "2025-06-01"}, limit=0).rows
    first, last = listed[0][0], listed[-1][0]
    monkeypatch.setattr(summaries, "_refresh_all", None)  # following only: no whole recompute
    edukg, schema = "https://w3id.org/edukg/ontology#", "https://schema.org/"
    # typed, with a party (a row lists its parties: an agreement without one has none)
    agreement = f"<{edukg}CooperationAgreement> ; <{edukg}hasParty> <https://edukg.example/p>"
    typed = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    x = "https://edukg.example/id/agreement"
    writes = {
        "implemented": f"<https://edukg.example/id/event/e-new> <{edukg}implements> {first} .",
        "ends": f'{last} <{schema}validThrough> "2031" , "2031-12-31" .',
        "odd": f'<{x}/odd> {typed} {agreement} ; <{edukg}signedOn> "2024-1" , "2024-10-15" .',
        "open": f'<{x}/open> {typed} {agreement} ; <{schema}validFrom> "2020-02" .',
        "year": f'<{x}/year> {typed} {agreement} ; <{edukg}signedOn> "2019" , "2019-05-05" ; '
        f'<{schema}validThrough> "2032" .',
    }
    for name, text in writes.items():
        lines = _ntriples(text)
        disk_kg.write_sources([SourceData(name=name, sha256="-", loader="test", chunks=[lines])])
        assert_summaries_exact(disk_kg)
        assert_same_rows(disk_kg, DORMANT)
        for limit, offset in PAGES:
            for query, params in DORMANT:
                portable = run_query(
                    disk_kg, query, params, limit=limit, offset=offset, use_summaries=False
                )
                summary = run_query(disk_kg, query, params, limit=limit, offset=offset)
                assert (summary.rows, summary.more) == (portable.rows, portable.more)
    now = run_query(disk_kg, "dormant-agreements", {"on": "2031-06-01"}, limit=0).rows
    shown = [row[0].value.rsplit("/", 1)[-1] for row in now]
    assert shown.count(last.value.rsplit("/", 1)[-1]) == 2  # "2031" and "2031-12-31"
    assert {"odd", "open", "year"} <= set(shown)
    odd = disk_kg.oxigraph.quads_for_pattern(None, summaries.DORMANT_ODD, None, SUMMARY_GRAPH)
    assert {quad.subject for quad in odd} == {last, ox.NamedNode(f"{x}/odd")}  # the portable way
    assert first not in [row[0] for row in run_query(
        disk_kg, "dormant-agreements", {"on": "2025-06-01"}, limit=0).rows]
    disk_kg.remove_sources(["implemented"])  # the event goes: the agreement is dormant again
    assert_summaries_exact(disk_kg)
    assert_same_rows(disk_kg, DORMANT)
    again = run_query(disk_kg, "dormant-agreements", {"on": "2025-06-01"}, limit=0).rows
    assert first in [row[0] for row in again]
    edited = _ntriples(f'<{x}/odd> <{edukg}signedOn> "2024-10-15" .')
    disk_kg.write_sources([SourceData(name="odd", sha256="+", loader="test", chunks=[edited])])
    assert_summaries_exact(disk_kg)
    assert_same_rows(disk_kg, DORMANT)
    disk_kg.remove_sources(["agreements.csv"])
    assert_summaries_exact(disk_kg)
    assert_same_rows(disk_kg, DORMANT)


def _ntriples(text: str) -> bytes:
    """The statements of the Turtle ``text`` (full IRIs) as N-Triples lines."""
    store = ox.Store()
    store.load(text.encode("utf-8"), ox.RdfFormat.TURTLE)
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""


def test_an_agreements_page_cuts_on_the_page_key_as_on_the_iris(
    disk_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    from edukg.web.sparql_run import run_update

    load_files(disk_kg, register(tmp_path / "register"))
    # Agreements tied at one date, cut on their page keys: IRIs in the store's agreement
    # space, before and after it, long ones that share their first 15 characters, one
    # beyond ASCII, and dates with a space or a control character (whose key is "")
    names = [
        "<https://edukg.example/id/agreement/t-b>", "<https://edukg.example/id/agreement/t-a>",
        "<https://edukg.example/id/agreement/t-a-very-long-name-2>",
        "<https://edukg.example/id/agreement/t-a-very-long-name-1>",
        "<https://edukg.example/id/agreement/t-ё>", "<https://a.example/agreement>",
        "<urn:x:agreement>", "<https://edukg.example/id/agreemenu>",
    ]
    statements = " ".join(
        f"{name} a edukg:CooperationAgreement ; edukg:hasParty "
        f"<https://edukg.example/id/institution/inst-1> ; edukg:signedOn '1900' ."
        for name in names
    )
    odd = " ".join(
        f"<https://edukg.example/id/agreement/{name}> a edukg:CooperationAgreement ; "
        f"edukg:hasParty <https://edukg.example/id/institution/inst-1> ; edukg:signedOn '{date}' ."
        for name, date in (("t-space", "1900 x"), ("t-ctl", "1900\\u0001"))
    )
    graph = "<https://edukg.example/g>"
    run_update(disk_kg, f"INSERT DATA {{ GRAPH {graph} {{ {statements} {odd} }} }}")
    assert_summaries_exact(disk_kg)
    shown = []
    for offset in range(len(names) + 3):
        portable = run_query(disk_kg, "agreements", {}, limit=1, offset=offset, use_summaries=False)
        summary = run_query(disk_kg, "agreements", {}, limit=1, offset=offset)
        assert (summary.rows, summary.more) == (portable.rows, portable.more), offset
        shown.append(summary.rows[0][0].value)
    space = "https://edukg.example/id/agreement"
    assert shown[:10] == [
        f"{space}/t-ctl", "https://a.example/agreement", f"{space}/t-a",
        f"{space}/t-a-very-long-name-1", f"{space}/t-a-very-long-name-2", f"{space}/t-b",
        f"{space}/t-ё", "https://edukg.example/id/agreemenu", "urn:x:agreement", f"{space}/t-space",
    ]
    for limit in (3, 5):
        portable = run_query(disk_kg, "agreements", {}, limit=limit, offset=2, use_summaries=False)
        assert run_query(disk_kg, "agreements", {}, limit=limit, offset=2).rows == portable.rows


def test_a_dormant_page_takes_every_agreement_tied_at_its_page_key(
    disk_kg: KnowledgeGraph, tmp_path: Path
) -> None:
    """``dormant-agreements`` picks a page's agreements on their page keys, which tie for
    agreements signed on one day whose IRIs share their first characters, and for none of
    those without a signing date: every page, one row at a time and a few rows at a time,
    is the portable form's, with two ends of one agreement and odd dates among them."""
    from edukg.web.sparql_run import run_update

    load_files(disk_kg, register(tmp_path / "register"))
    space = "https://edukg.example/id/agreement"
    tied = [f"{space}/t-a-long-name-{number:02}" for number in range(12)]  # one key
    names = [
        f"<{space}/t-b>", f"<{space}/t-a>", *(f"<{iri}>" for iri in reversed(tied)),
        f"<{space}/t-ё>", "<https://a.example/agreement>", "<urn:x:agreement>",
        "<https://edukg.example/id/agreemenu>",
    ]
    party = "edukg:hasParty <https://edukg.example/id/institution/inst-1>"
    signed = " ".join(  # tied at one day, in force from it on
        f"{name} a edukg:CooperationAgreement ; {party} ; edukg:signedOn '1900-01-01' ."
        for name in names
    )
    unsigned = " ".join(  # no signing date: in force from the start of validity
        f"<{space}/u-{number}> a edukg:CooperationAgreement ; {party} ; "
        f"schema:validFrom '1899-0{number}' ."
        for number in range(1, 4)
    )
    two_ends = f"<{space}/t-a> schema:validThrough '2030' , '2030-06-30' ."
    odd = (  # a space in its date: the portable way, beside the tied ones
        f"<{space}/t-space> a edukg:CooperationAgreement ; {party} ; edukg:signedOn '1900 x' ."
    )
    graph = "<https://edukg.example/g>"
    run_update(
        disk_kg, f"INSERT DATA {{ GRAPH {graph} {{ {signed} {unsigned} {two_ends} {odd} }} }}"
    )
    assert_summaries_exact(disk_kg)
    params = {"on": "2025-06-01"}
    shown = []
    for offset in range(7 + len(tied) + 1):
        portable = run_query(
            disk_kg, "dormant-agreements", params, limit=1, offset=offset, use_summaries=False
        )
        summary = run_query(disk_kg, "dormant-agreements", params, limit=1, offset=offset)
        assert (summary.rows, summary.more) == (portable.rows, portable.more), offset
        shown.append((summary.rows[0][0].value, summary.rows[0][3]))
    assert [iri for iri, _ in shown[:3]] == [f"{space}/u-{number}" for number in range(1, 4)]
    assert shown[3:] == [
        (f"{space}/t-space", None),  # "1900 x" sorts before "1900-01-01"
        ("https://a.example/agreement", None),
        (f"{space}/t-a", ox.Literal("2030")),
        (f"{space}/t-a", ox.Literal("2030-06-30")),
        *((iri, None) for iri in tied),
        (f"{space}/t-b", None),
    ]
    for limit in (2, 3, 5):
        for offset in (0, 1, 4, 7, 11):
            portable = run_query(
                disk_kg, "dormant-agreements", params, limit=limit, offset=offset,
                use_summaries=False,
            )
            summary = run_query(disk_kg, "dormant-agreements", params, limit=limit, offset=offset)
            assert (summary.rows, summary.more) == (portable.rows, portable.more), (limit, offset)
