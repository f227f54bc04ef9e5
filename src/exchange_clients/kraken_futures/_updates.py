"""
Kraken's Unified WebSocket `executions` reports as normalized Orders, for Kraken Futures.

Kraken: "exec_type describes the event; order_status describes the order's state", and "The fields included depend
on the asset class and exec_type" (unified-ws/executions). Reports are sparse: a cancel names the order and its
fill, not its market; so an ExecutionBook keeps what the reports of each order have said, and every report is read
against it. The state comes from `order_status` when sent, else from a terminal event (filled, canceled, expired),
else it stays what it was: never from arithmetic, since Kraken warns that "a trade event can report order_status:
partially_filled even when that trade fills the entire order" and a separate event reports completion.

Decisions where Kraken is silent (specs/kraken_futures/asyncapi.yaml says what was read):
- `pending_new` (validated, not yet live) is OPEN: a working order, not a terminal one.
- The fill is `cum_qty` when sent; a trade report without it adds its `last_qty` to the fill known before, once per
  `exec_id`; otherwise the fill is what it was.
- An order whose reports never named its market has the symbol "" (unknown), its side and type UNKNOWN.
- No fee: a report's `fees` are the execution's, per asset, not the order's.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from exchange_clients._messages import MessageShapeError, read_message
from exchange_clients._normalize import MALFORMED, exact_sum, remaining, unexpected, utc_from_iso
from exchange_clients._order import Exchange, Order, OrderStatus, OrderType, Side
from exchange_clients.generated.streams.kraken_futures import (
    ExecType,
    ExecutionReport,
    ExecutionsMessage,
    TriggerStatus,
)
from exchange_clients.generated.streams.kraken_futures import OrderStatus as ReportStatus
from exchange_clients.generated.streams.kraken_futures import OrderType as ReportType
from exchange_clients.generated.streams.kraken_futures import Side as ReportSide


__all__ = ["STATUS_TABLE", "ExecutionBook"]

STATUS_TABLE: Mapping[str, OrderStatus] = MappingProxyType(
    {
        ReportStatus.PENDING_NEW: OrderStatus.OPEN,
        ReportStatus.NEW: OrderStatus.OPEN,
        ReportStatus.PARTIALLY_FILLED: OrderStatus.PARTIALLY_FILLED,
        ReportStatus.FILLED: OrderStatus.FILLED,
        ReportStatus.CANCELED: OrderStatus.CANCELED,
        ReportStatus.EXPIRED: OrderStatus.EXPIRED,
    }
)
"""Every `order_status` Kraken documents; anything else is UNKNOWN."""

# The events that say the order's state by themselves, for a report that leaves out `order_status`.
_STATE_OF_EVENT: Mapping[str, OrderStatus] = MappingProxyType(
    {
        ExecType.NEW: OrderStatus.OPEN,
        ExecType.FILLED: OrderStatus.FILLED,
        ExecType.CANCELED: OrderStatus.CANCELED,
        ExecType.EXPIRED: OrderStatus.EXPIRED,
    }
)
_SIDES = MappingProxyType({ReportSide.BUY: Side.BUY, ReportSide.SELL: Side.SELL})
_TYPES = MappingProxyType(
    {
        ReportType.LIMIT: OrderType.LIMIT,
        ReportType.MARKET: OrderType.MARKET,
        ReportType.STOP_LOSS: OrderType.STOP_MARKET,
        ReportType.STOP_LOSS_LIMIT: OrderType.STOP_LIMIT,
    }
)


@attrs.define
class _Known:
    """What the reports of one order have said so far."""

    report: ExecutionReport
    status: OrderStatus = OrderStatus.UNKNOWN
    raw_status: str = ""
    filled: Decimal | None = None
    executions: set[str] = attrs.Factory(set)


class ExecutionBook:
    """The reports of one stream, by order: each new one read as a whole Order, with what earlier ones said."""

    def __init__(self) -> None:
        self._known: dict[str, _Known] = {}

    def read(self, message: Mapping[str, Any]) -> list[Order]:
        """The Orders of one decoded `executions` message, in its order; UnexpectedResponseError if it is not one."""
        try:
            executions = read_message(message, ExecutionsMessage)
        except MessageShapeError as error:
            raise unexpected(Exchange.KRAKEN_FUTURES, "watch_orders", message, error) from None
        try:
            return [self._order(report) for report in executions.data]
        except MALFORMED as error:
            raise unexpected(Exchange.KRAKEN_FUTURES, "watch_orders", message, error) from None

    def read_snapshot(self, message: Mapping[str, Any]) -> tuple[list[Order], list[ExecutionReport]]:
        """
        A snapshot's open orders (the latest state of each), and its trades.

        Kraken: "By default, the snapshot response contains all open orders and latest 50 trades". A trade report is
        an execution of an order that may be closed now, so it is kept apart, for `settle`, not read as an order.
        """
        try:
            executions = read_message(message, ExecutionsMessage)
        except MessageShapeError as error:
            raise unexpected(Exchange.KRAKEN_FUTURES, "watch_orders", message, error) from None
        trades = [report for report in executions.data if report.exec_type == ExecType.TRADE]
        try:
            orders = [self._order(report) for report in executions.data if report.exec_type != ExecType.TRADE]
        except MALFORMED as error:
            raise unexpected(Exchange.KRAKEN_FUTURES, "watch_orders", message, error) from None
        return list({order.order_id: order for order in orders}.values()), trades

    @staticmethod
    def settle(gone: list[Order], trades: list[ExecutionReport]) -> tuple[list[Order], list[Order]]:
        """
        What a snapshot's trades show of orders followed that are no longer open: (orders now known, orders unknown).

        An order whose trades add up to its whole amount was filled. Otherwise its trades may say it filled further
        (known, and still unknown: whether it was then cancelled or filled by trades older than the snapshot's last 50
        cannot be told), or nothing. Decision: the fill is the largest `cum_qty` of its trades, or else the sum of
        their `last_qty` once per execution: a lower bound either way, since older trades may be missing.
        """
        known: list[Order] = []
        unknown: list[Order] = []
        for order in gone:
            own = [trade for trade in trades if trade.order_id == order.order_id]
            filled = _filled_by(own)
            if filled is not None and order.amount is not None and filled >= order.amount:
                known.append(_ended_by(order, own[-1], order.amount))
                continue
            if filled is not None and filled > (order.filled or Decimal(0)):
                known.append(_ended_by(order, own[-1], filled))
            unknown.append(order)
        return known, unknown

    def _order(self, report: ExecutionReport) -> Order:
        known = self._known.get(report.order_id)
        if known is None:
            known = self._known[report.order_id] = _Known(report)
        merged = attrs.evolve(
            known.report,
            **{name: value for name, value in attrs.asdict(report, recurse=False).items() if value is not None},
        )
        known.report = merged
        known.filled = self._filled(report, known)
        if report.order_status is not None:
            known.status = STATUS_TABLE.get(report.order_status, OrderStatus.UNKNOWN)
            known.raw_status = str(report.order_status)
        elif report.exec_type in _STATE_OF_EVENT:
            known.status = _STATE_OF_EVENT[report.exec_type]
            known.raw_status = str(report.exec_type)
        status = known.status
        if status is OrderStatus.OPEN and known.filled:
            status = OrderStatus.PARTIALLY_FILLED
        elif (
            status is OrderStatus.OPEN
            and merged.triggers is not None
            and merged.triggers.status == TriggerStatus.UNTRIGGERED
        ):
            # A stop or take-profit order waiting for its trigger: what the REST answer calls TRIGGER_PLACED.
            status = OrderStatus.UNTRIGGERED
        amount = merged.order_qty or None
        if status.is_final:
            # Nothing after a terminal state changes the order (OrderTracker refuses it): what its reports said goes.
            del self._known[report.order_id]
        return Order(
            exchange=Exchange.KRAKEN_FUTURES,
            order_id=report.order_id,
            client_order_id=merged.cl_ord_id or None,
            symbol=merged.symbol or "",
            side=_SIDES.get(merged.side, Side.UNKNOWN) if merged.side is not None else Side.UNKNOWN,
            order_type=_TYPES.get(merged.order_type, OrderType.UNKNOWN) if merged.order_type else OrderType.UNKNOWN,
            status=status,
            # A market order's limit price of 0 is no price.
            price=merged.limit_price or None,
            amount=amount,
            filled=known.filled,
            remaining=remaining(amount, known.filled),
            average_price=merged.avg_price if known.filled and merged.avg_price else None,
            fee=None,
            fee_currency=None,
            created_at=None,
            updated_at=utc_from_iso(merged.timestamp, "timestamp") if merged.timestamp is not None else None,
            raw_status=known.raw_status or str(report.exec_type),
            raw=report,
        )

    @staticmethod
    def _filled(report: ExecutionReport, known: _Known) -> Decimal | None:
        if report.cum_qty is not None:
            return report.cum_qty
        if report.exec_type == ExecType.TRADE and report.last_qty is not None:
            execution = report.exec_id or f"trade-{report.trade_id}"
            if execution not in known.executions:
                known.executions.add(execution)
                return exact_sum([known.filled or Decimal(0), report.last_qty])
        return known.filled


def _filled_by(trades: list[ExecutionReport]) -> Decimal | None:
    totals = [trade.cum_qty for trade in trades if trade.cum_qty is not None]
    if totals:
        return max(totals)
    quantities = {trade.exec_id or f"trade-{trade.trade_id}": trade.last_qty for trade in trades}
    sent = [quantity for quantity in quantities.values() if quantity is not None]
    return exact_sum(sent) if sent else None


def _ended_by(order: Order, trade: ExecutionReport, filled: Decimal) -> Order:
    """`order` as its trades leave it: FILLED when they cover its amount, else PARTIALLY_FILLED."""
    whole = order.amount is not None and filled >= order.amount
    return attrs.evolve(
        order,
        status=OrderStatus.FILLED if whole else OrderStatus.PARTIALLY_FILLED,
        filled=filled,
        remaining=remaining(order.amount, filled),
        average_price=trade.avg_price or order.average_price,
        updated_at=utc_from_iso(trade.timestamp, "timestamp") if trade.timestamp is not None else order.updated_at,
        raw_status="filled" if whole else "partially_filled",
        raw=trade,
    )
