"""
The public names DESIGN.md fixes are importable from `exchange_clients`, and `__all__` is complete.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import exchange_clients as ec
from codegen.specs import REGISTRY


ROOT = Path(__file__).resolve().parent.parent


CONTRACT = [
    "Exchange",
    "Order",
    "OrderStatus",
    "Side",
    "OrderType",
    "AuthenticationError",
    "PermissionDeniedError",
    "NonceError",
    "RateLimitError",
    "OrderNotFoundError",
    "InvalidRequestError",
    "ExchangeUnavailableError",
    "UnexpectedResponseError",
    "TransportError",
    "ExchangeError",
    "connect",
    "connect_async",
    "gemini",
    "kraken_futures",
    "digifinex",
    "derive",
]
# Each exchange's credentials class, as the registry names it, and its signer beside it.
PER_EXCHANGE = {
    exchange.name: [exchange.credentials, exchange.credentials.replace("Credentials", "Auth")] for exchange in REGISTRY
}


def test_all_is_sorted_and_names_exist() -> None:
    """`__all__` names each export once and every name resolves (ruff's RUF022 keeps it sorted)."""
    assert len(set(ec.__all__)) == len(ec.__all__)
    for name in ec.__all__:
        assert hasattr(ec, name)


@pytest.mark.parametrize("name", CONTRACT)
def test_contract_name_is_exported(name: str) -> None:
    """Every name in DESIGN.md's public contract is exported at the top level."""
    assert name in ec.__all__


@pytest.mark.parametrize("module", list(PER_EXCHANGE))
def test_each_exchange_module_has_the_same_shape(module: str) -> None:
    """Each exchange module has its credentials, auth, ENVIRONMENTS, client, to_order and parse_order."""
    namespace = getattr(ec, module)
    for name in [*PER_EXCHANGE[module], "ENVIRONMENTS", "client", "to_order", "parse_order"]:
        assert name in namespace.__all__


def test_errors_share_one_root() -> None:
    """Every exported error class is an ExchangeError."""
    errors = [getattr(ec, name) for name in ec.__all__ if name.endswith("Error") and name != "MissingCredentialsError"]
    errors.remove(ec.InsecureBaseURLError)
    assert all(issubclass(error, ec.ExchangeError) for error in errors)
    assert len(errors) == 11


def test_order_status_is_final_only_when_the_order_cannot_change() -> None:
    """FILLED, CANCELED, REJECTED and EXPIRED are final; open, partial, untriggered and unknown are not."""
    final = {status for status in ec.OrderStatus if status.is_final}

    assert final == {ec.OrderStatus.FILLED, ec.OrderStatus.CANCELED, ec.OrderStatus.REJECTED, ec.OrderStatus.EXPIRED}


def test_the_exchange_enum_lists_the_registry() -> None:
    """`Exchange` is written from the registry for type checkers: it names them all, in its order."""
    registry = tomllib.loads((ROOT / "specs" / "exchanges.toml").read_text(encoding="utf-8"))

    assert [member.value for member in ec.Exchange] == list(registry)
    assert [member.display_name for member in ec.Exchange] == [entry["display_name"] for entry in registry.values()]


def test_the_unified_client_binds_every_registered_exchange() -> None:
    """The bindings are read from each registered exchange's subpackage: one for each, named as the registry names."""
    from exchange_clients._exchanges import BINDINGS  # noqa: PLC0415 - loads every client

    registry = tomllib.loads((ROOT / "specs" / "exchanges.toml").read_text(encoding="utf-8"))

    assert [exchange.value for exchange in BINDINGS] == list(registry)
    assert all(binding.exchange is exchange for exchange, binding in BINDINGS.items())
