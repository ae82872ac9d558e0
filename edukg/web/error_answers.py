"""Answers for edukg's errors: a page for browsers, plain text for SPARQL clients."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from edukg.core.errors import EdukgError
from edukg.web.errors import UpdateRefused, status_of
from edukg.web.negotiation import prefers_html
from edukg.web.pages import error_page
from edukg.web.work import Overloaded, StoreBeingWritten


async def edukg_error(request: Request, error: Exception) -> Response:
    """Answer an edukg error: an HTML page for browsers, plain text for everyone else."""
    assert isinstance(error, EdukgError)
    status = status_of(error)
    headers = {"Retry-After": "5"} if isinstance(error, Overloaded | StoreBeingWritten) else {}
    if isinstance(error, UpdateRefused):
        headers["WWW-Authenticate"] = 'Bearer realm="edukg"'
    if prefers_html(request.headers.get("accept")) and request.url.path != "/sparql":
        return error_page(request, error, status, headers)
    return PlainTextResponse(str(error) + "\n", status_code=status, headers=headers)
