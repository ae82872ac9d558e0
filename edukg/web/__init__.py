"""``edukg serve``: the web face of the store (SPARQL endpoint, query page, linked data).

:func:`~edukg.web.app.create_app` builds the Starlette app; :mod:`edukg.web.routes`
is its map.
"""
