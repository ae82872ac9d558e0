"""Benchmarks of edukg: run them as modules from the repository's root folder.

    python -m bench.run --scales 100k
    python -m bench.growth bench/results/<dated set>.json

See ``bench/README.md``.
"""
