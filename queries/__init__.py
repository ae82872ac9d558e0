"""The query catalogue: named, parameterised SPARQL queries (``.rq`` files beside this module)."""
