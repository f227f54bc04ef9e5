"""
Signing: microseconds per signed order-status request, ours against ccxt's `sign()` for the same request.

Both sides sign with the same fixed nonce and timestamp and never touch the network. Ours is the exchange's
`httpx.Auth` flow applied to the request the generated client builds (built just before, outside the timing); a
second row adds building that `httpx.Request` (what the generated `sync_detailed` does before sending). ccxt's
`sign()` returns the URL, headers and body as plain strings, which its HTTP layer then still has to turn into a
request: the second row is the upper bound of the comparison, the first the lower.
"""

from __future__ import annotations

import gc
import time
import uuid
from collections.abc import Callable
from typing import Any

import attrs
import httpx

from bench import _ccxt
from bench._measure import MICRO_ROUNDS, Row, Stats, interleaved, per_item
from bench._orders import ACCOUNTS, CATALOGUE
from exchange_clients import derive, digifinex, gemini, kraken_futures
from exchange_clients.generated.derive.api.orders import get_order as derive_get_order
from exchange_clients.generated.derive.models import GetOrderParams
from exchange_clients.generated.digifinex.api.orders import get_order_status as digifinex_get_order_status
from exchange_clients.generated.digifinex.models import Market
from exchange_clients.generated.gemini.api.orders import get_order_status as gemini_get_order_status
from exchange_clients.generated.gemini.models import OrderStatusRequest
from exchange_clients.generated.kraken_futures.api.order_management import get_order_status as kraken_get_order_status


"""At most half of ccxt's time for the HMAC exchanges, a quarter for Derive's wallet signature."""

CALLS = {"gemini": 3000, "kraken_futures": 3000, "digifinex": 3000, "derive": 300}
"""Signatures per repeat and side, in MICRO_ROUNDS rounds (Derive's secp256k1 signatures cost ~10x an HMAC)."""


@attrs.frozen
class Case:
    """One exchange's order-status request, as ours builds and signs it and as ccxt signs it."""

    build: Callable[[], httpx.Request]
    auth: httpx.Auth
    ccxt_sign: Callable[[], object]


def case(exchange: str) -> Case:
    """The order-status request of `exchange` for its catalogue's partially filled order."""
    nonce = _ccxt.fixed_nonce(exchange)
    credentials: Any = ACCOUNTS.credentials(exchange)
    ccxt_exchange = _ccxt.exchange(exchange)
    if exchange == "gemini":
        order_id = int(CATALOGUE.id("gemini", "live_partially_filled"))
        client: Any = gemini.client(credentials, nonce=lambda: nonce)
        kwargs = gemini_get_order_status._get_kwargs(  # noqa: SLF001 - what sync_detailed sends
            body=OrderStatusRequest(order_id=order_id, include_trades=True)
        )
        params: dict[str, Any] = {"order_id": order_id, "include_trades": True}
        ccxt_call = ("v1/order/status", ["private"], "POST", params)
    elif exchange == "kraken_futures":
        order_id_text = CATALOGUE.id("kraken_futures", "entered_book_partially_filled")
        client = kraken_futures.client(credentials, nonce=lambda: nonce)
        kwargs = kraken_get_order_status._get_kwargs(order_ids=[uuid.UUID(order_id_text)])  # noqa: SLF001
        ccxt_call = ("orders/status", ["private"], "POST", {"orderIds": [order_id_text]})
    elif exchange == "digifinex":
        order_id_text = CATALOGUE.id("digifinex", "partially_filled")
        client = digifinex.client(credentials, nonce=lambda: nonce)
        kwargs = digifinex_get_order_status._get_kwargs(Market.SPOT, order_id=order_id_text)  # noqa: SLF001
        ccxt_call = ("{market}/order", ["private", "spot"], "GET", {"market": "spot", "order_id": order_id_text})
    else:
        order_id_text = CATALOGUE.id("derive", "open_partially_filled")
        subaccount_id = ACCOUNTS.derive.subaccount_id
        client = derive.client(credentials, nonce=lambda: nonce)
        kwargs = derive_get_order._get_kwargs(  # noqa: SLF001
            body=GetOrderParams(order_id=order_id_text, subaccount_id=subaccount_id)
        )
        ccxt_call = ("get_order", ["private"], "POST", {"order_id": order_id_text, "subaccount_id": subaccount_id})
    http: httpx.Client = client.get_httpx_client()
    auth = http.auth
    if auth is None:
        msg = f"the {exchange} client has no signer"
        raise RuntimeError(msg)

    def build() -> httpx.Request:
        return http.build_request(**kwargs)

    def ccxt_sign() -> object:
        path, api, method, ccxt_params = ccxt_call
        return ccxt_exchange.sign(path, api, method, dict(ccxt_params))

    return Case(build=build, auth=auth, ccxt_sign=ccxt_sign)


