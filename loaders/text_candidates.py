"""Candidate facts from text, as RDF in the candidates graph, outside the knowledge graph.

A candidate is a Web Annotation (``oa:Annotation``, also ``edukg:Candidate``)
whose target selects the words it rests on in the document
(``oa:TextPositionSelector`` with character offsets, ``oa:TextQuoteSelector``
with the exact words and their context) and which ``prov:wasDerivedFrom`` its
sentence (another selection of the document, with the sentence's offsets and
words). Accepting turns that sentence into a quote (a ``prov:Entity`` with
``prov:value``, ``prov:wasQuotedFrom`` the document, as in
``examples/minsk-region-2024.ttl``). Its body is what it
proposes: a country, region or concept IRI (``oa:hasBody``) or a name or
number (``oa:bodyValue``); ``edukg:confidence`` says how sure the rule is and
``edukg:reviewStatus`` whether a person accepted it.

Candidates live in one named graph of their own (:data:`CANDIDATES_GRAPH`),
never in a source graph: they are neither exported nor counted as sources,
and they use no term that catalogue queries read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyoxigraph as ox

from edukg.core.version import __version__
from edukg.graph.iris import mint
from edukg.graph.sources import agent_iri
from edukg.graph.store import KnowledgeGraph
from edukg.ontology.namespace import ONTOLOGY_IRI, SYSTEM_GRAPH_BASE

CANDIDATES_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "candidates")
"""The named graph that holds candidate facts awaiting review."""

OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
EDUKG = ONTOLOGY_IRI + "#"

A = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

KINDS = (
    "institution", "region", "partner-country", "agreement-count", "agreement",
    "event-kind", "year", "date",
)
"""Kinds of candidate facts, in the order the review table lists them."""

MOTIVATION = {
    "institution": "identifying", "region": "identifying", "partner-country": "identifying",
    "agreement-count": "describing", "agreement": "classifying", "event-kind": "classifying",
    "year": "describing", "date": "describing",
}

CONTEXT = 32
"""Characters of context kept before and after a quote (``oa:prefix``, ``oa:suffix``)."""


Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]
Graph = ox.NamedNode | ox.DefaultGraph


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@dataclass(frozen=True)
class TextDocument:
    """A document text was extracted from: its file name and the SHA-256 of its bytes."""

    file_name: str
    sha256: str
    base_iri: str

    @property
    def key(self) -> str:
        """A short key of the document's bytes, used in IRIs."""
        return self.sha256[:16]

    @property
    def iri(self) -> ox.NamedNode:
        """The document's IRI (the same bytes give the same IRI)."""
        return _n(mint(self.base_iri, "document", self.key))

    @property
    def source_name(self) -> str:
        """The source ``edukg accept`` writes the document's accepted facts to."""
        return f"text-{self.file_name}"


@dataclass
class Candidate:
    """One candidate fact with its place in the text.

    ``start``/``stop`` are the character offsets of ``quote`` in the
    document's text; ``sentence_start``/``sentence_stop`` those of
    ``sentence``. ``subject`` is the id of the candidate this one is about
    (the institution a partner country belongs to, the count an event kind
    was reported with), if any.
    """

    id: str
    kind: str
    value: str
    label: str
    confidence: float
    start: int
    stop: int
    quote: str
    prefix: str
    suffix: str
    sentence: str
    sentence_start: int
    sentence_stop: int
    subject: str | None = None
    details: dict[str, str] = field(default_factory=dict)
    status: str = "pending"

    @property
    def is_iri(self) -> bool:
        """True when the value is an IRI (a concept), not a name, code or number."""
        return self.value.startswith(("http://", "https://"))


def candidate_id(document: TextDocument, kind: str, value: str, subject: str | None) -> str:
    """A short id, the same for the same fact of the same document.

    >>> doc = TextDocument("a.txt", "ab" * 32, "https://example.org/")
    >>> candidate_id(doc, "year", "2024", None)
    '84a5bc65'
    """
    key = f"{document.sha256}|{kind}|{value}|{subject or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def candidate_iri(document: TextDocument, identifier: str) -> ox.NamedNode:
    """The IRI of a candidate of a document."""
    return _n(mint(document.base_iri, f"candidate/{document.key}", identifier))


