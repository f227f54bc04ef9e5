"""
The unified client: the same three questions to any of the four exchanges, answered as `Order`s.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import functools
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, Generic, Self, TypedDict

import attrs
import httpx
from typing_extensions import TypeVar

from exchange_clients._calls import Call
from exchange_clients._deadline import attempt_seconds
from exchange_clients._errors import (
    AuthenticationError,
    ExchangeError,
    InvalidRequestError,
    OrderNotFoundError,
    PermissionDeniedError,
    UnexpectedResponseError,
    UnsupportedOperationError,
)
from exchange_clients._exchanges import BINDINGS, ExchangeBinding, RequestOptions
from exchange_clients._http import as_timeout
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._order import Exchange, Order
from exchange_clients._redact import Redactor, redacting
from exchange_clients._retry import RetryPolicy
from exchange_clients._successor import orders_answering, read_snapshot, watched
from exchange_clients._threaded import ThreadedIterator
from exchange_clients._tracker import OrderTracker
from exchange_clients._transport import DEFAULT_MAX_RESPONSE_BYTES
from exchange_clients._watch import (
    OpenOrders,
    Reconcile,
    StreamBinding,
    StreamNotice,
    WatchSetup,
    follow,
)
from exchange_clients._watch import stream_url as checked_stream_url


GeneratedT = TypeVar("GeneratedT", default=Any)
"""The generated client underneath (`exchange_clients.generated.gemini.AuthenticatedClient`, ...): what
`client.generated` is."""

OrderIds = list[str] | tuple[str, ...]
"""Ids for get_orders: a list or tuple of str. Not any sequence: a bare str is one, and would be read as one id per
character; the type checker refuses it, and so does get_orders at run time."""


Progress = Callable[[int, int], None]
"""A progress callback: called after each call to the exchange with (ids answered so far, ids asked for in all)."""


@attrs.frozen
class FoundOrders:
    """What `find_orders` found: every order that exists, in the order asked for, and what became of the others."""

    found: tuple[Order, ...]
    missing: tuple[str, ...]
    """Ids the exchange answered for and does not know (Kraken: not open or closed in the last 5 seconds)."""
    failed: Mapping[str, ExchangeError] = attrs.field(factory=dict)
    """Ids whose call failed for another reason, after its retries (throttled, unavailable, an unreadable answer)."""
    why_missing: str = ""
    """Why the exchange may not know an id it was asked for (the same words as get_order's OrderNotFoundError)."""

    @property
    def complete(self) -> bool:
        """Every id asked for was found."""
        return not self.missing and not self.failed


# Errors that every call of one client would meet alike: find_orders raises them rather than collect one per id.
_CLIENT_WIDE = (AuthenticationError, PermissionDeniedError)


_ONE_READ: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("one_stream_read", default=None)
"""Within one get_orders or find_orders: the one stream read its calls share (without REST)."""


@contextlib.contextmanager
def _one_stream_read() -> Iterator[None]:
    # A context variable, not an attribute: each thread and each task has its own, so two get_orders of one client
    # running at once never share a read.
    batch: dict[str, Any] = {}
    token = _ONE_READ.set(batch)
    try:
        yield
    finally:
        _ONE_READ.reset(token)
        # Left unfinished only when every call waiting on it was cancelled: its connection goes with them.
        read = batch.get("task")
        if read is not None and not read.done():
            read.cancel()


_SNAPSHOT_SECONDS = 30.0
"""How long reading a snapshot without REST may take when the client has no timeout of its own."""


class _Counter:
    """Counts the ids answered and tells `progress` after each call."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        if progress is not None and not callable(progress):
            msg = f"progress must be a callable taking (done, total), not {type(progress).__name__}"
            raise TypeError(msg)
        self._progress = progress
        self._total = total
        self._done = 0

    def advance(self, call: Call[Any, Any]) -> None:
        self._done += len(call.order_ids)
        if self._progress is not None:
            self._progress(min(self._done, self._total), self._total)


CONCURRENT_CALLS = 4
"""Calls in flight at once when the async client fans out one call per id (Gemini, Derive).

Derive allows 10 non-matching REST requests a second per IP (5x burst), Gemini 600 private requests a minute; four
at a time keeps a large batch fast without tripping either. Gemini's signer serializes one key's requests anyway.
"""


MAX_ID_LENGTH = 256
"""The longest id sent. Decision: no id of these exchanges comes near it (UUIDs are 36 characters, Gemini's ids
at most 20 digits, client order ids at most 100); a longer one is a caller's mistake, refused before it becomes a
URL httpx refuses."""

# httpx.Client arguments the generated client or the signer set themselves; passing one again would either fail
# inside httpx with "got multiple values" or, for follow_redirects, send signed requests wherever a redirect points.
_RESERVED_HTTPX_ARGS = {
    "auth": "the signer is the client's auth",
    "base_url": "pass base_url= to connect",
    "timeout": "pass timeout= to connect",
    "headers": "the signer writes the headers the exchange reads",
    "cookies": "the exchanges use no cookies",
    "verify": "certificates are always verified",
    "follow_redirects": "redirects are never followed: one would send a signed request to another address",
}


def _checked_cap(max_response_bytes: object) -> int:
    if isinstance(max_response_bytes, bool) or not isinstance(max_response_bytes, int) or max_response_bytes < 1:
        msg = f"max_response_bytes must be a positive int, not {max_response_bytes!r:.40}"
        raise TypeError(msg)
    return max_response_bytes


def _checked_httpx_args(httpx_args: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if httpx_args is None:
        return {}
    if not isinstance(httpx_args, Mapping):
        msg = f"httpx_args must be a mapping of httpx.Client arguments, not {type(httpx_args).__name__}"
        raise TypeError(msg)
    for name in httpx_args:
        if name in _RESERVED_HTTPX_ARGS:
            msg = f"httpx_args may not set {name!r}: {_RESERVED_HTTPX_ARGS[name]}"
            raise TypeError(msg)
    return httpx_args


class _Unified(Generic[GeneratedT]):
    """What the sync and async clients share: the exchange, its credentials and building calls."""

    def __init__(
        self,
        exchange: Exchange | str,
        credentials: object | None,
        *,
        environment: str,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        retry: RetryPolicy,
        nonce_store: SharedNonceStore | None,
        httpx_args: Mapping[str, Any] | None,
        max_response_bytes: int,
        stream_url: str | None = None,
    ) -> None:
        self.exchange = Exchange(exchange)
        self.retry = attrs.evolve(retry, attempt_timeout=attempt_seconds(as_timeout(timeout)))
        self._binding: ExchangeBinding = BINDINGS[self.exchange]
        if credentials is None:
            credentials = self._binding.credentials_type.from_env()
        elif not isinstance(credentials, self._binding.credentials_type):
            expected = self._binding.credentials_type.__name__
            message = f"{self.exchange.display_name} needs {expected}, not {type(credentials).__name__}"
            raise TypeError(message)
        self._credentials = credentials
        self._redactor = Redactor.for_credentials(credentials)
        self.environment = environment
        checked_httpx_args = _checked_httpx_args(httpx_args)
        self._generated = self._binding.client(
            credentials,
            environment=environment,
            base_url=base_url,
            timeout=timeout,
            nonce_store=nonce_store,
            httpx_args=checked_httpx_args,
            max_response_bytes=_checked_cap(max_response_bytes),
        )
        self._closed = False
        self._stream_url = stream_url
        if stream_url is not None and self._binding.stream is not None:
            # Refused here, as an insecure base_url is, rather than at the first watch_orders.
            checked_stream_url(self.exchange, self._binding.stream, environment, stream_url)
        self._setup = WatchSetup(
            credentials=credentials, base_url=base_url, timeout=timeout, httpx_args=checked_httpx_args
        )
        self._rest_removed = False
        self._watching: list[OrderTracker] = []
        """The trackers of this client's running watches, once subscribed: what get_order reads without REST."""

    @property
    def generated(self) -> GeneratedT:
        """The signed generated client underneath, for endpoints not here.

        Its type is the exchange's: `exchange_clients.generated.gemini.AuthenticatedClient` for Gemini, and so on.
        """
        generated: GeneratedT = self._generated
        return generated

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.exchange.value} {self.environment}>"

    def _order_calls(
        self, order_ids: Sequence[str], market: str | None, subaccount_id: int | None
    ) -> list[Call[Any, Any]]:
        operation = _operation(order_ids)
        self._check_open(operation)
        for order_id in order_ids:
            self._check_id(order_id, operation)
        options = RequestOptions(market=market, subaccount_id=subaccount_id)
        calls = self._binding.order_calls(self._credentials, order_ids, options)
        successor = self._binding.successor
        if successor is not None and not self._rest_gone():
            successor.warn()  # the REST API these calls read is going; once it is gone, they do not read it
        return calls

    def _check_open(self, operation: str) -> None:
        if self._closed:
            raise InvalidRequestError(
                "this client is closed; nothing was sent", exchange=self.exchange, operation=operation
            )

    def _check_id(self, order_id: str, operation: str) -> None:
        """An id is printable ASCII text of at most MAX_ID_LENGTH characters; anything else is refused unsent.

        Decision: no exchange here documents an id with a control character or outside ASCII; such an id would
        otherwise fail inside httpx (a lone surrogate cannot even be encoded) or be signed and sent as garbage.
        """
        if not order_id:
            problem = "an order id is empty"
        elif len(order_id) > MAX_ID_LENGTH:
            problem = f"an order id of {len(order_id)} characters is longer than any exchange's ({MAX_ID_LENGTH})"
        elif not (order_id.isascii() and order_id.isprintable()):
            shown = order_id[:40].encode("ascii", "backslashreplace").decode()
            problem = f"order id {shown!r} is not printable ASCII"
        else:
            return
        raise InvalidRequestError(f"{problem}; nothing was sent", exchange=self.exchange, operation=operation)

    def _in_requested_order(self, order_ids: Sequence[str], found: Iterable[Order]) -> list[Order]:
        """The orders in the order asked for; OrderNotFoundError naming every id the exchange did not return."""
        result, missing = self._matched(order_ids, found)
        if missing:
            raise OrderNotFoundError(
                f"no order {', '.join(missing)}: {self._not_found_hint()}",
                exchange=self.exchange,
                operation=_operation(order_ids),
                order_id=missing[0],
            )
        return result

    def _found_orders(
        self, order_ids: Sequence[str], found: Iterable[Order], failures: Mapping[str, ExchangeError]
    ) -> FoundOrders:
        """What find_orders returns: the orders found, and each other id as missing or with its call's error."""
        canonical = self._binding.canonical_id
        failed = {order_id: failures[canonical(order_id)] for order_id in order_ids if canonical(order_id) in failures}
        result, missing = self._matched([order_id for order_id in order_ids if order_id not in failed], found)
        return FoundOrders(tuple(result), tuple(missing), failed, why_missing=self._not_found_hint())

    def _matched(self, order_ids: Sequence[str], found: Iterable[Order]) -> tuple[list[Order], list[str]]:
        """The orders in the order asked for, and the ids no order answers.

        A requested id matches an order's own id; it matches a `client_order_id` only when it was looked up as
        one (Kraken's non-UUID ids), so one order's client id can never take another requested order's place.
        Two different orders answering one requested id (a reused client order id) is an
        UnexpectedResponseError naming both, never a silent pick.
        """
        canonical = self._binding.canonical_id
        by_id: dict[str, dict[str, Order]] = {}
        by_client_id: dict[str, dict[str, Order]] = {}
        for order in found:
            by_id.setdefault(canonical(order.order_id), {}).setdefault(order.order_id, order)
            if order.client_order_id is not None:
                by_client_id.setdefault(order.client_order_id, {}).setdefault(order.order_id, order)
        operation = _operation(order_ids)
        result: list[Order] = []
        missing: list[str] = []
        for order_id in order_ids:
            key = canonical(order_id)
            index = by_client_id if self._binding.is_client_order_id(key) else by_id
            matches = index.get(key, {})
            if len(matches) > 1:
                raise UnexpectedResponseError(
                    f"{len(matches)} orders answer the one id {order_id!r}: {', '.join(sorted(matches))}",
                    exchange=self.exchange,
                    operation=operation,
                )
            if matches:
                result.extend(matches.values())
            else:
                missing.append(order_id)
        return result, missing

    def _not_found_hint(self) -> str:
        successor = self._binding.successor
        return successor.not_found_hint if successor is not None and self._rest_gone() else self._binding.not_found_hint

    def _rest_gone(self) -> bool:
        """Whether the exchange's REST API is gone: its day has come, or it answered as a removed API does."""
        successor = self._binding.successor
        return successor is not None and (self._rest_removed or successor.decommissioned())

    def _watched(self) -> list[Order] | None:
        """
        Every order this client's running watches know, or None when no watch is running.

        A running watch, connected and reconciled, knows every order open when it subscribed and every change since
        (up to the last message its caller has taken), so an order it does not know is one no read could find: the
        snapshot is needed only without one.
        """
        return watched(self._watching) if self._watching else None

    async def _from_stream(self, operation: str) -> list[Order]:
        """The orders the stream shows now: a running watch's, else a short-lived subscription's snapshot."""
        known = self._watched()
        if known is not None:
            return known
        batch = _ONE_READ.get()
        if batch is None:
            return await self._snapshot(operation)
        # The calls of one get_orders share one snapshot: one token request, not one per batch of ids (Kraken's
        # Spot API counts each against the key's rate limit).
        read = batch.get("task")
        if read is None:
            read = batch["task"] = asyncio.ensure_future(self._snapshot(operation))
        orders: list[Order] = await read
        return orders

    async def _snapshot(self, operation: str) -> list[Order]:
        successor, stream = self._binding.successor, self._binding.stream
        if successor is None or stream is None:  # only an exchange with both reads its orders from a stream
            raise UnsupportedOperationError("no stream to read orders from", exchange=self.exchange)
        url = checked_stream_url(self.exchange, stream, self.environment, self._stream_url)
        seconds = self.retry.attempt_timeout or _SNAPSHOT_SECONDS
        with redacting(self._redactor):
            return await read_snapshot(
                self.exchange, successor, self._setup, url=url, seconds=seconds, operation=operation
            )

    async def _without_rest(self, call: Call[Any, Any]) -> list[Order]:
        """The call's orders read without REST: from a running watch, else from a short-lived snapshot."""
        return orders_answering(call.order_ids, await self._from_stream(call.operation), self._binding.canonical_id)

    def _lists_from_stream(self, options: RequestOptions) -> bool:
        """Whether list_open_orders reads the stream: the exchange has no open-orders call, but a stream successor."""
        if self._binding.build_open_orders_call is not None or self._binding.successor is None:
            return False
        options.check(self.exchange, self._binding.options)
        return True

    def _following(
        self,
        find: Callable[..., Awaitable[FoundOrders]],
        list_open: Callable[..., Awaitable[list[Order]]],
        *,
        subaccount_id: int | None,
        symbols: Sequence[str] | None,
        on_notice: Callable[[StreamNotice], None] | None,
        stall_after: float,
        reconcile_every: float | None,
    ) -> AsyncGenerator[Order, None]:
        """The stream of order changes, reconciling with `find` (the client's find_orders, awaitable)."""
        stream = self._binding.stream
        if stream is None:
            message = f"watch_orders is not available for {self.exchange.display_name} yet"
            raise UnsupportedOperationError(message, exchange=self.exchange, operation="watch_orders")
        if isinstance(symbols, str):
            msg = "symbols must be a list of market symbols, not one str"
            raise TypeError(msg)
        options = RequestOptions(subaccount_id=subaccount_id, symbols=tuple(symbols) if symbols is not None else None)
        options.check(self.exchange, stream.options)
        self._check_open("watch_orders")
        url = checked_stream_url(self.exchange, stream, self.environment, self._stream_url)
        if stream.for_watch is not None:
            stream = stream.for_watch(self._setup)
        tracker = OrderTracker()

        subscribed_once = False

        def heard(notice: StreamNotice) -> None:
            # Subscribed the first time (the open orders followed) or reconciled after a reconnect, the watch knows
            # every open order and hears every change: get_order may read from it. Not while it is disconnected,
            # nor between a reconnect and its reconciliation: what changed meanwhile, a snapshot would show.
            nonlocal subscribed_once
            first = notice.kind == "connected" and not subscribed_once
            if (first or notice.kind == "reconciled") and tracker not in self._watching:
                self._watching.append(tracker)
            elif notice.kind == "disconnected" and tracker in self._watching:
                self._watching.remove(tracker)
            subscribed_once = subscribed_once or first
            if on_notice is not None:
                on_notice(notice)

        return self._registered(
            tracker,
            follow(
                self.exchange,
                stream,
                url=url,
                credentials=self._credentials,
                options=options,
                reconcile=self._reconciler(stream, find, subaccount_id, tracker),
                open_orders=self._open_orders_source(stream, list_open, options),
                on_notice=heard,
                stall_after=stall_after,
                reconcile_every=reconcile_every,
                tracker=tracker,
            ),
        )

    async def _registered(
        self, tracker: OrderTracker, orders: AsyncGenerator[Order, None]
    ) -> AsyncGenerator[Order, None]:
        """`orders`, with `tracker` no longer read by get_order once the watch ends."""
        try:
            async for order in orders:
                yield order
        finally:
            await orders.aclose()
            if tracker in self._watching:
                self._watching.remove(tracker)

    def _reconciler(
        self,
        stream: StreamBinding,
        find: Callable[..., Awaitable[FoundOrders]],
        subaccount_id: int | None,
        tracker: OrderTracker,
    ) -> Reconcile:
        """Reading again the orders a stream may have missed: what its own snapshot shows, then REST while it lives."""

        def unknowable(found: list[Order], orders: list[Order]) -> tuple[list[Order], list[str]]:
            # Gone from the snapshot, not shown filled by its trades, and no REST to ask: no longer open, its end
            # unknown. Reported once, then no longer followed, so that get_order does not give its stale open state.
            ids = [order.order_id for order in orders]
            tracker.give_up(self.exchange.value, ids)
            return found, ids

        async def reconcile(orders: list[Order]) -> tuple[list[Order], list[str]]:
            found, orders = stream.settle(orders) if stream.settle is not None else ([], orders)
            if self._rest_gone():
                return unknowable(found, orders)
            # One find_orders per set of options that reads them (DigiFinex answers for one market per call).
            batches: dict[tuple[tuple[str, Any], ...], list[str]] = {}
            for order in orders:
                batches.setdefault(tuple(sorted(stream.read_with(order).items())), []).append(order.order_id)
            unconfirmed: list[str] = []
            for read_with, ids in batches.items():
                result = await find(ids, subaccount_id=subaccount_id, **dict(read_with))
                if self._rest_gone():
                    # The REST API went during this very read, which then answered from this watch: no news.
                    return unknowable(found, orders)
                found += result.found
                unconfirmed += [*result.missing, *result.failed]
            return found, unconfirmed

        return reconcile

    def _open_orders_source(
        self, stream: StreamBinding, list_open: Callable[..., Awaitable[list[Order]]], options: RequestOptions
    ) -> OpenOrders | None:
        """Where a watch reads the open orders: the stream's own snapshot, else list_open_orders, else nowhere."""
        snapshot = stream.snapshot
        if snapshot is not None:

            async def sent_by_the_stream() -> list[Order]:
                return snapshot()

            return sent_by_the_stream
        if self._binding.build_open_orders_call is None:
            return None

        async def open_orders() -> list[Order]:
            # Each set of options the exchange's open orders are read with (DigiFinex: spot, then margin), and of
            # those only the markets followed, where the stream follows some.
            found: list[Order] = []
            for extra in stream.open_orders_with:
                found += await list_open(subaccount_id=options.subaccount_id, **extra)
            wanted = {symbol.upper() for symbol in options.symbols or ()}
            return [order for order in found if not wanted or order.symbol.upper() in wanted]

        return open_orders


