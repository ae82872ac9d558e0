"""Store work for the server: every job runs in a forked child, stopped at the time limit.

pyoxigraph cannot interrupt a running query, so jobs (a query, a page, a
network) run in child processes forked from the server: a child shares the
open store's pages copy-on-write, answers through a pipe and is killed when
the time limit passes. The event loop never runs store work; it waits in a
worker thread, and at most ``workers`` jobs run at once, so one heavy query
cannot starve the others.

A read-only server's children are forked when the server starts, and each
runs job after job (a killed one is replaced). When another process (``edukg
load``) has changed the store, the next job opens it again and new children
are forked from it, so the server follows the store without a restart (see
:class:`edukg.graph.store_watch.StoreWatch`); while that write is under way
the server answers from the store as it was, and a query that meets a file
the write removed gets :class:`StoreBeingWritten` (try again). A store that
takes updates is never forked: a fork taken while the store's own
threads finish a write can hang in the child. Its jobs run in threads of the
server instead; past the time limit the client gets its error and the slot
stays taken until the job ends, so runaway jobs cannot pile up beyond
``workers``.

>>> work = StoreWork(None, time_limit=5, workers=1)
>>> work.call(lambda kg, number: number * 2, 21)
42
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from edukg.core.errors import ConfigError, EdukgError, QueryError
from edukg.graph.store_watch import StoreWatch

T = TypeVar("T")

_FORK = multiprocessing.get_context("fork")


class Overloaded(QueryError):
    """Every worker stayed busy for the whole time limit: the client should try again later."""


class TimeLimitExceeded(QueryError):
    """A job ran past the time limit and was stopped."""


class RowCapExceeded(QueryError):
    """A query returned more rows than the server hands out at once."""


class StoreBeingWritten(QueryError):
    """Another process removed store files a read-only server's query needed: retry soon."""


class WorkerFailed(EdukgError):
    """A worker ended without an answer: a bug, reported on the server's standard error."""


def error_class(name: str) -> type[EdukgError]:
    """The :class:`EdukgError` subclass called ``name`` (a child sends errors by name).

    >>> error_class("TimeLimitExceeded") is TimeLimitExceeded, error_class("Nope") is QueryError
    (True, True)
    """
    pending: list[type[EdukgError]] = [EdukgError]
    while pending:
        kind = pending.pop()
        if kind.__name__ == name:
            return kind
        pending.extend(kind.__subclasses__())
    return QueryError


def _answer(job: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any]:
    """``("ok", answer)`` or ``("error", (kind, message, hint))`` for one job."""
    try:
        return "ok", job(*args)
    except EdukgError as error:
        return "error", (type(error).__name__, error.message, error.hint)
    except MemoryError:
        return "error", ("QueryError", "the query needed more memory than there is", None)
    except OSError as error:
        if not str(error).startswith("IO error"):  # RocksDB's: a store file is gone
            raise
        return "error", (
            "StoreBeingWritten",
            "the store was changed by another process while this query read it",
            "try again in a moment",
        )


def _one_job(job: Callable[..., Any], args: tuple[Any, ...], connection: Any) -> None:
    """A child for one job: answer it and end (``args`` start with the store)."""
    connection.send(_answer(job, args))
    connection.close()


def _job_after_job(kg: Any, connection: Any) -> None:
    """A long-lived child: run each job that comes through the pipe on ``kg``.

    It ends when the pipe closes or the server is gone (other children hold copies of
    the server's pipe ends, so a closed pipe alone does not tell).
    """
    server = os.getppid()
    while True:
        if not connection.poll(1.0):
            if os.getppid() != server:
                return
            continue
        try:
            job, args = connection.recv()
        except EOFError:
            return
        connection.send(_answer(job, (kg, *args)))