def quote_iri(document: TextDocument, start: int, stop: int) -> ox.NamedNode:
    """The IRI of a quoted sentence of a document, by its offsets."""
    return _n(mint(document.base_iri, f"quote/{document.key}", f"{start}-{stop}"))


def body_node(candidate: Candidate) -> ox.NamedNode | None:
    """The IRI a candidate proposes (country, concept), or ``None`` for names and numbers."""
    from edukg.ontology.namespace import COUNTRY_BASE

    if candidate.kind == "partner-country":
        return _n(COUNTRY_BASE + candidate.value)
    if candidate.is_iri:
        return _n(candidate.value)
    return None


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(XSD + "nonNegativeInteger"))


def quote_quads(document: TextDocument, candidate: Candidate, graph: Graph) -> list[ox.Quad]:
    """The quoted sentence a candidate rests on, with its offsets, as a ``prov:Entity``."""
    quote = quote_iri(document, candidate.sentence_start, candidate.sentence_stop)
    position = _n(quote.value + "/position")
    triples: list[Triple] = [
        (quote, A, _n(PROV + "Entity")),
        (quote, A, _n(OA + "SpecificResource")),
        (quote, _n(PROV + "value"), ox.Literal(candidate.sentence, language="ru")),
        (quote, _n(PROV + "wasQuotedFrom"), document.iri),
        (quote, _n(OA + "hasSource"), document.iri),
        (quote, _n(OA + "hasSelector"), position),
        (position, A, _n(OA + "TextPositionSelector")),
        (position, _n(OA + "start"), _integer(candidate.sentence_start)),
        (position, _n(OA + "end"), _integer(candidate.sentence_stop)),
    ]
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]


def document_quads(document: TextDocument, graph: Graph) -> list[ox.Quad]:
    """The document as a ``schema:CreativeWork`` and ``prov:Entity``."""
    triples: list[Triple] = [
        (document.iri, A, _n(SCHEMA + "CreativeWork")),
        (document.iri, A, _n(PROV + "Entity")),
        (document.iri, _n(SCHEMA + "name"), ox.Literal(document.file_name)),
        (document.iri, _n(SCHEMA + "sha256"), ox.Literal(document.sha256)),
        (document.iri, _n(SCHEMA + "inLanguage"), ox.Literal("ru")),
    ]
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]


