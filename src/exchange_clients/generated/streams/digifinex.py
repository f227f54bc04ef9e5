"""
Stream messages of digifinex, from specs/digifinex/asyncapi.yaml: written by `nox -s generate` with
datamodel-code-generator 0.89.0; never edit. exchange_clients._messages.read_message reads a decoded message into them.
"""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import Any, Literal, TypeAlias

import attrs

from exchange_clients.runtime import is_listed, unrecognized_member


@attrs.frozen(kw_only=True)
class AuthRequest:
    id: int
    method: Literal["server.auth"]
    params: list[str]


@attrs.frozen(kw_only=True)
class SubscribeRequest:
    id: int
    method: Literal["order.subscribe"]
    params: list[str]


@attrs.frozen(kw_only=True)
class PingRequest:
    id: int
    method: Literal["server.ping"]
    params: list[Any]


@attrs.frozen(kw_only=True)
class WsError:
    code: int
    message: str


@attrs.frozen(kw_only=True)
class StatusResult:
    status: str


@attrs.frozen(kw_only=True)
class StatusResponse:
    id: int
    result: StatusResult | None
    error: WsError | None


@attrs.frozen(kw_only=True)
class PongResponse:
    id: int
    result: Literal["pong"]
    error: WsError | None = None


class OrderSide(StrEnum):
    BUY = "buy"
    SELL = "sell"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OrderSide | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class OrderType(StrEnum):
    LIMIT = "limit"
    MARKET = "market"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OrderType | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class OrderStatus(IntEnum):
    NONE_EXECUTED = 0
    PARTIALLY_EXECUTED = 1
    FULLY_EXECUTED = 2
    CANCELLED_NONE_EXECUTED = 3
    CANCELLED_PARTIALLY_EXECUTED = 4

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OrderStatus | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class TradeMode(IntEnum):
    SPOT = 1
    MARGIN = 2

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> TradeMode | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


@attrs.frozen(kw_only=True)
class OrderUpdateItem:
    amount: Decimal
    filled: Decimal
    id: str
    mode: TradeMode
    notional: Decimal
    price: Decimal
    price_avg: Decimal
    side: OrderSide
    status: OrderStatus
    symbol: str
    timestamp: int
    type: OrderType


@attrs.frozen(kw_only=True)
class OrderUpdate:
    method: Literal["order.update"]
    params: list[OrderUpdateItem]
    id: None


AuthRequestPayload: TypeAlias = AuthRequest


SubscribeRequestPayload: TypeAlias = SubscribeRequest


PingRequestPayload: TypeAlias = PingRequest


StatusResponsePayload: TypeAlias = StatusResponse


PongResponsePayload: TypeAlias = PongResponse


OrderUpdatePayload: TypeAlias = OrderUpdate
