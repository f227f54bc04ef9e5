"""
Parse + normalize: microseconds per order from the exchange's bytes to our `Order`, against ccxt and `json.loads`.

The orders are the simulator's catalogue for the exchange (every status, high-precision amounts included), taken
round-robin. Ours starts from the bytes (`<exchange>.parse_order(bytes)`: exact JSON decoding, the generated model,
normalization). ccxt's `parse_order` starts from a dict already decoded by `json.loads` outside the timing, which
is how ccxt calls it: its figure leaves out the decoding that ours includes. `json.loads` of the same bytes is the
floor: no parser that starts from bytes can be faster.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bench import _ccxt
from bench._measure import MICRO_ROUNDS, Row, Stats, interleaved, per_item
from bench._orders import cycled, order_bytes
from exchange_clients import Order, derive, digifinex, gemini, kraken_futures


PARSERS: dict[str, Callable[[bytes], Order]] = {
    "gemini": gemini.parse_order,
    "kraken_futures": kraken_futures.parse_order,
    "digifinex": digifinex.parse_order,
    "derive": derive.parse_order,
}

ORDERS = 2000
"""Orders parsed per repeat and side, in MICRO_ROUNDS rounds."""


def run(repeats: int, scale: float = 1.0) -> list[Row]:
    """Two rows per exchange: ours against ccxt's parse_order, and against json.loads."""
    rows = []
    count = max(50, int(ORDERS * scale) // MICRO_ROUNDS)
    for exchange in _ccxt.COMPARED:
        items = cycled(order_bytes(exchange), count)
        parse = PARSERS[exchange]
        reference: Any = _ccxt.exchange(exchange)
        parse(items[0])  # warm
        reference.parse_order(json.loads(items[0]))

        def ours(parse: Callable[[bytes], Order] = parse, items: list[bytes] = items) -> float:
            return per_item(parse, items) * 1e6

        def ccxt_parse(reference: Any = reference, items: list[bytes] = items) -> float:
            decoded = [json.loads(item) for item in items]
            return per_item(reference.parse_order, decoded) * 1e6

        def floor(items: list[bytes] = items) -> float:
            return per_item(json.loads, items) * 1e6

        samples = interleaved({"ours": ours, "ccxt": ccxt_parse, "json": floor}, repeats, MICRO_ROUNDS)
        mine = Stats.of(samples["ours"])
        rows.append(
            Row(
                benchmark="parse",
                case=exchange,
                ours_label="parse_order(bytes) -> Order",
                unit="us",
                ours=mine,
                reference_label="ccxt parse_order(dict)",
                reference=Stats.of(samples["ccxt"]),
                note="ccxt starts from an already decoded dict (json.loads not timed); ours starts from bytes",
            )
        )
        rows.append(
            Row(
                benchmark="parse",
                case=exchange,
                ours_label="parse_order(bytes) -> Order",
                unit="us",
                ours=mine,
                reference_label="json.loads(bytes) (floor)",
                reference=Stats.of(samples["json"]),
            )
        )
    return rows
