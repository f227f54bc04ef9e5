"""
How the unified client builds, calls and reads Kraken Futures: the binding the registry's loader finds here.
"""

from __future__ import annotations

from exchange_clients._binding import ExchangeBinding
from exchange_clients._order import Exchange
from exchange_clients._successor import RestSuccessor
from exchange_clients.kraken_futures import _operations
from exchange_clients.kraken_futures._auth import KrakenFuturesCredentials
from exchange_clients.kraken_futures._client import ENVIRONMENTS, client
from exchange_clients.kraken_futures._stream import STREAM, snapshot_orders
from exchange_clients.kraken_futures._sunset import (
    CLOSED_ORDERS_UNREADABLE,
    RestDecommissionedError,
    rest_decommissioned,
    warn_rest_deprecated,
)


BINDING = ExchangeBinding(
    exchange=Exchange.KRAKEN_FUTURES,
    credentials_type=KrakenFuturesCredentials,
    environments=ENVIRONMENTS,
    make_client=client,
    build_order_calls=lambda _credentials, ids, _options: _operations.order_calls(ids),
    canonical_id=_operations.canonical_id,
    is_client_order_id=_operations.is_client_order_id,
    not_found_hint=_operations.NOT_FOUND_HINT,
    ordered_nonces=True,
    stream=STREAM,
    successor=RestSuccessor(
        decommissioned=rest_decommissioned,
        removed=RestDecommissionedError,
        snapshot=lambda setup, url, seconds: snapshot_orders(setup, url, open_timeout=seconds),
        not_found_hint=CLOSED_ORDERS_UNREADABLE,
        warn=warn_rest_deprecated,
    ),
)
