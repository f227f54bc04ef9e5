"""
Following an account's orders on the exchange's live stream, through lost connections.

Connect, authenticate, subscribe, read; when the connection is lost, do it all again and reconcile over REST what
happened meanwhile.

Each exchange says how in a `StreamBinding` (its URLs, its handshake, how a frame becomes Orders); this module is
the loop they share. What the caller gets is the same exact `Order` the REST calls give, passed through an
OrderTracker so that no order's state ever goes backwards, and `StreamNotice`s for what a caller may need to act on:
a lost connection, a reconciliation, an order whose state could not be confirmed.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
import re
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs
import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus, WebSocketException

from exchange_clients._errors import AuthenticationError, ExchangeError, InvalidRequestError, UnexpectedResponseError
from exchange_clients._order import Exchange, Order
from exchange_clients._redact import Redactor
from exchange_clients._retry import TRANSIENT
from exchange_clients._tracker import OrderTracker
from exchange_clients._transport import is_loopback


if TYPE_CHECKING:
    from exchange_clients._binding import RequestOptions


__all__ = ["RedactedFrames", "StreamBinding", "StreamGapError", "StreamNotice", "WatchSetup", "follow", "stream_url"]

logger = logging.getLogger("exchange_clients")

NoticeKind = Literal["connected", "disconnected", "reconciled", "unconfirmed"]

_REFUSED_UPGRADE = frozenset({401, 403})
# websockets writes a sent data frame as `> TEXT '<payload>' [N bytes]`.
_SENT_FRAME = re.compile(r"^(> (?:TEXT|BINARY)) .*?(\[\d+ bytes\])$", re.DOTALL)
# Reconnecting: the first retry after half a second, doubling up to 30 s, each wait jittered by up to a quarter so that
# many clients cut off together do not come back together. There is no limit on attempts: a stream is followed
# until the caller stops.
_FIRST_WAIT = 0.5
_LONGEST_WAIT = 30.0


@attrs.frozen
class StreamNotice:
    """
    Something about the stream a caller may need to act on.

    `connected`: subscribed (again); the first time, once the open orders are read and followed. `disconnected`: the
    connection was lost (or a numbered stream skipped a number); reconnecting. `reconciled`: after a reconnect, and
    every `reconcile_every` seconds, the open orders and the orders being followed were read again (over REST, or
    from Kraken's fresh snapshot) and any change made meanwhile is delivered next.
    `unconfirmed`: these orders (`order_ids`) could not be read again, so whether they changed while unheard is
    unknown: they are not guessed (without REST, Kraken's are then no longer followed). With no `order_ids`: the open
    orders themselves could not be read.
    """

    kind: NoticeKind
    exchange: Exchange
    detail: str
    order_ids: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class WatchSetup:
    """What a watch of one client knows beyond its credentials: where its REST calls go, and how they are made."""

    credentials: Any
    base_url: str | None
    timeout: float | httpx.Timeout | None
    httpx_args: Mapping[str, Any] = attrs.field(factory=dict)
    """The client's own httpx options (a proxy, a transport), for the REST calls a stream's login makes."""


class StreamGapError(Exception):
    """A numbered stream skipped a number: a message was lost, so the stream is subscribed afresh and reconciled."""


Settle = Callable[[list["Order"]], tuple[list["Order"], list["Order"]]]
"""What the stream itself shows of followed orders absent from its snapshot: (their orders as now known, the orders
it cannot tell about, to read over REST or report unconfirmed)."""


@attrs.frozen(kw_only=True)
class StreamBinding:
    """How to follow one exchange's order stream."""

    urls: Mapping[str, str]
    """The stream's URL per environment (the same names as the exchange's REST ENVIRONMENTS)."""
    handshake: Callable[[ClientConnection, Any, RequestOptions], Awaitable[None]]
    """Authenticate and subscribe on a fresh connection; raise AuthenticationError if refused."""
    read: Callable[[str | bytes], list[Order]]
    """The orders one frame announces (none for an acknowledgement or a heartbeat)."""
    headers: Callable[[Any], Mapping[str, str]] = lambda _credentials: {}
    """Headers of the upgrade request (Gemini authenticates there)."""
    options: frozenset[str] = frozenset()
    """The watch options the exchange takes (`subaccount_id`, `symbols`)."""
    read_with: Callable[[Order], Mapping[str, Any]] = lambda _order: {}
    """The get_orders options that read an order over REST (DigiFinex: its market) for the reconciliation."""
    open_orders_with: tuple[Mapping[str, Any], ...] = ({},)
    """The list_open_orders options that together read every open order (DigiFinex: each market)."""
    ping: Callable[[], str] | None = None
    """A request the exchange answers at once (a fresh frame each time): how a silent connection is tested."""
    for_watch: Callable[[WatchSetup], StreamBinding] | None = None
    """A binding of its own for each watch, where reading needs state or the handshake a REST call (Kraken: the
    reports read so far, the connection's fresh token): called once per watch_orders, it replaces this one."""
    snapshot: Callable[[], list[Order]] | None = None
    """The open orders the exchange sent with the last subscription (Kraken's `executions` snapshot), used in place of
    list_open_orders; None where the stream sends none."""
    settle: Settle | None = None
    """For a stream with a snapshot: what it shows of the orders followed that are no longer in it."""
    numbered: bool = False
    """The messages carry sequence numbers (Kraken): a lost message is a StreamGapError, and the periodic
    reconciliation subscribes afresh (a new snapshot) rather than reading over REST."""


class RedactedFrames(logging.LoggerAdapter[logging.Logger]):
    """
    The stream connection's logger: websockets' own lines (the handshake and the frames, at DEBUG), redacted.

    Frames the client sends carry its login (a key, a timestamp, a signature), and websockets logs a frame cut to its
    last characters, which a pattern cannot recognize as part of a signature: a sent frame is logged by its size only.
    Everything else is the exchange's data or the upgrade's headers, written after the client's Redactor has removed
    its credentials and anything shaped like a signature.
    """

    def __init__(self, redactor: Redactor) -> None:
        super().__init__(logging.getLogger("exchange_clients.stream"), {})
        self._redactor = redactor

    def log(self, level: int, msg: object, *args: object, **kwargs: Any) -> None:
        """Write the line with its arguments filled in, then redacted."""
        if self.isEnabledFor(level):
            text = str(msg) % args if args else str(msg)
            self.logger.log(level, "%s", self._redactor(_SENT_FRAME.sub(r"\1 \2", text)), **kwargs)


def stream_url(exchange: Exchange, binding: StreamBinding, environment: str, override: str | None) -> str:
    """The stream's URL: `override` when given (wss anywhere, plain ws only to loopback), else the environment's."""
    if override is None:
        if environment not in binding.urls:
            message = f"{exchange.display_name} has no stream for environment {environment!r}"
            raise InvalidRequestError(message, exchange=exchange, operation="watch_orders")
        return binding.urls[environment]
    url = httpx.URL(override)
    if url.scheme == "wss" or (url.scheme == "ws" and is_loopback(url.host)):
        return override
    message = f"refusing stream URL {override!r}: credentials go over wss, or plain ws to a loopback host"
    raise InvalidRequestError(message, exchange=exchange, operation="watch_orders")


Reconcile = Callable[[list[Order]], Awaitable[tuple[list[Order], list[str]]]]
"""Read these orders again over REST: the orders found, and the ids that could not be confirmed."""
OpenOrders = Callable[[], Awaitable[list[Order]]]
"""Every open order of the account over REST (where the exchange's client has the call)."""


async def follow(
    exchange: Exchange,
    binding: StreamBinding,
    *,
    url: str,
    credentials: Any,
    options: RequestOptions,
    reconcile: Reconcile,
    open_orders: OpenOrders | None,
    on_notice: Callable[[StreamNotice], None] | None,
    stall_after: float,
    reconcile_every: float | None,
    tracker: OrderTracker | None = None,
) -> AsyncGenerator[Order, None]:
    """Every change of state of the account's orders, for as long as the caller iterates; `tracker` holds them."""
    check = _Reconciliation(exchange, reconcile, open_orders)
    tracker = tracker if tracker is not None else OrderTracker()
    frames = RedactedFrames(Redactor.for_credentials(credentials))
    notify = on_notice or (lambda _notice: None)
    failures = 0
    sessions = 0
    while True:
        try:
            async with connect(
                url,
                additional_headers=dict(binding.headers(credentials)),
                logger=frames,
                open_timeout=stall_after,
                # A connection whose other end stops answering WebSocket pings for this long is closed, and then
                # reconnected like a dropped one (the exchange's own pings, below, catch a feed stuck behind a
                # server that still answers these).
                ping_interval=stall_after / 2,
                ping_timeout=stall_after / 2,
                close_timeout=1,
            ) as connection:
                # An exchange that accepts the connection and then never answers the login or the subscription
                # (its WebSocket pings still answered) is as stalled as a silent feed.
                async with asyncio.timeout(stall_after):
                    await _handshake(binding, connection, credentials, options, exchange)
                failures, sessions = 0, sessions + 1
                connected = StreamNotice("connected", exchange, f"subscribed at {url}")
                if sessions == 1:
                    # The orders open now are followed from the start, so that one filling while the stream is down
                    # is read again; their state now is get_orders' to give, not a change (OrderTracker.follow).
                    # Only then is the stream said to be connected: an order closed before the seed read them, whose
                    # message a lost connection took, would be followed by nobody.
                    await check.seed(tracker, notify)
                    notify(connected)
                else:
                    notify(connected)
                    async for order in check.run(tracker, notify):
                        yield order
                async for order in _session(
                    connection,
                    binding=binding,
                    tracker=tracker,
                    check=check,
                    notify=notify,
                    stall_after=stall_after,
                    reconcile_every=reconcile_every,
                ):
                    yield order
        except _ResubscribeError:
            # The periodic reconciliation of a numbered stream: a fresh subscription's snapshot, at once.
            continue
        except TRANSIENT as error:
            # A login that needs a REST call first (Kraken's token) met an outage or throttling: a later try may not.
            notify(StreamNotice("disconnected", exchange, f"{type(error).__name__}: {error.message}"))
        except ExchangeError:
            raise  # refused credentials or subscription: every attempt would meet it
        except InvalidStatus as error:
            _raise_if_refused(exchange, error)
            notify(StreamNotice("disconnected", exchange, f"HTTP {error.response.status_code} at the upgrade"))
        except (WebSocketException, OSError, TimeoutError, _StalledError, StreamGapError) as error:
            detail = f"{type(error).__name__}: {error}"
            logger.info("%s stream lost (%s); reconnecting", exchange.value, detail)
            notify(StreamNotice("disconnected", exchange, detail))
        wait = min(_LONGEST_WAIT, _FIRST_WAIT * 2**failures)
        failures += 1
        await asyncio.sleep(wait * (1 + random.random() / 4))  # noqa: S311 - jitter, not cryptography


async def _handshake(
    binding: StreamBinding, connection: ClientConnection, credentials: Any, options: RequestOptions, exchange: Exchange
) -> None:
    try:
        await binding.handshake(connection, credentials, options)
    except ValueError as error:
        message = f"{exchange.display_name} answered the stream's login or subscription with a frame that is not JSON"
        raise UnexpectedResponseError(f"{message}: {error}", exchange=exchange, operation="watch_orders") from None


class _StalledError(Exception):
    """The exchange sent nothing, not even the answer to its own ping, for `stall_after` seconds."""


class _ResubscribeError(Exception):
    """Time for a numbered stream's periodic reconciliation: the connection is ended and opened afresh."""


async def _session(
    connection: ClientConnection,
    *,
    binding: StreamBinding,
    tracker: OrderTracker,
    check: _Reconciliation,
    notify: Callable[[StreamNotice], None],
    stall_after: float,
    reconcile_every: float | None,
) -> AsyncGenerator[Order, None]:
    # One connection's frames until it fails. Two clocks run beside the reading: after half of `stall_after` of
    # silence the exchange's own ping is sent, and silence for all of it ends the connection; every
    # `reconcile_every` seconds the orders followed are read over REST, which is how a message the exchange never
    # delivered (Gemini's, DigiFinex's and Derive's streams have no sequence numbers to show a gap) is found. A
    # numbered stream (Kraken) shows a gap by itself, except after its last message: it is subscribed afresh instead.
    loop = asyncio.get_running_loop()
    every = reconcile_every if reconcile_every is not None else math.inf
    heard = loop.time()
    pinged = False
    next_reconciliation = heard + every
    while True:
        # Without a ping of the exchange's own, silence proves nothing (a quiet account is silent): only the
        # WebSocket pings watch the connection then.
        silence_limit = math.inf if binding.ping is None else heard + (stall_after if pinged else stall_after / 2)
        try:
            async with asyncio.timeout_at(min(silence_limit, next_reconciliation)):
                # Cancelling recv() loses nothing: websockets keeps the frame for the next call.
                frame = await connection.recv()
        except TimeoutError:
            now = loop.time()
            if now >= next_reconciliation:
                if binding.numbered:
                    raise _ResubscribeError from None
                next_reconciliation = now + every
                async for order in check.run(tracker, notify):
                    yield order
            elif binding.ping is not None and not pinged:
                pinged = True
                await connection.send(binding.ping())
            else:
                message = f"no frame for {stall_after:g} s, not even the answer to a ping"
                raise _StalledError(message) from None
            continue
        heard, pinged = loop.time(), False
        for order in _read(binding, frame, check.exchange):
            if (changed := tracker.update(order)) is not None:
                yield changed


def _read(binding: StreamBinding, frame: str | bytes, exchange: Exchange) -> list[Order]:
    try:
        return binding.read(frame)
    except ValueError as error:
        # Not JSON at all (or JSON decode_json refuses: NaN, a duplicate name): a surprise named, not a crash.
        message = f"{exchange.display_name} sent a stream frame that is not the JSON it documents: {error}"
        raise UnexpectedResponseError(message, exchange=exchange, operation="watch_orders") from None


def _raise_if_refused(exchange: Exchange, error: InvalidStatus) -> None:
    # Gemini authenticates at the upgrade and answers a refusal with 401 (403 from some servers in front of it).
    status = error.response.status_code
    if status in _REFUSED_UPGRADE:
        message = f"{exchange.display_name} refused the stream's authentication (HTTP {status})"
        raise AuthenticationError(message, exchange=exchange, operation="watch_orders", http_status=status) from None


@attrs.frozen
class _Reconciliation:
    """Reading over REST what the stream may have missed: the open orders, and every order being followed."""

    exchange: Exchange
    reconcile: Reconcile
    open_orders: OpenOrders | None

    async def seed(self, tracker: OrderTracker, notify: Callable[[StreamNotice], None]) -> None:
        """Follow the orders open now, without reporting them."""
        for order in await self._open_orders(notify):
            tracker.follow(order)

    async def run(self, tracker: OrderTracker, notify: Callable[[StreamNotice], None]) -> AsyncGenerator[Order, None]:
        """Every change REST shows in the open orders and in the orders followed, through the tracker."""
        # A change made while the stream was down, or announced in a message that never came, reached nobody: what
        # REST shows goes through the tracker like any stream message (a stale answer changes nothing).
        snapshot = await self._open_orders(notify)
        seen = {order.order_id for order in snapshot}
        following = [order for order in tracker.open_orders() if order.order_id not in seen]
        found, unconfirmed = await self.reconcile(following) if following else ([], [])
        # The tracker takes it all in before anyone hears of it: from the `reconciled` notice on, what it holds is
        # current (get_order reads it once REST is gone), whether or not the caller has taken the changes yet.
        changes = [changed for order in [*snapshot, *found] if (changed := tracker.confirm(order)) is not None]
        # The notices come first: a caller that stops at the first change delivered has still heard of them.
        detail = (
            f"{len(snapshot)} open orders and {len(found)} of {len(following)} other followed orders read over REST"
        )
        notify(StreamNotice("reconciled", self.exchange, detail))
        if unconfirmed:
            detail = "not readable over REST: whether they changed while unheard is unknown"
            notify(StreamNotice("unconfirmed", self.exchange, detail, tuple(unconfirmed)))
        for changed in changes:
            yield changed

    async def _open_orders(self, notify: Callable[[StreamNotice], None]) -> list[Order]:
        if self.open_orders is None:
            return []
        try:
            return await self.open_orders()
        except ExchangeError as error:
            # The stream goes on without them: the orders followed are still read one by one.
            notify(StreamNotice("unconfirmed", self.exchange, f"the open orders could not be read over REST: {error}"))
            return []
