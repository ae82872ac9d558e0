"""Decisions as data: merges count an institution once and survive re-imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edukg.analysis.networks import partnership_network
from edukg.core.errors import InputError, StoreError
from edukg.graph.canonical import RESOLUTION_GRAPH
from edukg.graph.sources import statements_digest
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from edukg.queries.runner import run_query
from edukg.resolve.decisions import (
    Decision,
    canonical_of,
    read_decisions,
    record_decisions,
    stored_decisions,
    write_decisions,
)
from edukg.resolve.review import likely_duplicates, review_candidates
from edukg.viz.page_data import network_page_data
from tests.conftest import DATA

ID = "https://edukg.example/id/institution/"
MINISTRY, CORDIS = DATA / "resolve-ministry.ttl", DATA / "resolve-cordis.ttl"
BSU_RU, BSU_EN = ID + "bsu-ministry", ID + "cordis-999"


@pytest.fixture
def two_sources(tmp_path: Path) -> tuple[Path, Path]:
    ministry, cordis = tmp_path / "ministry.ttl", tmp_path / "cordis.ttl"
    shutil.copy(MINISTRY, ministry)
    shutil.copy(CORDIS, cordis)
    return ministry, cordis


def loaded(kg: KnowledgeGraph, *paths: Path) -> KnowledgeGraph:
    load_files(kg, list(paths))
    return kg


def test_the_university_is_proposed_and_the_look_alikes_are_not(kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    review = review_candidates(kg, min_score=0.1)
    assert [(c.left, c.right) for c in review.candidates] == [(BSU_RU, BSU_EN)]
    assert review.candidates[0].score >= 90


def test_a_load_names_its_likely_duplicates(kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    ((candidate, new, old),) = likely_duplicates(kg, ["resolve-cordis.ttl"])
    assert (new.iri, old.iri) == (BSU_EN, BSU_RU)
    assert candidate.right_name == "Белорусский государственный университет"


def test_accepting_merges_into_one_node_with_every_name_and_its_source(kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    changes = record_decisions(
        kg, [Decision(BSU_EN, BSU_RU, "accept", 100, ("translation",), "anna")]
    )
    assert [c.name for c in changes] == ["resolve-cordis.ttl"]
    assert canonical_of(kg) == {BSU_EN: BSU_RU}
    rows = kg.select(
        "SELECT ?i ?p ?label ?source WHERE { GRAPH ?g { ?i ?p ?label FILTER(isLiteral(?label)) } "
        "GRAPH <https://w3id.org/edukg/graph/catalog> { ?g rdfs:label ?source } }",
        {"i": kg_node(BSU_RU)},
    )
    names = {(r["p"].value.rsplit("#")[-1], r["label"].value, r["source"].value) for r in rows}
    assert ("prefLabel", "Белорусский государственный университет", "resolve-ministry.ttl") in names
    assert ("altLabel", "BELARUSIAN STATE UNIVERSITY", "resolve-cordis.ttl") in names
    assert not kg.ask("ASK { ?i a edukg:Institution }", {"i": kg_node(BSU_EN)})
    assert kg.ask("ASK { ?old owl:sameAs ?new }", {"old": kg_node(BSU_EN), "new": kg_node(BSU_RU)})
    assert review_candidates(kg, min_score=0.1).candidates == []


def test_merged_source_keeps_its_digest_in_step(kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    for info in kg.sources():
        assert (
            statements_digest(kg.sorted_statements(kg_node(info.graph))) == info.statements_sha256
        )


def test_partners_count_the_merged_institution_once(kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    before = run_query(kg, "partners", {"institution": ID + "pskov"}).records()
    assert len(before) == 2
    record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    (after,) = run_query(kg, "partners", {"institution": ID + "pskov"}).records()
    assert after["partner"] == BSU_RU and after["agreements"] == 1


def test_partner_countries_after_a_merge_equal_those_of_one_node_from_the_start(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    loaded(kg, MINISTRY, CORDIS)
    record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    one_node = tmp_path / "cordis-one-node.ttl"
    one_node.write_text(
        CORDIS.read_text("utf-8").replace("inst:cordis-999", "inst:bsu-ministry"), "utf-8"
    )
    with KnowledgeGraph.in_memory() as truth:
        loaded(truth, MINISTRY, one_node)
        for params in ({}, {"country": "BY"}, {"country": "RU"}):
            merged = run_query(kg, "partner-countries", params).records()
            assert merged == run_query(truth, "partner-countries", params).records()
    by = run_query(kg, "partner-countries", {"country": "BY"}).records()
    assert {(r["country"], r["agreements"]) for r in by} == {("CN", 1), ("RU", 1)}


def test_network_and_page_draw_the_merged_institution_once(kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    assert {BSU_RU, BSU_EN} <= set(partnership_network(kg).nodes)
    record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    network = partnership_network(kg)
    assert BSU_RU in network and BSU_EN not in network
    assert sorted(network.neighbors(BSU_RU)) == [ID + "pskov", ID + "tsinghua"]
    page = network_page_data(network)
    ids = [node["id"] for node in page["nodes"]]
    assert ids.count(BSU_RU) == 1 and BSU_EN not in ids


def test_decisions_survive_a_reimport_of_a_changed_source(
    tmp_path: Path, two_sources: tuple[Path, Path]
) -> None:
    ministry, cordis = two_sources
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        loaded(kg, ministry, cordis)
        record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    cordis.write_text(
        cordis.read_text("utf-8").replace("Horizon project", "Horizon 2020 project"), "utf-8"
    )
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        (change,) = load_files(kg, [cordis]).changes
        assert change.added == change.removed == 1  # only the title changed: the merge held
        assert not kg.ask("ASK { ?i a edukg:Institution }", {"i": kg_node(BSU_EN)})
        assert kg.ask(
            "ASK { ?a skos:prefLabel 'Horizon 2020 project'@en ; edukg:hasParty ?i }",
            {"i": kg_node(BSU_RU)},
        )
        kg.remove_source("cordis.ttl")
        load_files(kg, [cordis])
        assert not kg.ask("ASK { ?i a edukg:Institution }", {"i": kg_node(BSU_EN)})
        assert [d.verdict for d in stored_decisions(kg)] == ["accept"]


def test_decisions_export_and_apply_again(tmp_path: Path, kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    record_decisions(
        kg,
        [
            Decision(BSU_EN, BSU_RU, "accept", 100.0, ("translation",), "anna"),
            Decision(ID + "school3", ID + "school30", "reject", 60.0, (), "boris"),
        ],
    )
    path = tmp_path / "decisions.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_decisions(stored_decisions(kg), handle)
    assert path.read_text("utf-8").splitlines()[0] == "left,right,score,reasons,verdict,author,time"
    with KnowledgeGraph.in_memory() as other:
        loaded(other, MINISTRY, CORDIS)
        record_decisions(other, read_decisions(path))
        assert stored_decisions(other) == stored_decisions(kg)
        assert canonical_of(other) == {BSU_EN: BSU_RU}


def test_a_bad_decisions_file_lists_every_problem_and_changes_nothing(
    tmp_path: Path, kg: KnowledgeGraph
) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text(
        "left,right,score,reasons,verdict\n"
        f"{BSU_EN},{BSU_RU},100,,maybe\n"
        f"bsu,{BSU_RU},x,,accept\n"
        f"{BSU_EN},{BSU_RU},,,\n",
        "utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_decisions(path)
    assert [(p.line, p.column) for p in caught.value.problems] == [(2, "verdict"), (3, "left")]
    assert not any(True for _ in kg.oxigraph.quads_for_pattern(None, None, None, RESOLUTION_GRAPH))


def test_auto_accept_is_reported_as_a_decision(kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    review = review_candidates(kg, auto_accept=95)
    (decision,) = review.auto_accepted
    assert decision.author.startswith("edukg auto-accept (score >= 95)")
    assert (decision.left, decision.right) == (BSU_RU, BSU_EN)
    assert canonical_of(kg) == {BSU_EN: BSU_RU}


def kg_node(iri: str):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def test_regions_are_proposed_and_merged_the_same_way(kg: KnowledgeGraph, tmp_path: Path) -> None:
    prefixes = (
        "@prefix edukg: <https://w3id.org/edukg/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "@prefix country: <https://w3id.org/edukg/country/> .\n"
    )
    texts = {
        "ru.ttl": "<http://x/region/minskaya> a schema:AdministrativeArea ; skos:prefLabel "
        '"Минская область"@ru ; schema:containedInPlace country:BY .\n'
        '<http://x/i/1> a edukg:Institution ; skos:prefLabel "Гимназия № 1 г. Борисова"@ru ; '
        "edukg:country country:BY ; edukg:region <http://x/region/minskaya> .\n",
        "en.ttl": "<http://x/region/minsk-region> a schema:AdministrativeArea ; skos:prefLabel "
        '"Minsk Region"@en ; schema:containedInPlace country:BY .\n'
        "<http://x/region/brest-region> a schema:AdministrativeArea ; skos:prefLabel "
        '"Brest Region"@en ; schema:containedInPlace country:BY .\n'
        '<http://x/i/2> a edukg:Institution ; skos:prefLabel "Lyceum No. 2 of Zhodino"@en ; '
        "edukg:country country:BY ; edukg:region <http://x/region/minsk-region> .\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(prefixes + text, "utf-8")
    loaded(kg, tmp_path / "ru.ttl", tmp_path / "en.ttl")
    (candidate,) = review_candidates(kg, kind="region", min_score=0.1).candidates
    assert {candidate.left, candidate.right} == {
        "http://x/region/minsk-region",
        "http://x/region/minskaya",
    }
    record_decisions(kg, [Decision(candidate.left, candidate.right, "accept")])
    rows = kg.select("SELECT DISTINCT ?r WHERE { ?i a edukg:Institution ; edukg:region ?r }")
    assert [row["r"].value for row in rows] == ["http://x/region/minsk-region"]


def test_rejecting_a_merged_pair_splits_it_into_the_sources_as_loaded(
    kg: KnowledgeGraph,
) -> None:
    loaded(kg, MINISTRY, CORDIS)
    as_loaded = {info.name: kg.sorted_statements(kg_node(info.graph)) for info in kg.sources()}
    edges_as_loaded = sorted(map(sorted, partnership_network(kg).edges))
    record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    assert len(run_query(kg, "partners", {"institution": ID + "pskov"}).records()) == 1

    changes = record_decisions(kg, [Decision(BSU_EN, BSU_RU, "reject", author="boris")])

    assert [c.name for c in changes] == ["resolve-cordis.ttl"]
    assert canonical_of(kg) == {}
    partners = run_query(kg, "partners", {"institution": ID + "pskov"}).records()
    assert sorted(r["partner"] for r in partners) == [BSU_RU, BSU_EN]
    network = partnership_network(kg)
    assert {BSU_RU, BSU_EN} <= set(network.nodes)
    assert sorted(map(sorted, network.edges)) == edges_as_loaded
    for info in kg.sources():
        statements = kg.sorted_statements(kg_node(info.graph))
        assert statements == as_loaded[info.name]
        assert statements_digest(statements) == info.statements_sha256
    assert [d.verdict for d in stored_decisions(kg)] == ["reject"]


def test_a_merge_made_at_reload_is_split_by_a_reject_too(
    tmp_path: Path, two_sources: tuple[Path, Path]
) -> None:
    ministry, cordis = two_sources
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        loaded(kg, ministry, cordis)
        record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
        kg.remove_source("cordis.ttl")
        loaded(kg, cordis)  # rewritten to the canonical IRI while it is written
        assert not kg.ask("ASK { ?i a edukg:Institution }", {"i": kg_node(BSU_EN)})
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        record_decisions(kg, [Decision(BSU_RU, BSU_EN, "reject")])
        assert kg.ask(
            "ASK { ?i a edukg:Institution ; skos:prefLabel 'BELARUSIAN STATE UNIVERSITY'@en }",
            {"i": kg_node(BSU_EN)},
        )
        assert len(run_query(kg, "partners", {"institution": ID + "pskov"}).records()) == 2


def test_a_reject_that_fails_halfway_leaves_the_merge_and_the_decision_as_they_were(
    kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded(kg, MINISTRY, CORDIS)
    record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    before = {g.value: kg.sorted_statements(g) for g in kg.oxigraph.named_graphs()}  # type: ignore[arg-type]

    def failing(self: KnowledgeGraph, records: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(KnowledgeGraph, "_write_merge_records", failing)
    with pytest.raises(StoreError):
        record_decisions(kg, [Decision(BSU_EN, BSU_RU, "reject")])
    after = {g.value: kg.sorted_statements(g) for g in kg.oxigraph.named_graphs()}  # type: ignore[arg-type]
    assert after == before
    assert [d.verdict for d in stored_decisions(kg)] == ["accept"]
    assert canonical_of(kg) == {BSU_EN: BSU_RU}


def test_removing_a_merged_source_forgets_its_merge_record(kg: KnowledgeGraph) -> None:
    from edukg.graph.canonical import merge_records

    loaded(kg, MINISTRY, CORDIS)
    record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    cordis_graph = kg.source_graph("resolve-cordis.ttl").value
    assert cordis_graph in merge_records(kg.oxigraph)
    kg.remove_source("resolve-cordis.ttl")
    assert cordis_graph not in merge_records(kg.oxigraph)


def test_a_decision_on_another_pair_leaves_a_merged_source_alone(kg: KnowledgeGraph) -> None:
    loaded(kg, MINISTRY, CORDIS)
    record_decisions(kg, [Decision(BSU_EN, BSU_RU, "accept")])
    merged = {info.name: info.statements_sha256 for info in kg.sources()}
    assert record_decisions(kg, [Decision(ID + "school3", ID + "school30", "reject")]) == []
    assert {info.name: info.statements_sha256 for info in kg.sources()} == merged
    assert canonical_of(kg) == {BSU_EN: BSU_RU}
