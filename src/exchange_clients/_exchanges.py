"""
Every registered exchange's binding, read from its own subpackage (`exchange_clients.<name>._binding.BINDING`).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType

from exchange_clients._binding import ExchangeBinding, RequestOptions
from exchange_clients._order import Exchange


def _binding(name: str) -> ExchangeBinding:
    binding = importlib.import_module(f"exchange_clients.{name}._binding").BINDING
    if not isinstance(binding, ExchangeBinding) or binding.exchange != name:
        msg = f"exchange_clients.{name}._binding.BINDING is not the ExchangeBinding of {name!r}"
        raise TypeError(msg)
    return binding


BINDINGS: Mapping[Exchange, ExchangeBinding] = MappingProxyType(
    {exchange: _binding(exchange.value) for exchange in Exchange}
)

__all__ = ["BINDINGS", "ExchangeBinding", "RequestOptions"]
