"""
How the unified client builds, calls and reads DigiFinex: the binding the registry's loader finds here.
"""

from __future__ import annotations

from exchange_clients._binding import ExchangeBinding
from exchange_clients._order import Exchange
from exchange_clients.digifinex import _operations
from exchange_clients.digifinex._auth import DigiFinexCredentials
from exchange_clients.digifinex._client import ENVIRONMENTS, client
from exchange_clients.digifinex._stream import STREAM


BINDING = ExchangeBinding(
    exchange=Exchange.DIGIFINEX,
    credentials_type=DigiFinexCredentials,
    environments=ENVIRONMENTS,
    make_client=client,
    build_order_calls=lambda _credentials, ids, options: _operations.order_calls(ids, options.market),
    build_open_orders_call=lambda _credentials, options: _operations.open_orders_call(options.market),
    options=frozenset({"market"}),
    not_found_hint=_operations.NOT_FOUND_HINT,
    stream=STREAM,
)
