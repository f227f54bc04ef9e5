"""
Kraken Futures after 1 March 2027: what one `get_order` costs once the Derivatives REST API is gone.

Wall time per sequential call against the simulator (in this process, on loopback): today's REST read, against the
two ways without it, a short-lived subscription's snapshot (a token request, a WebSocket connection, its
acknowledgement and snapshot, closed) and a running `watch_orders` of the same client (a lookup in what it has
seen). No other library reads Kraken Futures orders without the REST API, so today's path is the reference.
"""

from __future__ import annotations

import itertools
import threading
import time
import warnings
from collections.abc import Callable
from typing import Final

import exchange_clients as ec
from bench._measure import Row, Stats
from exchange_clients.simulator import Simulator


CALLS = 200
"""Sequential calls per repeat and way (a tenth with --quick); a snapshot takes milliseconds, a lookup microseconds."""

KRAKEN: Final = "kraken_futures"


def _per_call(get_order: Callable[[str], object], ids: list[str], calls: int) -> float:
    """Wall microseconds per call for `calls` sequential calls, ids taken round-robin."""
    chosen = list(itertools.islice(itertools.cycle(ids), calls))
    started = time.perf_counter()
    for order_id in chosen:
        get_order(order_id)
    return (time.perf_counter() - started) / calls * 1e6


def run(repeats: int, scale: float = 1.0) -> list[Row]:
    """Two rows: from a snapshot, and from a running watch, each against the REST read of the same orders."""
    calls = max(20, int(CALLS * scale))
    with Simulator() as simulator, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the REST path's, once per process
        ids = [order.order_id for order in simulator.orders.of(KRAKEN) if order.body["status"] == "ENTERED_BOOK"]
        credentials = simulator.accounts.credentials(KRAKEN)
        base_url, stream_url = simulator.base_url(KRAKEN), simulator.stream_url(KRAKEN)
        with ec.connect(KRAKEN, credentials, base_url=base_url, stream_url=stream_url) as client:
            rest = [_per_call(client.get_order, ids, calls) for _ in range(repeats)]
        simulator.decommission_rest(KRAKEN)
        subscribed = threading.Event()
        with ec.connect(KRAKEN, credentials, base_url=base_url, stream_url=stream_url) as client:
            client.get_order(ids[0])  # the removal page, once
            snapshot = [_per_call(client.get_order, ids, calls) for _ in range(repeats)]
            with client.watch_orders(on_notice=lambda notice: subscribed.set() if notice.kind == "connected" else None):
                if not subscribed.wait(30):  # subscribed, and the open orders followed
                    msg = "Kraken's simulated stream did not subscribe within 30 s"
                    raise RuntimeError(msg)
                watched = [_per_call(client.get_order, ids, calls * 10) for _ in range(repeats)]
    reference = Stats.of(rest)
    return [
        Row(
            benchmark="kraken_2027",
            case=KRAKEN,
            ours_label="get_order without REST, from a snapshot: wall per call",
            unit="µs",
            ours=Stats.of(snapshot),
            reference_label="get_order over REST (until 1 March 2027)",
            reference=reference,
            note="a token request and a WebSocket subscription per call",
        ),
        Row(
            benchmark="kraken_2027",
            case=KRAKEN,
            ours_label="get_order without REST, from a running watch_orders: wall per call",
            unit="µs",
            ours=Stats.of(watched),
            reference_label="get_order over REST (until 1 March 2027)",
            reference=reference,
        ),
    ]