def candidate_quads(
    document: TextDocument, candidate: Candidate, activity: ox.NamedNode
) -> list[ox.Quad]:
    """The RDF of one candidate, in the candidates graph.

    Its sentence is a selection of the document of its own (not the
    ``prov:Entity`` quote that accepting writes), so that queries over all
    graphs never meet an unreviewed sentence as a quote.
    """
    node = candidate_iri(document, candidate.id)
    target = _n(node.value + "/target")
    position = _n(node.value + "/position")
    quote = _n(node.value + "/quote")
    sentence = _n(node.value + "/sentence")
    sentence_position = _n(node.value + "/sentence/position")
    sentence_quote = _n(node.value + "/sentence/quote")
    triples: list[Triple] = [
        (node, A, _n(EDUKG + "Candidate")),
        (node, A, _n(OA + "Annotation")),
        (node, _n(DCTERMS + "identifier"), ox.Literal(candidate.id)),
        (node, _n(EDUKG + "candidateKind"), ox.Literal(candidate.kind)),
        (node, _n(OA + "motivatedBy"), _n(OA + MOTIVATION[candidate.kind])),
        (node, _n(RDFS + "label"), ox.Literal(candidate.label)),
        (node, _n(EDUKG + "confidence"),
         ox.Literal(f"{candidate.confidence:.2f}", datatype=_n(XSD + "decimal"))),
        (node, _n(EDUKG + "reviewStatus"), ox.Literal(candidate.status)),
        (node, _n(EDUKG + "candidateDetails"),
         ox.Literal(json.dumps(candidate.details, ensure_ascii=False, sort_keys=True))),
        (node, _n(OA + "hasTarget"), target),
        (node, _n(PROV + "wasDerivedFrom"), sentence),
        (node, _n(PROV + "wasGeneratedBy"), activity),
        (target, A, _n(OA + "SpecificResource")),
        (target, _n(OA + "hasSource"), document.iri),
        (target, _n(OA + "hasSelector"), position),
        (target, _n(OA + "hasSelector"), quote),
        (position, A, _n(OA + "TextPositionSelector")),
        (position, _n(OA + "start"), _integer(candidate.start)),
        (position, _n(OA + "end"), _integer(candidate.stop)),
        (quote, A, _n(OA + "TextQuoteSelector")),
        (quote, _n(OA + "exact"), ox.Literal(candidate.quote)),
        (quote, _n(OA + "prefix"), ox.Literal(candidate.prefix)),
        (quote, _n(OA + "suffix"), ox.Literal(candidate.suffix)),
        (sentence, A, _n(OA + "SpecificResource")),
        (sentence, _n(OA + "hasSource"), document.iri),
        (sentence, _n(OA + "hasSelector"), sentence_position),
        (sentence, _n(OA + "hasSelector"), sentence_quote),
        (sentence_position, A, _n(OA + "TextPositionSelector")),
        (sentence_position, _n(OA + "start"), _integer(candidate.sentence_start)),
        (sentence_position, _n(OA + "end"), _integer(candidate.sentence_stop)),
        (sentence_quote, A, _n(OA + "TextQuoteSelector")),
        (sentence_quote, _n(OA + "exact"), ox.Literal(candidate.sentence, language="ru")),
    ]
    body = body_node(candidate)
    if body is not None:
        triples.append((node, _n(OA + "hasBody"), body))
    else:
        triples.append((node, _n(OA + "bodyValue"), ox.Literal(candidate.value)))
    if candidate.subject:
        triples.append(
            (node, _n(EDUKG + "subjectCandidate"), candidate_iri(document, candidate.subject))
        )
    return [ox.Quad(s, p, o, CANDIDATES_GRAPH) for s, p, o in triples]


def extraction_quads(document: TextDocument, when: datetime | None = None) -> list[ox.Quad]:
    """The extraction run as a ``prov:Activity`` that used the document."""
    activity = _n(mint(document.base_iri, "extraction", document.key))
    agent = agent_iri("text", __version__)
    stamp = (when or datetime.now(UTC)).replace(microsecond=0).isoformat()
    triples: list[Triple] = [
        (activity, A, _n(PROV + "Activity")),
        (activity, _n(PROV + "used"), document.iri),
        (activity, _n(PROV + "wasAssociatedWith"), agent),
        (activity, _n(PROV + "endedAtTime"), ox.Literal(stamp, datatype=_n(XSD + "dateTime"))),
        (agent, A, _n(PROV + "SoftwareAgent")),
        (agent, _n(RDFS + "label"), ox.Literal(f"edukg text extractor {__version__}")),
    ]
    return [ox.Quad(s, p, o, CANDIDATES_GRAPH) for s, p, o in triples]


# ---------------------------------------------------------------- the candidates graph


def store_candidates(
    kg: KnowledgeGraph, document: TextDocument, candidates: list[Candidate]
) -> list[Candidate]:
    """Put a document's candidates into the candidates graph, replacing its pending ones.

    Candidates a person already accepted stay as they are (and are not
    proposed again). Returns the candidates as stored, accepted ones marked.
    """
    store = kg.oxigraph
    accepted = {c.id: c for _, c in read_candidates(kg, documents=[document.sha256])
                if c.status == "accepted"}
    prefix = mint(document.base_iri, f"candidate/{document.key}", "")
    activity = _n(mint(document.base_iri, "extraction", document.key))
    for quad in list(store.quads_for_pattern(None, None, None, CANDIDATES_GRAPH)):
        subject = quad.subject.value if isinstance(quad.subject, ox.NamedNode) else ""
        head = subject[len(prefix):].split("/", 1)[0]
        if subject.startswith(prefix) and head not in accepted:
            store.remove(quad)
        elif quad.subject == activity:
            store.remove(quad)
    quads = document_quads(document, CANDIDATES_GRAPH) + extraction_quads(document)
    result: list[Candidate] = []
    for candidate in candidates:
        if candidate.id in accepted:
            result.append(accepted[candidate.id])
            continue
        quads += candidate_quads(document, candidate, activity)
        result.append(candidate)
    store.extend(quads)
    if kg.path is not None:
        store.flush()
    return result