class Client(_Unified[GeneratedT]):
    """A synchronous client for one exchange and one set of credentials; one connection pool, closed on exit."""

    def get_order(self, order_id: str, *, market: str | None = None, subaccount_id: int | None = None) -> Order:
        """The order `order_id` (DigiFinex: in `market`, default spot; Derive: in `subaccount_id`)."""
        return self.get_orders([_one_id(order_id)], market=market, subaccount_id=subaccount_id)[0]

    def get_orders(
        self,
        order_ids: OrderIds,
        *,
        market: str | None = None,
        subaccount_id: int | None = None,
        progress: Progress | None = None,
    ) -> list[Order]:
        """The orders `order_ids`, in that order, batched to what the exchange allows per call.

        Raises OrderNotFoundError naming every id the exchange does not know (find_orders keeps what was found).
        `progress(done, total)` is called after each call to the exchange.
        """
        ids = _id_list(order_ids)
        calls = self._order_calls(ids, market, subaccount_id)
        counter = _Counter(progress, len(ids))
        found: list[Order] = []
        with _one_stream_read():
            for call in calls:
                found.extend(self._run(call))
                counter.advance(call)
        return self._in_requested_order(ids, found)

    def find_orders(
        self,
        order_ids: OrderIds,
        *,
        market: str | None = None,
        subaccount_id: int | None = None,
        progress: Progress | None = None,
    ) -> FoundOrders:
        """What get_orders reads, without giving up on the first id that is missing or whose call fails.

        Ids the exchange does not know are `missing`; ids whose call failed after its retries are in `failed` with
        the error, and the other calls still run. An AuthenticationError or PermissionDeniedError, which every call
        would meet, is raised.
        """
        ids = _id_list(order_ids)
        calls = self._order_calls(ids, market, subaccount_id)
        counter = _Counter(progress, len(ids))
        found: list[Order] = []
        failures: dict[str, ExchangeError] = {}
        with _one_stream_read():
            for call in calls:
                found.extend(_collected(functools.partial(self._run, call), call, failures))
                counter.advance(call)
        return self._found_orders(ids, found, failures)

    def list_open_orders(self, *, market: str | None = None, subaccount_id: int | None = None) -> list[Order]:
        """
        Every open order of the account.

        Gemini: its active orders. DigiFinex: one market's current orders (`market`, "spot" by default). Derive: a
        subaccount's orders resting on the book (`subaccount_id` as for get_order). Kraken Futures: from the Unified
        WebSocket (its Derivatives REST API has no such call in this client's spec): a running watch_orders' open
        orders, else a short-lived subscription's snapshot, which needs the Kraken key pair.
        """
        self._check_open("list_open_orders")
        options = RequestOptions(market=market, subaccount_id=subaccount_id)
        if self._lists_from_stream(options):
            return [order for order in self._from_stream_sync("list_open_orders") if not order.status.is_final]
        return self._run(self._binding.open_orders_call(self._credentials, options))

    def watch_orders(
        self,
        *,
        subaccount_id: int | None = None,
        symbols: Sequence[str] | None = None,
        on_notice: Callable[[StreamNotice], None] | None = None,
        stall_after: float = 30.0,
        reconcile_every: float | None = 60.0,
    ) -> ThreadedIterator[Order]:
        """
        AsyncClient.watch_orders for blocking code: the same stream and promises, iterated with a plain `for`.

        The stream runs on its own event loop in a background thread; reconciliation reads over this client's REST
        connection. Use it in a `with` block (or call `close()`), which ends the stream and its connection:

            with client.watch_orders() as updates:
                for order in updates:
                    ...
        """

        async def find(order_ids: list[str], **options: Any) -> FoundOrders:
            return await asyncio.to_thread(functools.partial(self.find_orders, order_ids, **options))

        async def list_open(**options: Any) -> list[Order]:
            return await asyncio.to_thread(functools.partial(self.list_open_orders, **options))

        stream = self._following(
            find,
            list_open,
            subaccount_id=subaccount_id,
            symbols=symbols,
            on_notice=on_notice,
            stall_after=stall_after,
            reconcile_every=reconcile_every,
        )
        return ThreadedIterator(lambda: stream, name=f"exchange-clients-{self.exchange.value}-stream")

    def _run(self, call: Call[Any, Any]) -> list[Order]:
        successor = self._binding.successor
        try:
            if self._rest_gone():
                return self._without_rest_sync(call)
            with redacting(self._redactor):
                return call.run(self._generated, self.retry)
        except ExchangeError as error:
            if successor is None or not isinstance(error, successor.removed):
                raise
            self._rest_removed = True
            return self._without_rest_sync(call)
        except RuntimeError:
            # httpx's own refusal once the pool is closed (by another thread, mid-batch): nothing more was sent.
            self._check_open(call.operation)
            raise

    def _from_stream_sync(self, operation: str) -> list[Order]:
        known = self._watched()
        if known is not None:
            return known
        batch = _ONE_READ.get()
        if batch is not None and "orders" in batch:
            orders: list[Order] = batch["orders"]
            return orders
        # The snapshot is read on an event loop of its own, in a thread of its own: the caller's thread may be
        # running one already.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
            orders = worker.submit(asyncio.run, self._snapshot(operation)).result()
        if batch is not None:
            batch["orders"] = orders
        return orders

    def _without_rest_sync(self, call: Call[Any, Any]) -> list[Order]:
        found = self._from_stream_sync(call.operation)
        return orders_answering(call.order_ids, found, self._binding.canonical_id)

    def close(self) -> None:
        """Close the connection pool; a call after this raises InvalidRequestError and sends nothing."""
        self._closed = True
        self._generated.get_httpx_client().close()

    def __enter__(self) -> Self:
        self._generated.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._closed = True
        self._generated.__exit__(kind, error, traceback)


