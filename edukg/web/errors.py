"""HTTP answers for edukg's errors: each kind of error gets its status code.

Only :class:`~edukg.core.errors.EdukgError` is answered (by
:func:`edukg.web.error_answers.edukg_error`); anything else is a bug, which
Starlette answers with a plain 500 and logs with its traceback.

>>> from edukg.web.work import TimeLimitExceeded
>>> status_of(TimeLimitExceeded("too slow")), status_of(QueryError("bad"))
(500, 400)
"""

from __future__ import annotations

from edukg.core.errors import ConfigError, EdukgError, QueryError, StoreError
from edukg.web.sparql_run import NotAcceptable, ServiceRefused
from edukg.web.work import (
    Overloaded,
    RowCapExceeded,
    StoreBeingWritten,
    TimeLimitExceeded,
    WorkerFailed,
)


class UpdateRefused(EdukgError):
    """A write without the right token, or on a read-only server (HTTP 403)."""


class NotFound(ConfigError):
    """No such entity, query or page (HTTP 404)."""


class BadRequest(ConfigError):
    """A request the protocol does not allow (HTTP 400)."""


STATUS: tuple[tuple[type[EdukgError], int], ...] = (
    (UpdateRefused, 403),
    (NotFound, 404),
    (NotAcceptable, 406),
    (ServiceRefused, 403),
    (Overloaded, 503),
    (StoreBeingWritten, 503),
    # 500, not 503 or 504: SPARQL clients retry those, and a cut query would only be cut again
    (TimeLimitExceeded, 500),
    (RowCapExceeded, 500),
    (WorkerFailed, 500),
    (StoreError, 500),
    (EdukgError, 400),
)
"""Error kind -> HTTP status; the first kind that matches wins."""


def status_of(error: EdukgError) -> int:
    """The HTTP status for ``error``."""
    return next(status for kind, status in STATUS if isinstance(error, kind))


__all__ = ["BadRequest", "NotFound", "QueryError", "UpdateRefused", "status_of"]
