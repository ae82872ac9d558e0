"""Entity IRIs resolve with content negotiation; the dataset is described and dumped."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from edukg.graph.export import export
from edukg.graph.store import KnowledgeGraph
from tests.web.conftest import Server, fetch

ENTITY = "https://edukg.example/id/institution/illustrative-pskov-iro"
PATH = "id/institution/illustrative-pskov-iro"


def test_html_for_people(server: Server) -> None:
    status, headers, body = fetch(server.url + PATH + "?lang=ru",
                                  headers={"Accept": "text/html,*/*;q=0.8"})
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode()
    assert "<h1>Институт развития образования (иллюстративный пример, Псков)</h1>" in page
    assert 'href="/id/agreement/illustrative-a1?lang=ru"' in page  # relations link to entity pages
    assert "illustrative-register.ttl" in page  # the source that states them
    assert "script-src 'self'" in headers["content-security-policy"]
    status, _, body = fetch(server.url + PATH + "?lang=en", headers={"Accept": "text/html"})
    assert "<h1>Institute of education development (illustrative, Pskov)</h1>" in body.decode()


def test_turtle_and_json_ld_for_machines(server: Server) -> None:
    status, headers, body = fetch(server.url + PATH, headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(body, ox.RdfFormat.TURTLE))
    assert any(t.subject.value == ENTITY for t in triples)
    assert any(t.object == ox.NamedNode(ENTITY) for t in triples)  # incoming links too
    status, headers, body = fetch(server.url + PATH, headers={"Accept": "application/ld+json"})
    assert status == 200 and headers["content-type"].startswith("application/ld+json")
    json.loads(body)
    assert {str(t) for t in ox.parse(body, ox.RdfFormat.JSON_LD)} == {str(t) for t in triples}
    status, headers, body = fetch(server.url + PATH, headers={"Accept": "application/n-triples"})
    assert len(list(ox.parse(body, ox.RdfFormat.N_TRIPLES))) == len(triples)


def test_unknown_entities_and_other_iris(server: Server) -> None:
    status, _, _ = fetch(server.url + "id/institution/nobody", headers={"Accept": "text/turtle"})
    assert status == 404
    status, _, body = fetch(server.url + "resource?iri=https://w3id.org/edukg/country/BY",
                            headers={"Accept": "text/html"})
    assert status == 200 and "Беларусь" in body.decode()
    status, _, body = fetch(server.url + "resource?iri=" + ENTITY, headers={"Accept": "text/html"})
    assert status == 200 and "Псков" in body.decode()  # redirected to the entity's own path


def test_void_and_dcat(server: Server) -> None:
    status, _, body = fetch(server.url + ".well-known/void", headers={"Accept": "text/turtle"})
    assert status == 200
    triples = list(ox.parse(body, ox.RdfFormat.TURTLE))
    objects = {(t.predicate.value.rsplit("#", 1)[-1], t.object.value) for t in triples}
    assert ("sparqlEndpoint", server.url + "sparql") in objects
    assert ("downloadURL", server.url + "dump.nq.gz") in objects
    assert ("uriSpace", "https://edukg.example/id/") in objects


def test_dump_is_the_deterministic_export(server: Server, example_store: Path) -> None:
    status, headers, body = fetch(server.url + "dump.nq.gz")
    assert status == 200 and headers["content-type"] == "application/gzip"
    with KnowledgeGraph.open(example_store, read_only=True) as kg:
        expected = io.BytesIO()
        export(kg, expected, "nq", with_ontology=True)
    assert gzip.decompress(body) == expected.getvalue()
    assert fetch(server.url + "dump.nq.gz")[2] == body  # the same bytes again


def test_base_iri_maps_another_public_base(start_server: Callable[..., Server]) -> None:
    server = start_server("--base-iri", "https://w3id.org/edukg/country/")
    status, _, body = fetch(server.url + "edukg/country/BY", headers={"Accept": "text/turtle"})
    assert status == 200
    subjects = {t.subject.value for t in ox.parse(body, ox.RdfFormat.TURTLE)}
    assert "https://w3id.org/edukg/country/BY" in subjects
    status, _, body = fetch(server.url + "resource?iri=https://w3id.org/edukg/country/KZ",
                            headers={"Accept": "text/html"})
    assert status == 200 and "Казахстан" in body.decode()  # redirected to /edukg/country/KZ
