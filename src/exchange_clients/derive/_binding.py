"""
How the unified client builds, calls and reads Derive: the binding the registry's loader finds here.
"""

from __future__ import annotations

from exchange_clients._binding import ExchangeBinding
from exchange_clients._order import Exchange
from exchange_clients.derive import _operations
from exchange_clients.derive._auth import DeriveCredentials, check_private_key
from exchange_clients.derive._client import ENVIRONMENTS, client
from exchange_clients.derive._stream import STREAM


BINDING = ExchangeBinding(
    exchange=Exchange.DERIVE,
    credentials_type=DeriveCredentials,
    environments=ENVIRONMENTS,
    make_client=client,
    build_order_calls=lambda credentials, ids, options: _operations.order_calls(
        ids, _operations.subaccount_of(credentials, options, "get_order")
    ),
    build_open_orders_call=lambda credentials, options: _operations.open_orders_call(
        _operations.subaccount_of(credentials, options, "list_open_orders")
    ),
    options=frozenset({"subaccount_id"}),
    check_credentials=check_private_key,
    stream=STREAM,
)
