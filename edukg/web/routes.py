"""The map of the server: every path and the function that answers it, in one place."""

from __future__ import annotations

from importlib import resources

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from edukg.web.config import ServerConfig
from edukg.web.linked_data import dataset, dump, entity, resource
from edukg.web.network import network_form, network_view, report
from edukg.web.pages import download, query_page
from edukg.web.sparql_protocol import sparql_endpoint


def routes(config: ServerConfig) -> list[BaseRoute]:
    """The routes; entity IRIs under the public base come last, at the base's path."""
    static = StaticFiles(directory=str(resources.files("edukg.web").joinpath("static")))
    return [
        Route("/", query_page, name="home"),
        Route("/download", download, name="download"),
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"], name="sparql"),
        Route("/network", network_form, name="network"),
        Route("/network/view", network_view, name="network_view"),
        Route("/report", report, name="report"),
        Route("/resource", resource, name="resource"),
        Route("/dataset", dataset, name="dataset"),
        Route("/.well-known/void", dataset, name="void"),
        Route("/dump.nq.gz", dump, name="dump"),
        Mount("/static", app=static, name="static"),
        Route(config.base_path + "{rest:path}", entity, name="entity"),
    ]
