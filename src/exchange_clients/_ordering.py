"""
Keeping one key's requests in nonce order from signing until the answer.

For exchanges that refuse a nonce below the last one they saw (Gemini; Kraken Futures, whose tolerance for
out-of-order nonces is undocumented). A nonce clock makes nonces increase in the order they are issued;
requests sent at the same time can still overtake each other on the way. So a signer that needs order holds
its key's lock from signing until the response arrives: one request of a key in flight per process, across
threads, asyncio tasks and event loops, and, with a SharedNonceStore, across processes too. Coroutines wait
for the lock in a worker thread, never blocking their loop. The exchanges' rate limits (Gemini 10 private
requests a second, Kraken 50 status reads) make the serialization cheap.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
import weakref
from contextlib import AbstractContextManager
from typing import Any, Protocol

import attrs
import httpx

from exchange_clients._deadline import remaining
from exchange_clients._nonce import NonceSource, shared_clock
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._signing import AsyncFlow, Flow, SigningAuth


class KeyOrdering:
    """The locks that keep one key's requests in nonce order.

    `thread_lock` is the key's one lock in the process; each event loop also has an asyncio lock its tasks
    queue on first, so a crowd of tasks waits in its loop, not in the thread lock's polling.
    """

    def __init__(self) -> None:
        self.thread_lock = threading.Lock()
        self._loop_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._guard = threading.Lock()

    def reset_after_fork(self) -> None:
        """Fresh locks in a forked child: a parent thread that held one mid-request does not exist there."""
        self.thread_lock = threading.Lock()
        self._loop_locks = weakref.WeakKeyDictionary()
        self._guard = threading.Lock()

    def loop_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        with self._guard:
            lock = self._loop_locks.get(loop)
            if lock is None:
                lock = self._loop_locks[loop] = asyncio.Lock()
            return lock


_orderings: dict[tuple[str, str], KeyOrdering] = {}
_orderings_guard = threading.Lock()


def ordering_for(exchange: str, key_id: str) -> KeyOrdering:
    """The process-wide ordering of one exchange key."""
    with _orderings_guard:
        return _orderings.setdefault((exchange, key_id), KeyOrdering())


def _reset_after_fork() -> None:
    # os.fork copies every lock as it was, held ones included, but not the threads that held them: a child forked
    # while a thread was mid-request would wait on that key for ever.
    global _orderings_guard  # noqa: PLW0603 - the module's own guard, replaced once in a new process
    _orderings_guard = threading.Lock()
    for ordering in _orderings.values():
        ordering.reset_after_fork()


os.register_at_fork(after_in_child=_reset_after_fork)


# How long a coroutine waits between two tries of a lock another thread or process holds: short against a request's
# tens of milliseconds, long enough that the wait costs nothing measurable.
_FIRST_POLL = 0.001
_LONGEST_POLL = 0.02


async def _acquire_without_blocking(lock: threading.Lock) -> None:
    """Take a threading lock from a coroutine without blocking its loop.

    The coroutine tries the lock itself, again and again, sleeping between tries: no worker thread ever waits on
    it for the coroutine. So no way of abandoning the wait (a cancellation, a timeout, the loop closed under it)
    can leave the lock taken by a waiter nobody will release for, or release a lock the waiter never took.
    """
    pause = _FIRST_POLL
    while not lock.acquire(blocking=False):
        await asyncio.sleep(pause)
        pause = min(pause * 2, _LONGEST_POLL)


async def _enter_without_blocking(held: AbstractContextManager[object]) -> None:
    """Take the cross-process file lock from a coroutine the same way: a try that never blocks, then a pause."""
    pause = _FIRST_POLL
    while not _try_enter(held):
        await asyncio.sleep(pause)
        pause = min(pause * 2, _LONGEST_POLL)


def _try_enter(held: AbstractContextManager[object]) -> bool:
    # The store's lock is a filelock.FileLock, whose acquire(timeout=0) takes it or raises its Timeout at once.
    acquire: Any = getattr(held, "acquire", None)
    if acquire is None:
        msg = f"{type(held).__name__} has no acquire(timeout=0): a coroutine could only wait for it by blocking"
        raise TypeError(msg)
    try:
        acquire(timeout=0)
    except TimeoutError:  # filelock.Timeout is a TimeoutError
        return False
    return True


class OrderedSigningAuth(SigningAuth):
    """
    A signer whose key's requests stay in nonce order.

    Its lock (and the cross-process lock, if any) is held from signing until the response arrives. Subclasses
    set `_ordered` and write `sign`; one that can recover from a nonce refusal also sets `resend_on_status` and
    writes `should_resend`, and the request is signed anew with a fresh nonce and sent once more.
    """

    _ordered: OrderedNonces

    def sync_auth_flow(self, request: httpx.Request) -> Flow:
        """Sign and send under the key's locks; resend once with a fresh nonce if `should_resend`."""
        body = request.read()
        # A blocking call made from a coroutine: the loop may hold this key's lock for a request it can no longer
        # finish while this thread blocks it, so waiting could deadlock. Go unlocked; the resend on a refused nonce
        # covers the rare overtaking.
        locks = _UNLOCKED if _in_event_loop() else self._ordered.locks
        # Waiting for the key counts towards the attempt's bound: a call stuck on a stalled server delays the key's
        # other calls by at most that bound, then they end as timeouts instead of waiting for ever.
        left = remaining()
        if not locks.acquire(timeout=-1 if left is None else left):
            msg = "the attempt's time ran out waiting for another request of this key"
            raise httpx.PoolTimeout(msg, request=request)
        try:
            yield from self.signed_exchange(request, body)
        finally:
            locks.release()

    async def async_auth_flow(self, request: httpx.Request) -> AsyncFlow:
        """The same, waiting for the locks without blocking the event loop."""
        body = await request.aread()
        ordering = self._ordered.ordering
        async with ordering.loop_lock():
            await _acquire_without_blocking(ordering.thread_lock)
            try:
                held = self._ordered.interprocess
                if held is not _UNLOCKED:
                    await _enter_without_blocking(held)
                try:
                    self.sign(request, body)
                    signed_at = time.monotonic()
                    response = yield request
                    if await self.refused_nonce(response, signed_at):
                        self.sign(request, body)
                        yield request
                finally:
                    held.__exit__(None, None, None)
            finally:
                ordering.thread_lock.release()