class AsyncClient(_Unified[GeneratedT]):
    """An asyncio client for one exchange and one set of credentials; one connection pool, closed on exit."""

    async def get_order(self, order_id: str, *, market: str | None = None, subaccount_id: int | None = None) -> Order:
        """The order `order_id` (DigiFinex: in `market`, default spot; Derive: in `subaccount_id`).

        Kraken Futures from 1 March 2027 (or once its REST API answers as a removed one): from a running watch_orders
        of this client, else from the Unified WebSocket's snapshot of open orders; a closed order no watch saw
        closing raises OrderNotFoundError saying so.
        """
        return (await self.get_orders([_one_id(order_id)], market=market, subaccount_id=subaccount_id))[0]

    async def get_orders(
        self,
        order_ids: OrderIds,
        *,
        market: str | None = None,
        subaccount_id: int | None = None,
        progress: Progress | None = None,
    ) -> list[Order]:
        """The orders `order_ids`, in that order; calls run concurrently, at most CONCURRENT_CALLS at a time.

        Raises OrderNotFoundError naming every id the exchange does not know (find_orders keeps what was found).
        `progress(done, total)` is called after each call to the exchange.
        """
        ids = _id_list(order_ids)
        calls = self._order_calls(ids, market, subaccount_id)
        with _one_stream_read():
            found = await self._run_all(calls, _Counter(progress, len(ids)), self._run_async)
        return self._in_requested_order(ids, found)

    async def find_orders(
        self,
        order_ids: OrderIds,
        *,
        market: str | None = None,
        subaccount_id: int | None = None,
        progress: Progress | None = None,
    ) -> FoundOrders:
        """What get_orders reads, without giving up on the first id that is missing or whose call fails.

        The same as Client.find_orders, with the calls run concurrently.
        """
        ids = _id_list(order_ids)
        calls = self._order_calls(ids, market, subaccount_id)
        failures: dict[str, ExchangeError] = {}

        async def run_collecting(call: Call[Any, Any]) -> list[Order]:
            try:
                return await self._run_async(call)
            except _CLIENT_WIDE:
                raise
            except ExchangeError as error:
                return _failed(call, error, failures)

        with _one_stream_read():
            found = await self._run_all(calls, _Counter(progress, len(ids)), run_collecting)
        return self._found_orders(ids, found, failures)

    async def _run_all(
        self, calls: list[Call[Any, Any]], counter: _Counter, run_one: Callable[[Call[Any, Any]], Any]
    ) -> list[Order]:
        """Every call, CONCURRENT_CALLS at a time at most; their orders in the calls' order. A failure raises."""
        limit = asyncio.Semaphore(CONCURRENT_CALLS)

        async def run(call: Call[Any, Any]) -> list[Order]:
            async with limit:
                # A call queued here while the client was closed is not sent.
                self._check_open(call.operation)
                orders: list[Order] = await run_one(call)
            counter.advance(call)
            return orders

        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(run(call)) for call in calls]
        except BaseExceptionGroup as failures:
            # The caller asked for orders, not for a group: the first failure is the answer (the rest are cancelled).
            raise _first_leaf(failures) from None
        return [order for task in tasks for order in task.result()]

    async def list_open_orders(self, *, market: str | None = None, subaccount_id: int | None = None) -> list[Order]:
        """Client.list_open_orders, awaitable."""
        self._check_open("list_open_orders")
        options = RequestOptions(market=market, subaccount_id=subaccount_id)
        if self._lists_from_stream(options):
            return [order for order in await self._from_stream("list_open_orders") if not order.status.is_final]
        return await self._run_async(self._binding.open_orders_call(self._credentials, options))

    def watch_orders(
        self,
        *,
        subaccount_id: int | None = None,
        symbols: Sequence[str] | None = None,
        on_notice: Callable[[StreamNotice], None] | None = None,
        stall_after: float = 30.0,
        reconcile_every: float | None = 60.0,
    ) -> AsyncGenerator[Order, None]:
        """
        Every change of state of the account's orders, as it happens, from the exchange's live stream.

        The same exact `Order` as the REST calls give, and per order never backwards: a terminal state is final and
        `filled` never decreases, whatever the stream repeats or reorders. The connection is kept: lost, or silent
        for `stall_after` seconds (no answer to a ping), it is opened again, authenticated afresh and subscribed,
        and the orders being followed are read over REST so that a change made meanwhile is delivered. Every
        `reconcile_every` seconds (None: only after a reconnect) the open orders followed are read over REST too:
        the streams have no sequence numbers, so this is how a message the exchange never delivered is found.
        `on_notice` hears of each (see StreamNotice), including orders whose state could not be confirmed.
        Refused credentials raise AuthenticationError. Derive: `subaccount_id` as for get_order. DigiFinex: `symbols`,
        the markets to follow (its subscription names them). Kraken Futures: the Unified WebSocket, opened with a
        fresh token from the credentials' Kraken key pair; its messages are numbered, so a gap subscribes afresh at
        once and `reconcile_every` subscribes afresh for a new snapshot. While it runs, get_order reads Kraken
        Futures orders from it once the Derivatives REST API is gone (1 March 2027).
        """
        return self._following(
            self.find_orders,
            self.list_open_orders,
            subaccount_id=subaccount_id,
            symbols=symbols,
            on_notice=on_notice,
            stall_after=stall_after,
            reconcile_every=reconcile_every,
        )

    async def _run_async(self, call: Call[Any, Any]) -> list[Order]:
        successor = self._binding.successor
        try:
            if self._rest_gone():
                return await self._without_rest(call)
            with redacting(self._redactor):
                return await call.run_async(self._generated, self.retry)
        except ExchangeError as error:
            if successor is None or not isinstance(error, successor.removed):
                raise
            self._rest_removed = True
            return await self._without_rest(call)
        except RuntimeError:
            self._check_open(call.operation)
            raise

    async def aclose(self) -> None:
        """Close the connection pool; calls still queued, and any after, raise InvalidRequestError unsent."""
        self._closed = True
        await self._generated.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        await self._generated.__aenter__()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._closed = True
        await self._generated.__aexit__(kind, error, traceback)


