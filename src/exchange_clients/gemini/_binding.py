"""
How the unified client builds, calls and reads Gemini: the binding the registry's loader finds here.
"""

from __future__ import annotations

from exchange_clients._binding import ExchangeBinding
from exchange_clients._order import Exchange
from exchange_clients.gemini import _operations
from exchange_clients.gemini._auth import GeminiCredentials
from exchange_clients.gemini._client import ENVIRONMENTS, client
from exchange_clients.gemini._stream import STREAM


BINDING = ExchangeBinding(
    exchange=Exchange.GEMINI,
    credentials_type=GeminiCredentials,
    environments=ENVIRONMENTS,
    make_client=client,
    build_order_calls=lambda _credentials, ids, _options: _operations.order_calls(ids),
    build_open_orders_call=lambda _credentials, _options: _operations.open_orders_call(),
    canonical_id=_operations.canonical_id,
    ordered_nonces=True,
    stream=STREAM,
)
