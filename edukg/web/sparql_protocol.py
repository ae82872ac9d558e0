"""The SPARQL 1.1 Protocol endpoint at ``/sparql``: queries, updates, the service description.

A query comes as ``GET ?query=``, as a form (``POST`` ``query=``) or as the
body (``POST`` ``application/sparql-query``); an update as a form (``update=``)
or as the body (``application/sparql-update``). The answer's format follows
``Accept`` or a ``format``/``output`` parameter.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

import pyoxigraph as ox
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from edukg.web.config import ServerConfig
from edukg.web.errors import BadRequest, UpdateRefused
from edukg.web.negotiation import GRAPH_TYPES, RESULT_TYPES, format_choice, prefers_html
from edukg.web.sparql_run import Negotiated, answer_query, graph_bytes, refuse_service, run_update
from edukg.web.work import StoreWork

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"

SD = "http://www.w3.org/ns/sparql-service-description#"


@dataclass(frozen=True)
class ProtocolRequest:
    """What a protocol request asks: a query or an update, and the dataset to use."""

    query: str | None
    update: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    format_name: str | None


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise BadRequest(f"the request has {len(values)} {name} parameters; send one")
    return values[0] if values else None


def _from_params(params: QueryParams, *, query: str | None = None,
                 update: str | None = None) -> ProtocolRequest:
    return ProtocolRequest(
        query=query if query is not None else _single(params.getlist("query"), "query"),
        update=update if update is not None else _single(params.getlist("update"), "update"),
        default_graphs=tuple(params.getlist("default-graph-uri")),
        named_graphs=tuple(params.getlist("named-graph-uri")),
        # SPARQLWrapper sends both format= and output=
        format_name=next(iter(params.getlist("format") + params.getlist("output")), None),
    )


async def read_protocol_request(request: Request) -> ProtocolRequest:
    """Read a GET or POST protocol request (form, query body or update body)."""
    if request.method == "GET":
        parsed = _from_params(request.query_params)
        if parsed.update is not None:
            raise BadRequest(
                "a SPARQL update must be sent with POST", hint="send update= as a form"
            )
        return parsed
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == FORM:
        form = await request.form()
        fields = QueryParams([(key, value) for key, value in form.multi_items()
                              if isinstance(value, str)] + list(request.query_params.multi_items()))
        return _from_params(fields)
    if content_type in (QUERY_BODY, UPDATE_BODY):
        try:
            text = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("the request body is not UTF-8 text") from None
        if content_type == QUERY_BODY:
            return _from_params(request.query_params, query=text)
        return _from_params(request.query_params, update=text)
    raise BadRequest(
        f"a POST to /sparql needs the content type {FORM}, {QUERY_BODY} or {UPDATE_BODY}, "
        f"not {content_type or 'none'}"
    )


def negotiate(request: Request, format_name: str | None) -> Negotiated:
    """The media types this client takes for rows and for graphs."""
    accept = request.headers.get("accept")
    return Negotiated(
        results=format_choice(format_name, accept, RESULT_TYPES, graph=False),
        graph=format_choice(format_name, accept, GRAPH_TYPES, graph=True),
    )


async def sparql_endpoint(request: Request) -> Response:
    """``/sparql``: answer a query, apply an update, or describe the service."""
    config: ServerConfig = request.app.state.config
    work: StoreWork = request.app.state.work
    parsed = await read_protocol_request(request)
    if parsed.update is not None:
        if parsed.query is not None:
            raise BadRequest("a request holds a query or an update, not both")
        return await _update(request, parsed.update)
    if parsed.query is None:
        if prefers_html(request.headers.get("accept")):
            return RedirectResponse("/#editor", status_code=303)
        return service_description(request)
    if not config.allow_service:
        refuse_service(parsed.query)
    answer = await work.run(
        answer_query,
        parsed.query,
        negotiate(request, parsed.format_name),
        row_cap=config.row_cap,
        default_graphs=parsed.default_graphs,
        named_graphs=parsed.named_graphs,
    )
    media_type = answer.media_type
    if media_type.startswith("text/") or media_type.endswith(("json", "xml")):
        media_type += "; charset=utf-8"
    return Response(answer.body, media_type=media_type, headers={"Vary": "Accept"})


def check_token(request: Request, config: ServerConfig) -> None:
    """Raise :class:`UpdateRefused` unless writes are on and the bearer token matches."""
    if config.update_token is None:
        raise UpdateRefused(
            "this server is read-only: SPARQL Update and other writes are refused",
            hint="start edukg serve with --allow-update (and a token) to accept updates",
        )
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), config.update_token.encode()
    ):
        raise UpdateRefused(
            "updates need the server's token",
            hint="send the header Authorization: Bearer TOKEN",
        )


async def _update(request: Request, text: str) -> Response:
    config: ServerConfig = request.app.state.config
    check_token(request, config)
    if not config.allow_service:
        refuse_service(text)
    work: StoreWork = request.app.state.work
    await work.write_async(run_update, text)
    return Response(status_code=204)


def service_description(request: Request) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, in the negotiated RDF format."""
    config: ServerConfig = request.app.state.config
    endpoint = ox.NamedNode(str(request.url_for("sparql")))
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [
        ox.Triple(service, rdf_type, sd("Service")),
        ox.Triple(service, sd("endpoint"), endpoint),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("feature"), sd("BasicFederatedQuery"))
        if config.allow_service else None,
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update"))
        if config.update_token else None,
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, sd("Dataset")),
        ox.Triple(dataset, ox.NamedNode("http://rdfs.org/ns/void#uriSpace"),
                  ox.Literal(config.public_base)),
    ]
    formats = {
        "JSON": "SPARQL_Results_JSON", "XML": "SPARQL_Results_XML", "CSV": "SPARQL_Results_CSV",
        "TSV": "SPARQL_Results_TSV", "TURTLE": "Turtle", "N_TRIPLES": "N-Triples",
        "JSON_LD": "JSON-LD", "RDF_XML": "RDF_XML",
    }
    triples += [
        ox.Triple(service, sd("resultFormat"), ox.NamedNode("http://www.w3.org/ns/formats/" + name))
        for name in formats.values()
    ]
    media_type = format_choice(
        request.query_params.get("format"), request.headers.get("accept"), GRAPH_TYPES, graph=True
    ) or "text/turtle"
    body = graph_bytes([triple for triple in triples if triple is not None], media_type)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})
