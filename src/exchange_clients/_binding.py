"""
What the unified client needs to know about one exchange: each exchange's subpackage describes itself with one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import httpx

from exchange_clients._calls import Call
from exchange_clients._errors import InvalidRequestError, UnsupportedOperationError
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._order import Exchange
from exchange_clients._successor import RestSuccessor
from exchange_clients._watch import StreamBinding


AnyCall = Call[Any, Any]


@attrs.frozen(kw_only=True)
class RequestOptions:
    """Per-request choices only some exchanges have; `check` refuses one given to an exchange without it."""

    market: str | None = None
    """DigiFinex: "spot" (default) or "margin"."""
    subaccount_id: int | None = None
    """Derive: the subaccount the orders belong to (default: the credentials' subaccount)."""
    symbols: tuple[str, ...] | None = None
    """DigiFinex's stream: the markets whose orders to follow (its subscription names them)."""

    def check(self, exchange: Exchange, allowed: frozenset[str]) -> None:
        for name in ("market", "subaccount_id", "symbols"):
            if getattr(self, name) is not None and name not in allowed:
                message = f"{exchange.display_name} has no {name}; it applies to {_OWNERS[name]}; nothing was sent"
                raise InvalidRequestError(message, exchange=exchange)


_OWNERS = {"market": "DigiFinex only", "subaccount_id": "Derive only", "symbols": "DigiFinex's stream only"}


@attrs.frozen(kw_only=True)
class ExchangeBinding:
    """How the unified client builds, calls and reads one exchange."""

    exchange: Exchange
    credentials_type: type[Any]
    environments: Mapping[str, str]
    """The exchange's ENVIRONMENTS: each environment name and its base URL."""
    make_client: Callable[..., Any]
    """The per-exchange `client()` factory."""
    build_order_calls: Callable[[Any, Sequence[str], RequestOptions], list[AnyCall]]
    build_open_orders_call: Callable[[Any, RequestOptions], AnyCall] | None = None
    options: frozenset[str] = frozenset()
    ordered_nonces: bool = False
    """The exchange refuses a nonce below the last it saw, so a SharedNonceStore applies (Gemini, Kraken)."""
    canonical_id: Callable[[str], str] = str
    is_client_order_id: Callable[[str], bool] = lambda _order_id: False
    """Whether a requested id is looked up as a client order id: then, and only then, it matches `client_order_id`."""
    not_found_hint: str = "the exchange does not know this order"
    check_credentials: Callable[[Any], None] = lambda _credentials: None
    """Read the credentials as a request would, before any is sent: ValueError naming the variable, never its value."""
    stream: StreamBinding | None = None
    """How to follow the account's orders live (watch_orders); None for an exchange without a stream."""
    successor: RestSuccessor | None = None
    """How orders are read once the exchange's REST API is gone (Kraken Futures, from 1 March 2027)."""

    def order_calls(self, credentials: Any, order_ids: Sequence[str], options: RequestOptions) -> list[AnyCall]:
        options.check(self.exchange, self.options)
        return self.build_order_calls(credentials, [self.canonical_id(i) for i in order_ids], options)

    def open_orders_call(self, credentials: Any, options: RequestOptions) -> AnyCall:
        options.check(self.exchange, self.options)
        if self.build_open_orders_call is None:
            message = (
                f"list_open_orders is not available for {self.exchange.display_name}: this client's spec has no "
                "open-orders endpoint for it"
            )
            raise UnsupportedOperationError(message, exchange=self.exchange, operation="list_open_orders")
        return self.build_open_orders_call(credentials, options)

    def client(
        self,
        credentials: Any,
        *,
        environment: str,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        nonce_store: SharedNonceStore | None,
        httpx_args: Mapping[str, Any],
        max_response_bytes: int,
    ) -> Any:
        # DigiFinex and Derive judge a timestamp against a window, not against the last one: no store needed.
        store = {"nonce_store": nonce_store} if nonce_store is not None and self.ordered_nonces else {}
        # The unified client reads every answer itself, undocumented statuses included (their headers matter).
        return self.make_client(
            credentials,
            environment=environment,
            base_url=base_url,
            timeout=timeout,
            raise_on_unexpected_status=False,
            max_response_bytes=max_response_bytes,
            **store,
            **httpx_args,
        )
