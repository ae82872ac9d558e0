"""The bottom floor of edukg: what every other floor may import.

``edukg.core.errors`` holds the one exception hierarchy and ``edukg.core.version``
the package version. It imports nothing from the floors above it.
"""
