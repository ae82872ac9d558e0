"""The SPARQL 1.1 Protocol at /sparql, with SPARQLWrapper and plain HTTP as the clients."""

from __future__ import annotations

import csv
import http.client
import io
import json
import urllib.parse
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper

from tests.web.conftest import Server, fetch

INSTITUTIONS = """PREFIX edukg: <https://w3id.org/edukg/ontology#>
SELECT ?institution WHERE { ?institution a edukg:Institution } ORDER BY ?institution"""


def wrapper(server: Server, query: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(query)
    return client


def test_sparqlwrapper_select_json_and_xml(server: Server) -> None:
    client = wrapper(server, INSTITUTIONS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    iris = [row["institution"]["value"] for row in rows]
    assert len(iris) >= 5 and iris == sorted(iris)
    assert all(row["institution"]["type"] == "uri" for row in rows)
    client.setReturnFormat(XML)
    document = client.query().convert()
    assert len(document.getElementsByTagName("result")) == len(iris)


def test_sparqlwrapper_ask(server: Server) -> None:
    client = wrapper(server, "ASK { country:BY skos:notation 'BY' }")
    client.setReturnFormat(JSON)
    assert client.query().convert() == {"head": {}, "boolean": True}
    client = wrapper(server, "ASK { country:BY skos:notation 'XX' }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is False


def test_sparqlwrapper_construct(server: Server) -> None:
    client = wrapper(server, "CONSTRUCT { country:BY ?p ?o } WHERE { country:BY ?p ?o }")
    client.setReturnFormat(TURTLE)
    body = client.query().convert()
    triples = list(ox.parse(body, ox.RdfFormat.TURTLE))
    assert triples and all(t.subject.value.endswith("/country/BY") for t in triples)
    labels = {t.object.value for t in triples if t.predicate.value.endswith("prefLabel")}
    assert "Беларусь" in labels


@pytest.mark.parametrize(
    ("accept", "check"),
    [
        ("text/csv", lambda body: next(csv.reader(io.StringIO(body.decode()))) == ["n"]),
        ("text/tab-separated-values", lambda body: body.decode().splitlines()[0] == "?n"),
        ("application/sparql-results+xml", lambda body: ET.fromstring(body).tag.endswith("sparql")),
        ("application/sparql-results+json", lambda body: json.loads(body)["head"]["vars"] == ["n"]),
    ],
)
def test_select_formats_by_accept(server: Server, accept: str, check: object) -> None:
    query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s a edukg:Institution }")
    status, headers, body = fetch(server.url + f"sparql?query={query}", headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith(accept)
    assert check(body)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_construct_formats_by_accept_with_a_direct_post(
    server: Server, accept: str, rdf_format: ox.RdfFormat
) -> None:
    query = "DESCRIBE country:BY"
    status, headers, body = fetch(
        server.url + "sparql", data=query.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": accept},
    )
    assert status == 200 and headers["content-type"].startswith(accept)
    assert len(list(ox.parse(body, rdf_format))) > 5


def test_form_post_and_cyrillic(server: Server) -> None:
    query = "SELECT ?label WHERE { country:BY skos:prefLabel ?label FILTER(lang(?label) = 'ru') }"
    status, _, body = fetch(
        server.url + "sparql", data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["label"]["value"] == "Беларусь"


def test_service_description(server: Server) -> None:
    status, headers, body = fetch(server.url + "sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(body, ox.RdfFormat.TURTLE))
    endpoints = {t.object.value for t in triples if t.predicate.value.endswith("#endpoint")}
    assert endpoints == {server.url + "sparql"}
    languages = {t.object.value.rsplit("#")[-1] for t in triples
                 if t.predicate.value.endswith("#supportedLanguage")}
    assert languages == {"SPARQL11Query"}


def test_errors_are_http_errors(server: Server) -> None:
    status, _, body = fetch(server.url + "sparql?query=" + urllib.parse.quote("SELEKT nothing"))
    assert status == 400 and b"malformed" in body
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = fetch(server.url + "sparql?query=" + urllib.parse.quote(federated))
    assert status == 403 and b"SERVICE" in body
    status, _, _ = fetch(server.url + "sparql?query=ASK{}", headers={"Accept": "image/png"})
    assert status == 406


def test_request_size_limit_and_no_cors(server: Server) -> None:
    # the server answers from the declared length, before the body is sent
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.putrequest("POST", "/sparql")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", "2000000")
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413 and b"limit" in response.read()
    connection.close()
    status, headers, _ = fetch(server.url + "sparql?query=ASK{}",
                               headers={"Origin": "https://elsewhere.example"})
    assert status == 200 and "access-control-allow-origin" not in headers
