"""All-or-nothing loads, re-imports that report what changed, stable IRIs."""

from __future__ import annotations

import json

import pytest

from edukg.core.errors import InputError
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.loaders.conftest import (
    AGREEMENTS,
    BASE,
    INSTITUTIONS,
    TABLES,
    dump,
    triples_of,
    write_csv,
    write_xlsx,
)


def test_a_failing_load_leaves_the_store_byte_identical(tmp_path, register_files) -> None:  # type: ignore[no-untyped-def]
    with KnowledgeGraph.open(tmp_path / "store", base_iri=BASE) as kg:
        load_files(kg, register_files)
        before = dump(kg)
        bad = [list(r) for r in AGREEMENTS]
        bad[1][3] = "31.02.2024"
        good_new = write_csv(
            tmp_path / "more-institutions.csv",
            [INSTITUTIONS[0], ["x-new", "Новая школа", "", "", "BY"] + [""] * 5],
        )
        changed_institutions = [list(r) for r in INSTITUTIONS]
        changed_institutions[1][6] = "Минск"
        with pytest.raises(InputError):
            load_files(
                kg,
                [
                    good_new,
                    write_csv(tmp_path / "institutions.csv", changed_institutions),
                    write_csv(tmp_path / "agreements.csv", bad),
                ],
            )
        assert dump(kg) == before
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        assert dump(kg) == before


def test_reimport_of_an_unchanged_file_changes_nothing(kg, register_files) -> None:  # type: ignore[no-untyped-def]
    load_files(kg, register_files)
    before = dump(kg)
    result = load_files(kg, register_files)
    assert all(change.unchanged for change in result.changes)
    assert dump(kg) == before


def test_reimport_of_an_edited_file_replaces_it_and_counts_the_changes(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sheets = {"учреждения": INSTITUTIONS, "соглашения": AGREEMENTS}
    path = write_xlsx(tmp_path / "реестр.xlsx", sheets)
    first = load_files(kg, [path]).changes[0]
    assert (first.new_source, first.records_added) == (True, 6)  # 4 institutions, 2 agreements
    institutions = [list(r) for r in INSTITUTIONS]
    institutions[2][6] = "Жодино"  # the gymnasium moves: one institution changed
    agreements = [list(r) for r in AGREEMENTS][:2]  # test-a2 is dropped: one agreement removed
    write_xlsx(path, {"учреждения": institutions, "соглашения": agreements})
    change = load_files(kg, [path]).changes[0]
    assert not change.new_source
    assert (change.records_added, change.records_changed, change.records_removed) == (0, 1, 1)
    # -1 city +1 city; test-a2: 8 own triples + 3 parties x 6.
    assert (change.added, change.removed) == (1, 1 + 8 + 3 * 6)
    assert not kg.ask("ASK { ?a dcterms:identifier 'test-a2' }")
    assert kg.ask("ASK { ?i dcterms:identifier 'test-gym' ; schema:addressLocality 'Жодино'@ru }")
    assert not kg.ask(
        "ASK { ?i dcterms:identifier 'test-gym' ; schema:addressLocality 'Борисов'@ru }"
    )


def test_same_entity_same_iri_across_files_forms_and_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    csv_path = write_csv(tmp_path / "institutions.csv", INSTITUTIONS)
    json_path = tmp_path / "i.json"
    json_path.write_text(
        json.dumps(
            [dict(zip(INSTITUTIONS[0], r, strict=True)) for r in INSTITUTIONS[1:]],
            ensure_ascii=False,
        ),
        "utf-8",
    )
    runs = []
    for path in (csv_path, json_path, csv_path):
        with KnowledgeGraph.in_memory(base_iri=BASE) as kg:
            load_files(kg, [path])
            runs.append({s for s, _, _ in triples_of(kg, path.name)})
    assert runs[0] == runs[1] == runs[2]
    assert f"<{BASE}institution/test-gym>" in runs[0]
    # Without an id: normalised name and country.
    assert f"<{BASE}institution/ru-shkola-no-5-testovaia>" in runs[0]


def test_parties_may_name_institutions_in_another_file_or_in_the_store(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    institutions = write_csv(tmp_path / "institutions.csv", INSTITUTIONS)
    agreements = write_csv(tmp_path / "agreements.csv", AGREEMENTS)
    # Agreements first: the reference points forwards to a later file of the same load.
    load_files(kg, [agreements, institutions])
    # Later loads find them in the store, by id and by name.
    more = write_csv(
        tmp_path / "more.csv",
        [
            AGREEMENTS[0],
            ["test-a5", "Ещё", "Гимназия № 1 «Тестовая»; test-uni", "", "", "", "", "", ""],
        ],
    )
    load_files(kg, [more])
    assert kg.ask(
        "ASK { ?a dcterms:identifier 'test-a5' ; edukg:hasParty ?g . "
        "?g dcterms:identifier 'test-gym' }"
    )


def test_parties_may_name_institutions_of_the_illustrative_ttl(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import EXAMPLE_FILES

    load_files(kg, list(EXAMPLE_FILES))
    agreements = write_csv(
        tmp_path / "a.csv",
        [
            AGREEMENTS[0],
            [
                "x1",
                "Тест",
                "illustrative-college; Лицей (иллюстративный пример, Алматинская обл.)",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
    )
    load_files(kg, [agreements])
    assert kg.ask(
        f"ASK {{ ?a dcterms:identifier 'x1' ; "
        f"edukg:hasParty <{BASE}institution/illustrative-college> , "
        f"<{BASE}institution/illustrative-almaty-lyceum> }}"
    )


def test_a_reloaded_file_cannot_lean_on_its_own_old_version(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps(
            {
                "institutions": [
                    {"id": "a", "name": "А", "country": "BY"},
                    {"id": "b", "name": "Б", "country": "BY"},
                ]
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )
    load_files(kg, [path])
    path.write_text(
        json.dumps(
            {
                "institutions": [{"id": "a", "name": "А", "country": "BY"}],
                "agreements": [{"parties": ["a", "b"]}],
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )
    with pytest.raises(InputError) as raised:
        load_files(kg, [path])
    assert raised.value.problems[0].value == "b"


def test_regions_of_the_store_are_linked_not_redescribed(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import EXAMPLE_FILES

    load_files(kg, list(EXAMPLE_FILES))
    path = write_csv(tmp_path / "i.csv", [INSTITUTIONS[0], INSTITUTIONS[1]])
    load_files(kg, [path])
    triples = triples_of(kg, "i.csv")
    region = f"<{BASE}region/by/minsk-region>"
    assert any(o == region for _, _, o in triples)
    assert not any(s == region for s, _, _ in triples)


def test_tables_name_every_kind_once(tmp_path, kg) -> None:  # type: ignore[no-untyped-def]
    paths = [write_csv(tmp_path / f"{k}.csv", rows) for k, rows in TABLES.items()]
    changes = load_files(kg, paths).changes
    assert {c.name: c.records_added for c in changes} == {
        "institutions.csv": 4,
        "agreements.csv": 2,
        "events.csv": 2,
    }
