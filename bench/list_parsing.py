"""
List parsing at scale: a Gemini `/v1/orders` body of 10,000 orders to normalized orders, in seconds and peak memory.

Ours is what `list_open_orders` does with the body: the generated `list_active_orders` parsing it (exact decoding,
a generated `Order` model per element, each decoded element let go once its model exists), then `gemini.to_order`.
ccxt's `parse_orders` is timed from the list already decoded by `json.loads`, as ccxt calls it (a second row adds
the decoding). Peak memory is tracemalloc's peak while going from the bytes to the finished list, both sides
starting from the same bytes (ccxt's orders keep the decoded dicts as `info`, ours keep the generated models as
`raw`), divided by the number of orders.
"""

from __future__ import annotations

import gc
import json
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import httpx

import exchange_clients.generated.gemini
from bench import _ccxt
from bench._measure import Row, Stats, Target, interleaved
from bench._orders import LIST_SIZE, gemini_orders_body
from exchange_clients import Order, gemini
from exchange_clients.generated.gemini.api.orders import list_active_orders


TIME_TARGET = Target(0.5)
"""At most half of ccxt's parse_orders time."""

MEMORY_TARGET = Target(1.0)
"""Peak memory per Order at most ccxt's per order dict."""


def ours(body: bytes) -> list[Order]:
    """The normalized orders of a `/v1/orders` body, as the unified client's `list_open_orders` reads it.

    That is the generated `list_active_orders` parsing the answer into models, then `gemini.to_order` on each.
    """
    models = list_active_orders._parse_response(  # noqa: SLF001 - what sync_detailed runs on the answer
        client=_CLIENT, response=httpx.Response(200, content=body)
    )
    if not isinstance(models, list):
        msg = f"not a list of orders: {type(models).__name__}"
        raise TypeError(msg)
    return [gemini.to_order(model) for model in models]


_CLIENT = exchange_clients.generated.gemini.Client(base_url="http://127.0.0.1")


def _seconds(function: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def _peak_bytes(function: Callable[[], object]) -> float:
    """Peak memory allocated while `function` runs and its result is alive (tracing starts just before it)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = function()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return float(peak)


def run(repeats: int, scale: float = 1.0) -> list[Row]:
    """Time rows (ours against ccxt from a list, ccxt from bytes, json.loads) and the memory row."""
    count = max(100, int(LIST_SIZE * scale))
    body = gemini_orders_body(count)
    reference: Any = _ccxt.exchange("gemini")

    def ccxt_from_list() -> float:
        decoded = json.loads(body)
        return _seconds(lambda: reference.parse_orders(decoded))

    runs = {
        "ours": lambda: _seconds(lambda: ours(body)),
        "ccxt": ccxt_from_list,
        "ccxt_bytes": lambda: _seconds(lambda: reference.parse_orders(json.loads(body))),
        "json": lambda: _seconds(lambda: json.loads(body)),
    }
    samples = interleaved(runs, repeats)
    memory_repeats = min(repeats, 3)
    memory = interleaved(
        {
            "ours": lambda: _peak_bytes(lambda: ours(body)) / count,
            "ccxt": lambda: _peak_bytes(lambda: reference.parse_orders(json.loads(body))) / count,
            "json": lambda: _peak_bytes(lambda: json.loads(body)) / count,
        },
        memory_repeats,
    )
    case = f"gemini, {count:,} orders"
    mine = Stats.of(samples["ours"])
    label = "bytes -> list[Order]"
    return [
        Row(
            benchmark="list",
            case=case,
            ours_label=label,
            unit="s",
            ours=mine,
            reference_label="ccxt parse_orders(list)",
            reference=Stats.of(samples["ccxt"]),
            target=TIME_TARGET,
            note="ccxt starts from the list already decoded by json.loads (not timed); ours from the bytes",
        ),
        Row(
            benchmark="list",
            case=case,
            ours_label=label,
            unit="s",
            ours=mine,
            reference_label="ccxt json.loads + parse_orders",
            reference=Stats.of(samples["ccxt_bytes"]),
        ),
        Row(
            benchmark="list",
            case=case,
            ours_label=label,
            unit="s",
            ours=mine,
            reference_label="json.loads(bytes) (floor)",
            reference=Stats.of(samples["json"]),
        ),
        Row(
            benchmark="list memory",
            case=case,
            ours_label="peak bytes per Order",
            unit="B",
            ours=Stats.of(memory["ours"]),
            reference_label="ccxt: peak bytes per order dict",
            reference=Stats.of(memory["ccxt"]),
            target=MEMORY_TARGET,
            note="tracemalloc peak from the bytes to the finished list, over the number of orders",
        ),
        Row(
            benchmark="list memory",
            case=case,
            ours_label="peak bytes per Order",
            unit="B",
            ours=Stats.of(memory["ours"]),
            reference_label="json.loads: peak bytes per dict (floor)",
            reference=Stats.of(memory["json"]),
        ),
    ]