_CANDIDATES_QUERY = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX edukg: <https://w3id.org/edukg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?id ?kind ?label ?confidence ?status ?details ?body ?bodyValue ?start ?end ?exact
       ?prefix ?suffix ?sentence ?sStart ?sEnd ?subject ?file ?sha WHERE {
  GRAPH <https://w3id.org/edukg/graph/candidates> {
    ?c a edukg:Candidate ; dcterms:identifier ?id ; edukg:candidateKind ?kind ;
       rdfs:label ?label ; edukg:confidence ?confidence ; edukg:reviewStatus ?status ;
       edukg:candidateDetails ?details ;
       oa:hasTarget ?target ; prov:wasDerivedFrom ?q .
    ?target oa:hasSource ?doc ; oa:hasSelector ?pos , ?tq .
    ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    ?tq a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
    ?q oa:hasSelector ?qpos , ?qq .
    ?qpos a oa:TextPositionSelector ; oa:start ?sStart ; oa:end ?sEnd .
    ?qq a oa:TextQuoteSelector ; oa:exact ?sentence .
    ?doc schema:name ?file ; schema:sha256 ?sha .
    OPTIONAL { ?c oa:hasBody ?body }
    OPTIONAL { ?c oa:bodyValue ?bodyValue }
    OPTIONAL { ?c edukg:subjectCandidate/dcterms:identifier ?subject }
  }
}
ORDER BY ?file ?start ?id
"""


def read_candidates(
    kg: KnowledgeGraph, *, documents: list[str] | None = None
) -> list[tuple[TextDocument, Candidate]]:
    """Every candidate in the candidates graph with its document, in text order.

    ``documents`` limits them to documents with these SHA-256 digests. A
    candidate accepted into a source that was removed since (``edukg sources
    --remove``) counts as pending again.
    """
    sources = {info.name for info in kg.sources()}
    rows = kg.oxigraph.query(_CANDIDATES_QUERY)
    assert isinstance(rows, ox.QuerySolutions)
    found: list[tuple[TextDocument, Candidate]] = []
    for row in rows:
        sha = row["sha"].value
        if documents is not None and sha not in documents:
            continue
        document = TextDocument(row["file"].value, sha, kg.base_iri)
        value = row["body"] if row["body"] is not None else row["bodyValue"]
        raw_value = value.value if value is not None else ""
        kind = row["kind"].value
        if kind == "partner-country":
            raw_value = raw_value.rsplit("/", 1)[-1]
        found.append(
            (
                document,
                Candidate(
                    id=row["id"].value,
                    kind=kind,
                    value=raw_value,
                    label=row["label"].value,
                    confidence=float(row["confidence"].value),
                    start=int(row["start"].value),
                    stop=int(row["end"].value),
                    quote=row["exact"].value,
                    prefix=row["prefix"].value,
                    suffix=row["suffix"].value,
                    sentence=row["sentence"].value,
                    sentence_start=int(row["sStart"].value),
                    sentence_stop=int(row["sEnd"].value),
                    subject=row["subject"].value if row["subject"] is not None else None,
                    details=json.loads(row["details"].value),
                    status=row["status"].value
                    if document.source_name in sources
                    else "pending",
                ),
            )
        )
    return found


def mark_accepted(kg: KnowledgeGraph, document: TextDocument, ids: list[str]) -> None:
    """Record that a person accepted these candidates of a document."""
    predicate = _n(EDUKG + "reviewStatus")
    store = kg.oxigraph
    for identifier in ids:
        node = candidate_iri(document, identifier)
        for quad in list(store.quads_for_pattern(node, predicate, None, CANDIDATES_GRAPH)):
            store.remove(quad)
        store.add(ox.Quad(node, predicate, ox.Literal("accepted"), CANDIDATES_GRAPH))
    if kg.path is not None:
        store.flush()
