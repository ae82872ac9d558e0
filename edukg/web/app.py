"""The web application: routes, middleware and error answers, put together.

>>> from edukg.graph.store import KnowledgeGraph
>>> from edukg.web.config import ServerConfig
>>> app = create_app(KnowledgeGraph.in_memory(), ServerConfig("https://edukg.example/id/"))
>>> sorted(route.name for route in app.routes)[:3]
['dataset', 'download', 'dump']
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

from edukg.core.errors import EdukgError
from edukg.web.config import ServerConfig
from edukg.web.error_answers import edukg_error
from edukg.web.routes import routes
from edukg.web.safety import BodyLimit, SecurityHeaders
from edukg.web.work import StoreWork


def create_app(
    kg: Any, config: ServerConfig, *, reopen: Callable[[], Any] | None = None
) -> Starlette:
    """The Starlette app serving ``kg`` (a :class:`~edukg.graph.store.KnowledgeGraph`).

    ``reopen`` opens a read-only on-disk store again: given, the server follows what other
    processes write to the store (see :class:`edukg.web.work.StoreWork`).
    """
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(BodyLimit, max_body=config.max_body),
    ]
    if config.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(config.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
            )
        )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        folder = tempfile.mkdtemp(prefix="edukg-serve-")
        app.state.dump_folder = folder
        app.state.work.start()
        try:
            yield
        finally:
            app.state.work.stop()
            shutil.rmtree(folder, ignore_errors=True)

    app = Starlette(
        routes=routes(config),
        middleware=middleware,
        exception_handlers={EdukgError: edukg_error},
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.work = StoreWork(
        kg, time_limit=config.time_limit, workers=config.workers, reopen=reopen
    )
    return app