def _collected(run: Callable[[], list[Order]], call: Call[Any, Any], failures: dict[str, ExchangeError]) -> list[Order]:
    """The call's orders; a failure that concerns only its ids is noted in `failures`, one client-wide is raised."""
    try:
        return run()
    except _CLIENT_WIDE:
        raise
    except ExchangeError as error:
        return _failed(call, error, failures)


def _failed(call: Call[Any, Any], error: ExchangeError, failures: dict[str, ExchangeError]) -> list[Order]:
    # An exchange that says "no such order" for the call (Gemini, Derive, DigiFinex when none of a batch exists)
    # leaves its ids to the matching, which calls them missing; any other failure is recorded against each id.
    if not isinstance(error, OrderNotFoundError):
        failures.update(dict.fromkeys(call.order_ids, error))
    return []


def _operation(order_ids: Sequence[str]) -> str:
    """The operation errors name: a call for one id is get_order's, whichever method made it."""
    return "get_orders" if len(order_ids) > 1 else "get_order"


def _one_id(order_id: object) -> str:
    if not isinstance(order_id, str):
        msg = f"order_id must be a str, not {type(order_id).__name__}"
        raise TypeError(msg)
    return order_id


def _id_list(order_ids: object) -> list[str]:
    # A bare str is a sequence of str, so it would be read as one id per character.
    if isinstance(order_ids, str | bytes) or not isinstance(order_ids, Iterable):
        msg = f"order_ids must be a list of str ids, not {type(order_ids).__name__} (for one id, use get_order)"
        raise TypeError(msg)
    ids = list(order_ids)
    for index, order_id in enumerate(ids):
        if not isinstance(order_id, str):
            msg = f"order_ids[{index}] must be a str, not {type(order_id).__name__}"
            raise TypeError(msg)
    return ids


