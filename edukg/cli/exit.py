"""Leave the process once a command has returned, without freeing its memory piece by piece.

When a command returns, its output is written and its store closed; what is left is the
memory it used. The interpreter's own exit frees that object by object: after ``edukg
analyze`` on a 5M-triple register it took 1.1 s to free the network (a networkx graph
lives in reference cycles, so only the exit's last collection frees it). The system frees
a process's memory at once, so the command line flushes its output and leaves with
``os._exit``, unless a child process or another thread is still running: then it exits
as usual, and they are waited for and stopped as ever.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable


def exit_code(exited: SystemExit) -> int:
    """The status ``sys.exit`` gives for ``exited`` (a message counts as 1, as Python prints it).

    >>> exit_code(SystemExit()), exit_code(SystemExit(2)), exit_code(SystemExit(0))
    (0, 2, 0)
    """
    if exited.code is None or isinstance(exited.code, int):
        return exited.code or 0
    print(exited.code, file=sys.stderr)
    return 1


def run_and_leave(main: Callable[[], None]) -> None:
    """Run ``main`` (which ends with ``sys.exit``), then leave the process with its code."""
    try:
        main()
        code = 0
    except SystemExit as exited:
        code = exit_code(exited)
    # multiprocessing and logging only where a command imported them: no work at start-up
    multiprocessing = sys.modules.get("multiprocessing")
    if (multiprocessing is not None and multiprocessing.active_children()) or any(
        thread.is_alive() and not thread.daemon and thread is not threading.main_thread()
        for thread in threading.enumerate()
    ):
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a closed pipe or stream: nothing to flush to
            pass
    logging = sys.modules.get("logging")
    if logging is not None:
        logging.shutdown()
    os._exit(code)
