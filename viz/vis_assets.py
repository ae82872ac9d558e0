"""The vis-network script and stylesheet, read from the installed pyvis wheel.

pyvis ships a standalone build of vis-network (with vis-data's ``DataSet``) inside its
wheel under ``pyvis/lib/vis-<version>/``. We inline those files into every page at build
time, so the page needs nothing outside itself and no third-party code lives in our tree.

>>> assets = vis_network_assets()
>>> assets.version
'9.1.2'
>>> "DataSet" in assets.script
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from edukg.core.errors import ConfigError

#: The vis-network build we inline. pyvis 0.3.2 ships 9.0.4 and 9.1.2; its own pages use 9.1.2.
VIS_NETWORK_VERSION = "9.1.2"


@dataclass(frozen=True)
class VisNetworkAssets:
    """The text of vis-network's minified script and its stylesheet."""

    version: str
    script: str
    stylesheet: str


@lru_cache(maxsize=1)
def vis_network_assets() -> VisNetworkAssets:
    """Read vis-network's script and stylesheet from the installed pyvis package.

    Raises:
        ConfigError: pyvis is not installed, or does not ship the expected build, or the
            files could not be inlined safely.
    """
    try:
        root = resources.files("pyvis") / "lib" / f"vis-{VIS_NETWORK_VERSION}"
        script = (root / "vis-network.min.js").read_text(encoding="utf-8")
        stylesheet = (root / "vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError) as error:
        raise ConfigError(
            f"cannot read vis-network {VIS_NETWORK_VERSION} from the installed pyvis package",
            hint="install edukg with its dependencies (pip install edukg); pyvis 0.3.2 ships it",
        ) from error
    # A closing tag inside inlined code would end the <script>/<style> block early.
    if re.search(r"</script", script, re.IGNORECASE) or re.search(
        r"</style", stylesheet, re.IGNORECASE
    ):
        raise ConfigError(
            f"vis-network {VIS_NETWORK_VERSION} from pyvis contains a closing tag"
            " and cannot be inlined",
            hint="pin pyvis to 0.3.2",
        )
    # Every url() in the stylesheet must be a data: URI, or the page would fetch something.
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", stylesheet):
        if not url.startswith("data:"):
            raise ConfigError(
                f"vis-network's stylesheet refers to an outside file: {url}",
                hint="pin pyvis to 0.3.2",
            )
    return VisNetworkAssets(VIS_NETWORK_VERSION, script, stylesheet)