def _first_leaf(group: BaseExceptionGroup[BaseException]) -> BaseException:
    first = group.exceptions[0]
    return _first_leaf(first) if isinstance(first, BaseExceptionGroup) else first


class ConnectOptions(TypedDict, total=False):
    """The keyword arguments of `connect` and `connect_async` besides the exchange and its credentials."""

    environment: str
    base_url: str | None
    timeout: float | httpx.Timeout | None
    max_retries: int
    retry_deadline: float
    nonce_store: SharedNonceStore | None
    httpx_args: Mapping[str, Any] | None
    max_response_bytes: int
    stream_url: str | None


def open_client(
    exchange: Exchange | str,
    credentials: object | None = None,
    *,
    environment: str = "production",
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int = 3,
    retry_deadline: float = 30.0,
    nonce_store: SharedNonceStore | None = None,
    httpx_args: Mapping[str, Any] | None = None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    stream_url: str | None = None,
) -> Client[Any]:
    """`connect`'s implementation (the typed `connect`, with its documentation, is written from the registry)."""
    return Client(
        exchange,
        credentials,
        environment=environment,
        base_url=base_url,
        timeout=timeout,
        retry=RetryPolicy(max_retries=max_retries, deadline=retry_deadline),
        nonce_store=nonce_store,
        httpx_args=httpx_args,
        max_response_bytes=max_response_bytes,
        stream_url=stream_url,
    )


def open_async_client(
    exchange: Exchange | str,
    credentials: object | None = None,
    *,
    environment: str = "production",
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int = 3,
    retry_deadline: float = 30.0,
    nonce_store: SharedNonceStore | None = None,
    httpx_args: Mapping[str, Any] | None = None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    stream_url: str | None = None,
) -> AsyncClient[Any]:
    """`connect_async`'s implementation (see open_client)."""
    return AsyncClient(
        exchange,
        credentials,
        environment=environment,
        base_url=base_url,
        timeout=timeout,
        retry=RetryPolicy(max_retries=max_retries, deadline=retry_deadline),
        nonce_store=nonce_store,
        httpx_args=httpx_args,
        max_response_bytes=max_response_bytes,
        stream_url=stream_url,
    )
