"""Store work for the server: every job runs in a forked child, stopped at the time limit.

pyoxigraph cannot interrupt a running query, so each job (a query, a page, a
network) runs in a child process forked from the server: the child shares the
open store's pages copy-on-write, answers through a pipe and is killed when
the time limit passes. The event loop never runs store work; it waits in a
worker thread, and at most ``workers`` jobs run at once, so one heavy query
cannot starve the others. Writes (SPARQL Update) run in the server itself,
never while a child is being forked.

>>> work = StoreWork(None, time_limit=5, workers=1)
>>> work.call(pow, 2, 10)
1024
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from edukg.core.errors import ConfigError, EdukgError, QueryError, StoreError  # noqa: F401

T = TypeVar("T")



class Overloaded(QueryError):
    """Every worker stayed busy for the whole time limit: the client should try again later."""


class TimeLimitExceeded(QueryError):
    """A job ran past the time limit and was stopped."""


class RowCapExceeded(QueryError):
    """A query returned more rows than the server hands out at once."""


class WorkerFailed(EdukgError):
    """A worker ended without an answer: a bug, reported on the server's standard error."""


def error_class(name: str) -> type[EdukgError]:
    """The :class:`EdukgError` subclass called ``name`` (a child sends errors by name).

    >>> error_class("StoreError") is StoreError, error_class("NoSuchError") is QueryError
    (True, True)
    """
    pending: list[type[EdukgError]] = [EdukgError]
    while pending:
        kind = pending.pop()
        if kind.__name__ == name:
            return kind
        pending.extend(kind.__subclasses__())
    return QueryError


class StoreWork:
    """Runs store jobs in forked children, ``workers`` at a time, each within ``time_limit`` s."""

    def __init__(self, kg: Any, *, time_limit: float, workers: int) -> None:
        if time_limit <= 0:
            raise ConfigError(
                f"the time limit must be positive, not {time_limit}", hint="e.g. --time-limit 30"
            )
        if workers < 1:
            raise ConfigError(f"workers must be 1 or more, not {workers}", hint="e.g. --workers 4")
        self.kg = kg
        self.time_limit = time_limit
        self.workers = workers
        self._fork_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(workers)
        self._limiter: anyio.CapacityLimiter | None = None

    async def run(
        self, job: Callable[..., T], *args: Any, time_limit: float | None = None, **options: Any
    ) -> T:
        """Run ``job(kg, *args, **options)`` in a child from a worker thread.

        The event loop stays free meanwhile.
        """
        if self._limiter is None:
            # more threads than slots: waiting threads time out on the semaphore themselves
            self._limiter = anyio.CapacityLimiter(self.workers * 4)
        call = partial(self.call, partial(job, **options), self.kg, *args, time_limit=time_limit)
        return await anyio.to_thread.run_sync(call, limiter=self._limiter)

    def call(self, job: Callable[..., T], *args: Any, time_limit: float | None = None) -> T:
        """Run ``job(*args)`` in a forked child and return its answer, or raise its error.

        Raises :class:`TimeLimitExceeded` when the job runs past the time limit and
        :class:`Overloaded` when no worker frees up within it.
        """
        limit = self.time_limit if time_limit is None else time_limit
        if not self._slots.acquire(timeout=limit):
            raise Overloaded(
                f"the server is busy: all {self.workers} workers stayed busy for {limit:g} s",
                hint="try again in a moment",
            )
        try:
            return self._in_child(job, args, limit)
        finally:
            self._slots.release()

    @property
    def writable(self) -> bool:
        """Whether the store was opened for writing (the server takes updates)."""
        return self.kg is not None and not self.kg.read_only

    async def write_async(self, job: Callable[..., T], *args: Any) -> T:
        """:meth:`write` from a worker thread."""
        return await anyio.to_thread.run_sync(partial(self.write, job, *args))

    def write(self, job: Callable[..., T], *args: Any) -> T:
        """Run a write in this process, while no child is being forked."""
        with self._fork_lock:
            return job(self.kg, *args)

    def _in_child(self, job: Callable[..., T], args: tuple[Any, ...], limit: float) -> T:
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_child_main, args=(job, args, sender), daemon=True)
        with self._fork_lock:
            child.start()
        sender.close()
        try:
            if not receiver.poll(limit):
                raise TimeLimitExceeded(
                    f"the query ran past the time limit of {limit:g} s and was stopped",
                    hint="add filters or a LIMIT, or ask the server's operator for a longer "
                    "--time-limit",
                )
            try:
                status, payload = receiver.recv()
            except EOFError:
                child.join()
                raise WorkerFailed(
                    f"the worker ended without an answer (exit code {child.exitcode})",
                    hint="the server's log shows why",
                ) from None
        finally:
            if child.is_alive():
                child.kill()
            child.join()
            receiver.close()
        if status == "ok":
            return payload  # type: ignore[no-any-return]
        kind, message, hint = payload
        raise error_class(kind)(message, hint=hint)


def _child_main(job: Callable[..., Any], args: tuple[Any, ...], connection: Any) -> None:
    """The child's side: run the job, send ``("ok", answer)`` or ``("error", (kind, text, hint))``."""
    try:
        answer = job(*args)
    except EdukgError as error:
        connection.send(("error", (type(error).__name__, error.message, error.hint)))
    except MemoryError:
        connection.send(("error", ("QueryError", "the query needed more memory than there is", None)))
    else:
        connection.send(("ok", answer))
    connection.close()
