"""
Stream messages of gemini, from specs/gemini/asyncapi.yaml: written by `nox -s generate` with
datamodel-code-generator 0.89.0; never edit. exchange_clients._messages.read_message reads a decoded message into them.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal, TypeAlias

import attrs

from exchange_clients.runtime import is_listed, unrecognized_member

CorrelationId: TypeAlias = str | int


DecimalString: TypeAlias = Decimal


NanosecondTimestamp: TypeAlias = int


@attrs.frozen(kw_only=True)
class SubscribeRequest:
    id: CorrelationId
    method: str
    params: list[str]


@attrs.frozen(kw_only=True)
class PingRequest:
    id: CorrelationId
    method: Literal["ping"]
    params: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class SubscribeResponse:
    id: CorrelationId
    status: int


@attrs.frozen(kw_only=True)
class WsError:
    code: int
    msg: str


class OrderSide(StrEnum):
    BUY = "BUY"
    SELL = "SELL"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OrderSide | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class OrderUpdateType(StrEnum):
    LIMIT = "LIMIT"
    MARKET = "MARKET"
    STOP_LIMIT = "STOP_LIMIT"
    STOP_MARKET = "STOP_MARKET"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OrderUpdateType | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class OrderUpdateStatus(StrEnum):
    NEW = "NEW"
    OPEN = "OPEN"
    FILLED = "FILLED"
    PARTIALLY_FILLED = "PARTIALLY_FILLED"
    CANCELED = "CANCELED"
    REJECTED = "REJECTED"
    MODIFIED = "MODIFIED"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OrderUpdateStatus | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


@attrs.frozen(kw_only=True)
class OrderUpdate:
    e: Literal["orderUpdate"]
    E: NanosecondTimestamp
    s: str
    i: int
    X: OrderUpdateStatus
    T: NanosecondTimestamp
    c: str | None = None
    S: OrderSide | None = None
    o: OrderUpdateType | None = None
    p: DecimalString | None = None
    P: DecimalString | None = None
    q: DecimalString | None = None
    z: DecimalString | None = None
    Z: DecimalString | None = None
    L: DecimalString | None = None
    t: int | None = None
    n: DecimalString | None = None
    m: bool | None = None
    r: str | None = None


SubscribeRequestPayload: TypeAlias = SubscribeRequest


PingRequestPayload: TypeAlias = PingRequest


SubscribeResponsePayload: TypeAlias = SubscribeResponse


OrderUpdatePayload: TypeAlias = OrderUpdate


@attrs.frozen(kw_only=True)
class ErrorResponse:
    id: CorrelationId
    status: int
    error: WsError


ErrorResponsePayload: TypeAlias = ErrorResponse