def sign(auth: httpx.Auth, request: httpx.Request) -> httpx.Request:
    """Run the client's auth flow as httpx.Client.send does, up to the request it sends; nothing is sent.

    This is the whole flow httpx runs: the signer, the logging wrapper around it, and Gemini's per-key lock (taken
    and, when the flow is closed here, released).
    """
    flow = auth.sync_auth_flow(request)
    signed = next(flow)
    flow.close()
    return signed


BATCH = 8
"""Requests built, then signed, per timed batch: a handful, so each is signed while still in the CPU's cache."""


def signed_fresh(this: Case, calls: int) -> float:
    """
    Seconds per signature of requests signed right after being built, the build itself not timed.

    In use, httpx signs each request the moment it is built. Building thousands first and signing them
    afterwards would time signing on requests long out of the CPU's cache (about 1.5x slower here), which
    ccxt's `sign()`, working on what it just made, never pays.
    """
    gc.collect()
    elapsed = 0.0
    for _ in range(0, calls, BATCH):
        requests = [this.build() for _ in range(BATCH)]
        start = time.perf_counter()
        for request in requests:
            sign(this.auth, request)
        elapsed += time.perf_counter() - start
    return elapsed / (-(-calls // BATCH) * BATCH)


def run(repeats: int, scale: float = 1.0) -> list[Row]:
    """The signing rows, two per exchange: signing alone, and building the request plus signing it."""
    rows = []
    for exchange in _ccxt.COMPARED:
        this = case(exchange)
        sign(this.auth, this.build())  # warm: Derive loads its key on first use
        this.ccxt_sign()
        calls = max(20, int(CALLS[exchange] * scale) // MICRO_ROUNDS)
        indices = range(calls)

        def ours_sign(this: Case = this, calls: int = calls) -> float:
            return signed_fresh(this, calls) * 1e6

        def ours_build_and_sign(this: Case = this, indices: range = indices) -> float:
            return per_item(lambda _: sign(this.auth, this.build()), indices) * 1e6

        def ccxt_sign(this: Case = this, indices: range = indices) -> float:
            return per_item(lambda _: this.ccxt_sign(), indices) * 1e6

        samples = interleaved(
            {"sign": ours_sign, "build_and_sign": ours_build_and_sign, "ccxt": ccxt_sign},
            repeats,
            MICRO_ROUNDS,
        )
        reference = Stats.of(samples["ccxt"])
        rows.append(
            Row(
                benchmark="signing",
                case=exchange,
                ours_label="our auth flow on the built request",
                unit="us",
                ours=Stats.of(samples["sign"]),
                reference_label="ccxt sign()",
                reference=reference,
            )
        )
        rows.append(
            Row(
                benchmark="signing",
                case=exchange,
                ours_label="build the httpx.Request + sign",
                unit="us",
                ours=Stats.of(samples["build_and_sign"]),
                reference_label="ccxt sign()",
                reference=reference,
                note="includes httpx.Client.build_request, which ccxt's sign() leaves to its HTTP layer",
            )
        )
    return rows
