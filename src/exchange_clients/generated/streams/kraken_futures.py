"""
Stream messages of kraken_futures, from specs/kraken_futures/asyncapi.yaml: written by `nox -s generate` with
datamodel-code-generator 0.89.0; never edit. exchange_clients._messages.read_message reads a decoded message into them.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Literal, TypeAlias

import attrs

from exchange_clients.runtime import is_listed, unrecognized_member

ReqId: TypeAlias = int


Rfc3339Timestamp: TypeAlias = str


class AssetClass(StrEnum):
    SPOT = "spot"
    DERIVATIVES = "derivatives"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> AssetClass | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


@attrs.frozen(kw_only=True)
class ExecutionsSubscribeParams:
    channel: Literal["executions"]
    asset_class: AssetClass
    token: str
    snap_trades: bool = False
    snap_orders: bool = True
    order_status: bool = True
    ratecounter: bool = False
    snapshot_trades: bool | None = None
    snapshot: bool | None = None


@attrs.frozen(kw_only=True)
class SubscribeExecutionsRequest:
    method: Literal["subscribe"]
    params: ExecutionsSubscribeParams
    req_id: ReqId | None = None


@attrs.frozen(kw_only=True)
class SubscribeExecutionsResult:
    channel: Literal["executions"]
    snap_orders: bool | None = None
    snap_trades: bool | None = None
    snapshot: bool | None = None
    maxratecount: int | None = None
    warnings: list[str] | None = None


@attrs.frozen(kw_only=True)
class SubscribeExecutionsResponse:
    method: Literal["subscribe"]
    result: SubscribeExecutionsResult
    success: Literal[True]
    time_in: Rfc3339Timestamp
    time_out: Rfc3339Timestamp
    req_id: ReqId | None = None
    warnings: list[str] | None = None


@attrs.frozen(kw_only=True)
class ErrorResponse:
    error: str
    success: Literal[False]
    method: str | None = None
    status: str | None = None
    symbol: str | None = None
    req_id: ReqId | None = None
    time_in: Rfc3339Timestamp | None = None
    time_out: Rfc3339Timestamp | None = None


@attrs.frozen(kw_only=True)
class PingRequest:
    method: Literal["ping"]
    req_id: ReqId | None = None


@attrs.frozen(kw_only=True)
class PongResponse:
    method: Literal["pong"]
    time_in: Rfc3339Timestamp
    time_out: Rfc3339Timestamp
    req_id: ReqId | None = None
    success: bool | None = None
    error: str | None = None
    warnings: list[str] | None = None


@attrs.frozen(kw_only=True)
class Heartbeat:
    channel: Literal["heartbeat"]


class ExecutionsMessageType(StrEnum):
    SNAPSHOT = "snapshot"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> ExecutionsMessageType | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class ExecType(StrEnum):
    PENDING_NEW = "pending_new"
    NEW = "new"
    TRADE = "trade"
    FILLED = "filled"
    ICEBERG_REFILL = "iceberg_refill"
    CANCELED = "canceled"
    EXPIRED = "expired"
    AMENDED = "amended"
    RESTATED = "restated"
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> ExecType | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class OrderStatus(StrEnum):
    PENDING_NEW = "pending_new"
    NEW = "new"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELED = "canceled"
    EXPIRED = "expired"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OrderStatus | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class Side(StrEnum):
    BUY = "buy"
    SELL = "sell"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Side | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class OrderType(StrEnum):
    LIMIT = "limit"
    MARKET = "market"
    ICEBERG = "iceberg"
    STOP_LOSS = "stop-loss"
    STOP_LOSS_LIMIT = "stop-loss-limit"
    TAKE_PROFIT = "take-profit"
    TAKE_PROFIT_LIMIT = "take-profit-limit"
    TRAILING_STOP = "trailing-stop"
    TRAILING_STOP_LIMIT = "trailing-stop-limit"
    SETTLE_POSITION = "settle-position"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> OrderType | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class TimeInForce(StrEnum):
    GTC = "GTC"
    GTD = "GTD"
    IOC = "IOC"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> TimeInForce | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class PriceType(StrEnum):
    STATIC = "static"
    PCT = "pct"
    QUOTE = "quote"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> PriceType | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class LiquidityInd(StrEnum):
    M = "m"
    T = "t"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> LiquidityInd | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class FeeCcyPref(StrEnum):
    FCIB = "fcib"
    FCIQ = "fciq"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> FeeCcyPref | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class PositionStatus(StrEnum):
    OPENED = "opened"
    CLOSING = "closing"
    CLOSED = "closed"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> PositionStatus | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class TriggerReference(StrEnum):
    INDEX = "index"
    LAST = "last"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> TriggerReference | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


class TriggerStatus(StrEnum):
    TRIGGERED = "triggered"
    UNTRIGGERED = "untriggered"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> TriggerStatus | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


@attrs.frozen(kw_only=True)
class Fee:
    asset: str
    qty: Decimal


@attrs.frozen(kw_only=True)
class Triggers:
    reference: TriggerReference | None = None
    price: Decimal | None = None
    price_type: PriceType | None = None
    actual_price: Decimal | None = None
    peak_price: Decimal | None = None
    last_price: Decimal | None = None
    status: TriggerStatus | None = None
    timestamp: Rfc3339Timestamp | None = None


@attrs.frozen(kw_only=True)
class Contingent:
    order_type: OrderType | None = None
    trigger_price: Decimal | None = None
    trigger_price_type: PriceType | None = None
    limit_price: Decimal | None = None
    limit_price_type: PriceType | None = None


class Trigger(StrEnum):
    INDEX = "index"
    LAST = "last"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Trigger | None:
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the document does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)


@attrs.frozen(kw_only=True)
class ExecutionReport:
    exec_type: ExecType
    order_id: str
    order_status: OrderStatus | None = None
    timestamp: Rfc3339Timestamp | None = None
    cl_ord_id: str | None = None
    order_userref: int | None = None
    ext_ord_id: str | None = None
    symbol: str | None = None
    side: Side | None = None
    order_type: OrderType | None = None
    order_qty: Decimal | None = None
    cash_order_qty: Decimal | None = None
    display_qty: Decimal | None = None
    display_qty_remain: Decimal | None = None
    limit_price: Decimal | None = None
    limit_price_type: PriceType | None = None
    time_in_force: TimeInForce | None = None
    effective_time: Rfc3339Timestamp | None = None
    expire_time: Rfc3339Timestamp | None = None
    post_only: bool | None = None
    reduce_only: bool | None = None
    margin: bool | None = None
    no_mpp: bool | None = None
    triggers: Triggers | None = None
    contingent: Contingent | None = None
    exec_id: str | None = None
    trade_id: int | None = None
    ext_exec_id: str | None = None
    last_qty: Decimal | None = None
    last_price: Decimal | None = None
    cost: Decimal | None = None
    liquidity_ind: LiquidityInd | None = None
    cum_qty: Decimal | None = None
    cum_cost: Decimal | None = None
    avg_price: Decimal | None = None
    fees: list[Fee] | None = None
    fee_usd_equiv: Decimal | None = None
    fee_ccy_pref: FeeCcyPref | None = None
    reason: str | None = None
    cancel_reason: str | None = None
    amended: bool | None = None
    liquidated: bool | None = None
    margin_borrow: bool | None = None
    position_status: PositionStatus | None = None
    sender_sub_id: str | None = None
    ord_ref_id: str | None = None
    user: str | None = None
    stop_price: Decimal | None = None
    trigger: Trigger | None = None
    triggered_price: Decimal | None = None
    rate_count: Decimal | None = None


SubscribeExecutionsRequestPayload: TypeAlias = SubscribeExecutionsRequest


SubscribeExecutionsResponsePayload: TypeAlias = SubscribeExecutionsResponse


ErrorResponsePayload: TypeAlias = ErrorResponse


PingRequestPayload: TypeAlias = PingRequest


PongResponsePayload: TypeAlias = PongResponse


HeartbeatPayload: TypeAlias = Heartbeat


@attrs.frozen(kw_only=True)
class ExecutionsMessage:
    channel: Literal["executions"]
    type: ExecutionsMessageType
    data: list[ExecutionReport]
    sequence: int


ExecutionsPayload: TypeAlias = ExecutionsMessage