def _in_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class Lock(Protocol):
    """What a blocking call holds while its request is signed and answered."""

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:  # noqa: FBT001, FBT002 - threading's
        """Wait for the lock, at most `timeout` seconds (-1: for ever), and take it; False if the time ran out."""
        ...

    def release(self) -> None:
        """Hand it back."""
        ...


class _Unlocked(AbstractContextManager[object]):
    """What is held where nothing is: a blocking call from inside an event loop, or no nonce store's file lock."""

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:  # noqa: ARG002, FBT001, FBT002
        return True

    def release(self) -> None:
        pass

    def __exit__(self, *exc_info: object) -> None:
        pass


_UNLOCKED = _Unlocked()


class _ThreadLockOf:
    """The key's thread lock as the ordering holds it now: looked up on each use, so a fork's fresh lock counts."""

    def __init__(self, ordering: KeyOrdering) -> None:
        self._ordering = ordering

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:  # noqa: FBT001, FBT002 - threading's
        return self._ordering.thread_lock.acquire(blocking, timeout)

    def release(self) -> None:
        self._ordering.thread_lock.release()


class _ThreadThenFileLock:
    """The key's thread lock, then its cross-process file lock, held as one; released in the reverse order."""

    def __init__(self, ordering: KeyOrdering, file_lock: AbstractContextManager[object]) -> None:
        self._thread_lock = _ThreadLockOf(ordering)
        self._file_lock = file_lock

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:  # noqa: FBT001, FBT002 - threading's
        # The process-wide wait is bounded; the file lock is held only by another process's request in flight,
        # itself bounded by that process's own attempt timeout.
        if not self._thread_lock.acquire(blocking, timeout):
            return False
        try:
            self._file_lock.__enter__()
        except BaseException:
            self._thread_lock.release()
            raise
        return True

    def release(self) -> None:
        try:
            self._file_lock.__exit__(None, None, None)
        finally:
            self._thread_lock.release()


@attrs.frozen
class OrderedNonces:
    """A key's nonce source and the locks that keep its requests in that order, as a signer holds them."""

    nonce: NonceSource
    ordering: KeyOrdering
    interprocess: AbstractContextManager[object]
    """The store's cross-process lock for the key, or an unlocked stand-in without a store."""
    locks: Lock
    """What a blocking call holds: the key's thread lock, then `interprocess` with a store.

    One lock rather than the two in turn: the stand-in's enter and exit, and the second exit handler, were a twelfth
    of Kraken's signing flow.
    """

    @classmethod
    def for_key(
        cls, exchange: str, key_id: str, *, nonce: NonceSource | None, nonce_store: SharedNonceStore | None
    ) -> OrderedNonces:
        """`nonce` if given, else the store's source for the key, else the process-wide clock (milliseconds)."""
        if nonce is None:
            nonce = (
                nonce_store.source(exchange, key_id, "ms")
                if nonce_store is not None
                else shared_clock(exchange, key_id, "ms", strictly_increasing=True)
            )
        ordering = ordering_for(exchange, key_id)
        if nonce_store is None:
            return cls(nonce, ordering, _UNLOCKED, _ThreadLockOf(ordering))
        interprocess = nonce_store.lock(exchange, key_id)
        return cls(nonce, ordering, interprocess, _ThreadThenFileLock(ordering, interprocess))