def _time_limit_error(limit: float) -> TimeLimitExceeded:
    return TimeLimitExceeded(
        f"the query ran past the time limit of {limit:g} s and was stopped",
        hint="add filters or a LIMIT, or ask the server's operator for a longer --time-limit",
    )


def _result(status: str, payload: Any) -> Any:
    if status == "ok":
        return payload
    kind, message, hint = payload
    raise error_class(kind)(message, hint=hint)


class _Worker:
    """A long-lived child and the server's end of its pipe; ``kg`` the store it was forked with."""

    def __init__(self, kg: Any) -> None:
        self.kg = kg
        self.connection, child_end = _FORK.Pipe(duplex=True)
        self.process = _FORK.Process(target=_job_after_job, args=(kg, child_end), daemon=True)
        self.process.start()
        child_end.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


class StoreWork:
    """Runs store jobs in forked children, ``workers`` at a time, each within ``time_limit`` s."""

    def __init__(
        self,
        kg: Any,
        *,
        time_limit: float,
        workers: int,
        reopen: Callable[[], Any] | None = None,
    ) -> None:
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
        self._idle: queue.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._limiter: anyio.CapacityLimiter | None = None
        self._first = kg  # closed by whoever opened it; a store opened again here, at stop()
        self._reopen = reopen
        self._watch = StoreWatch(kg.path) if reopen is not None and kg is not None else None

    @property
    def writable(self) -> bool:
        """Whether the store was opened for writing (the server takes updates)."""
        return self.kg is not None and not self.kg.read_only

    def start(self) -> None:
        """Fork the long-lived children of a read-only store (a writable one is never forked)."""
        if self.writable or self._idle is not None:
            return
        self._idle = self._new_pool()

    def _new_pool(self) -> queue.Queue[_Worker]:
        pool: queue.Queue[_Worker] = queue.Queue()
        for _ in range(self.workers):
            pool.put(self._fresh_worker())
        return pool

    def stop(self) -> None:
        """End the long-lived children, busy ones included, and close the stores opened again."""
        self._idle = None
        for worker in list(self._all):
            self._retire(worker)
        if self.kg is not self._first:
            self.kg.close()

    def follow_store(self) -> bool:
        """Open a read-only store again if another process has finished changing it, and
        fork new children from it; True when it did. Busy children finish their job first.
        """
        if self._watch is None or self._reopen is None or not self._watch.changed():
            return False
        with self._fork_lock:
            if not self._watch.changed():
                return False  # another thread has just opened it again
            state = self._watch.current()
            try:
                fresh = self._reopen()
            except (EdukgError, OSError, RuntimeError):
                # a writer is still at it (RocksDB: "Corruption" while it removes files the
                # manifest names): the next job tries again
                return False
            self._watch.seen(state)
            stale, self.kg = self.kg, fresh
            idle, self._idle = self._idle, None
        if idle is not None:
            self._idle = self._new_pool()
            while not idle.empty():
                self._retire(idle.get_nowait())
        if stale is not self._first:
            stale.close()  # its children have their own copies
        return True

    async def run(
        self, job: Callable[..., T], *args: Any, time_limit: float | None = None, **options: Any
    ) -> T:
        """Run ``job(kg, *args, **options)`` in a child, waiting in a worker thread.

        The event loop stays free meanwhile.
        """
        if self._limiter is None:
            # more threads than workers: waiting threads time out on the slots themselves
            self._limiter = anyio.CapacityLimiter(self.workers * 4)
        call = partial(self.call, partial(job, **options), *args, time_limit=time_limit)
        return await anyio.to_thread.run_sync(call, limiter=self._limiter)

    def call(self, job: Callable[..., T], *args: Any, time_limit: float | None = None) -> T:
        """Run ``job(kg, *args)`` in a child and return its answer, or raise its error.

        Raises :class:`TimeLimitExceeded` when the job runs past the time limit and
        :class:`Overloaded` when no worker frees up within it.
        """
        limit = self.time_limit if time_limit is None else time_limit
        if not self._slots.acquire(timeout=limit):
            raise Overloaded(
                f"the server is busy: all {self.workers} workers stayed busy for {limit:g} s",
                hint="try again in a moment",
            )
        if self.writable:
            return self._in_thread(job, (self.kg, *args), limit)  # its thread frees the slot
        try:
            self.follow_store()
            try:
                return self._in_child(job, args, limit)
            except StoreBeingWritten:
                if not self.follow_store():
                    raise  # the write is still under way
                return self._in_child(job, args, limit)
        finally:
            self._slots.release()

    def _in_child(self, job: Callable[..., Any], args: tuple[Any, ...], limit: float) -> Any:
        while True:
            idle = self._idle
            if idle is None:  # not started, or follow_store is forking a new pool
                return self._in_new_child(job, (self.kg, *args), limit)
            try:
                worker = idle.get_nowait()  # a slot was free, so a worker is
            except queue.Empty:
                if idle is self._idle:
                    raise WorkerFailed("no worker was free although a slot was") from None
                continue  # follow_store took this pool's workers away: take the new pool's
            return self._in_worker(idle, worker, job, args, limit)

    async def write_async(self, job: Callable[..., T], *args: Any) -> T:
        """:meth:`write` from a worker thread."""
        return await anyio.to_thread.run_sync(partial(self.write, job, *args))

    def write(self, job: Callable[..., T], *args: Any) -> T:
        """Run a write in this process, while no child is being forked."""
        with self._fork_lock:
            return job(self.kg, *args)

    def _in_worker(self, idle: queue.Queue[_Worker], worker: _Worker, job: Callable[..., Any],
                   args: tuple[Any, ...], limit: float) -> Any:
        answered = False
        try:
            worker.connection.send((job, args))
            if not worker.connection.poll(limit):
                raise _time_limit_error(limit)
            status, payload = worker.connection.recv()
            answered = True
        except (EOFError, OSError):
            worker.process.join(1)
            raise WorkerFailed(
                f"the worker ended without an answer (exit code {worker.process.exitcode})",
                hint="the server's log shows why",
            ) from None
        finally:
            # a worker that did not answer (cut, crashed, or sent a job it could not take)
            # is replaced, so the pool never shrinks; one forked from a store opened
            # before the last follow_store retires (the new pool is full)
            current = worker.kg is self.kg and self._idle is idle
            if answered and current:
                idle.put(worker)
            else:
                self._retire(worker)
                if current:
                    idle.put(self._fresh_worker())
        return _result(status, payload)

    def _fresh_worker(self) -> _Worker:
        with self._fork_lock:
            worker = _Worker(self.kg)
        self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        self._all.discard(worker)

    def _in_thread(self, job: Callable[..., Any], args: tuple[Any, ...], limit: float) -> Any:
        answers: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=1)

        def run() -> None:
            try:
                answers.put(_answer(job, args))
            except Exception as error:  # a bug: the client gets a 500, the log the cause
                answers.put(("error", ("WorkerFailed", f"the job failed: {error!r}", None)))
                raise
            finally:
                self._slots.release()

        threading.Thread(target=run, daemon=True).start()
        try:
            status, payload = answers.get(timeout=limit)
        except queue.Empty:
            raise _time_limit_error(limit) from None
        return _result(status, payload)

    def _in_new_child(self, job: Callable[..., Any], args: tuple[Any, ...], limit: float) -> Any:
        receiver, sender = _FORK.Pipe(duplex=False)
        child = _FORK.Process(target=_one_job, args=(job, args, sender), daemon=True)
        with self._fork_lock:
            child.start()
        sender.close()
        try:
            if not receiver.poll(limit):
                raise _time_limit_error(limit)
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
                child.kill()  # past the limit, or about to end anyway
            receiver.close()
        # the child ends by itself; multiprocessing reaps it when the next one starts
        return _result(status, payload)
