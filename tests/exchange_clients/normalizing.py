"""
What the four normalization test modules share: reading fixtures (changed or not) and each way into `Order`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from exchange_clients._order import Order
from tests.exact_json import dumps


FIXTURES = Path(__file__).parents[1] / "fixtures"


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Any: ...


def fixture_bytes(exchange: str, name: str) -> bytes:
    """The bytes of tests/fixtures/<exchange>/<name>.json, as the exchange sent them."""
    return (FIXTURES / exchange / f"{name}.json").read_bytes()


def changed(raw: bytes, decode: Callable[[bytes], Any], **changes: Any) -> bytes:
    """`raw`, or with `changes` the same object with those fields replaced (numbers kept exact)."""
    if not changes:
        return raw
    return dumps({**decode(raw), **changes}).encode()


def ways_in(
    module: ModuleType, model: type[_Model], decode: Callable[[bytes], Any]
) -> dict[str, Callable[[bytes], Order]]:
    """parse_order with bytes, str and a decoded mapping, and to_order with the generated model."""
    return {
        "bytes": module.parse_order,
        "str": lambda raw: module.parse_order(raw.decode()),
        "mapping": lambda raw: module.parse_order(decode(raw)),
        "model": lambda raw: module.to_order(model.from_dict(decode(raw))),
    }
