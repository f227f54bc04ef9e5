"""
An async generator iterated from blocking code: its own event loop runs it in a background thread.

The synchronous client's watch_orders is the asynchronous one, so that both keep the same promises: the loop in the
thread follows the stream and hands each item over a queue; an exception ends the iteration by being raised to the
caller; `close` (or leaving the `with` block) cancels the generator, which closes its connection, and waits for the
thread to end.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import AsyncGenerator, Callable
from types import TracebackType
from typing import Generic, Self, TypeVar


__all__ = ["ThreadedIterator"]

ItemT = TypeVar("ItemT")

_END = object()
"""Put last in the queue: the generator finished, or was cancelled by close()."""

_CLOSE_WAIT = 5.0
"""Seconds close() waits for the thread: the generator's connection closes within websockets' close_timeout."""


class ThreadedIterator(Generic[ItemT]):
    """Iterate `make()`'s async generator from blocking code; use it in a `with` block or call `close()`."""

    def __init__(self, make: Callable[[], AsyncGenerator[ItemT, None]], *, name: str) -> None:
        self._make = make
        self._items: queue.Queue[object] = queue.Queue()
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._done = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._ready.wait()

    def _run(self) -> None:
        asyncio.run(self._pump())

    async def _pump(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        self._ready.set()
        generator = self._make()
        try:
            async for item in generator:
                self._items.put(item)
        except asyncio.CancelledError:
            pass  # close(): the generator's own finally blocks ran as the cancellation passed through them
        except BaseException as error:  # noqa: BLE001 - handed to the caller, who decides
            self._items.put(_Raised(error))
        finally:
            await generator.aclose()
            self._items.put(_END)

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> ItemT:
        if self._done:
            raise StopIteration
        item = self._items.get()
        if item is _END:
            self._done = True
            raise StopIteration
        if isinstance(item, _Raised):
            self._done = True
            raise item.error
        return item  # type: ignore[return-value]  # every other item is one the generator yielded

    def close(self) -> None:
        """Stop the generator (closing what it holds open) and wait for its thread; does nothing a second time."""
        self._done = True
        if self._loop is not None and self._task is not None:
            # The loop may close between a check and the call, when the generator ends on its own at that moment:
            # then there is nothing left to cancel.
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._task.cancel)
        self._thread.join(_CLOSE_WAIT)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


class _Raised:
    """An exception of the generator, on its way to the caller's thread."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error
