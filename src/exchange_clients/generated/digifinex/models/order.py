from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from exchange_clients.runtime import parse_decimal

from ..models.order_kind import OrderKind
from ..models.order_status import OrderStatus
from ..models.order_type import OrderType

T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """One order in the status list. Every field is marked mandatory in the
    docs, so all are required.

    Decision: `price`, `amount`, `cash_amount`, `executed_amount` and
    `avg_price` are plain `type: number` with no `format` and no bounds:
    the docs say "float" and show JSON numbers (sometimes integers, e.g.
    `1`). Our pipeline parses them as exact `Decimal`; the stock generated
    code keeps whatever `json` produced (`int` or `float`). Outcome checks
    belong in the overlay, not in schema constraints.

        Attributes:
            symbol (str): Symbol name, e.g. `BTC_USDT`.
            order_id (str): Order id (32 hex characters in the docs' examples; not enforced).
            created_date (int): Creation time, Unix seconds.
            finished_date (int): Finish time, Unix seconds; 0 if the order is not finished.
            price (Decimal): Order price (JSON number).

                Decision: for market orders the value (probably 0) is
                UNCONFIRMED; it is not validated.
            amount (Decimal): Order volume (JSON number).
            cash_amount (Decimal): Cash amount of the order, "0 for none order" (docs wording).

                Decision: the exact meaning is UNCONFIRMED (the seed shows
                `cash_amount` 1 for price 0.1 and amount 1), so no relation to
                `price` and `amount` is assumed.
            executed_amount (Decimal): Amount executed so far (JSON number).
            avg_price (Decimal): Average price of the executed amount; 0 if nothing executed (JSON number).
            status (OrderStatus): Order status.

                | Value | Name | Meaning |
                |---|---|---|
                | 0 | NONE_EXECUTED | none executed (open) |
                | 1 | PARTIALLY_EXECUTED | partially executed (open) |
                | 2 | FULLY_EXECUTED | fully executed (final) |
                | 3 | CANCELLED_NONE_EXECUTED | cancelled with none executed (final) |
                | 4 | CANCELLED_PARTIALLY_EXECUTED | cancelled with partially executed (final) |
            type_ (OrderType): Order type.

                | Value | Meaning |
                |---|---|
                | `buy` | limit buy |
                | `sell` | limit sell |
                | `buy_market` | market buy |
                | `sell_market` | market sell |

                Decision: only the four documented values. The stock generator
                rejects any other value with `ValueError`; tolerance of unknown
                values, if wanted, belongs in the overlay's templates.
            kind (OrderKind): `kind` of a returned order: `spot` or `margin`.

                Decision: a separate enum from `Market` (same values today). `Market`
                is a request input and stays strict; `OrderKind` is a response value
                that the overlay may make tolerant of new values without loosening the
                request side.
    """

    symbol: str
    order_id: str
    created_date: int
    finished_date: int
    price: Decimal
    amount: Decimal
    cash_amount: Decimal
    executed_amount: Decimal
    avg_price: Decimal
    status: OrderStatus
    type_: OrderType
    kind: OrderKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        order_id = self.order_id

        created_date = self.created_date

        finished_date = self.finished_date

        price = self.price

        amount = self.amount

        cash_amount = self.cash_amount

        executed_amount = self.executed_amount

        avg_price = self.avg_price

        status = self.status.value

        type_ = self.type_.value

        kind = self.kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "order_id": order_id,
                "created_date": created_date,
                "finished_date": finished_date,
                "price": price,
                "amount": amount,
                "cash_amount": cash_amount,
                "executed_amount": executed_amount,
                "avg_price": avg_price,
                "status": status,
                "type": type_,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        symbol = d.pop("symbol")

        order_id = d.pop("order_id")

        created_date = d.pop("created_date")

        finished_date = d.pop("finished_date")

        price = parse_decimal(d.pop("price"), "price")

        amount = parse_decimal(d.pop("amount"), "amount")

        cash_amount = parse_decimal(d.pop("cash_amount"), "cash_amount")

        executed_amount = parse_decimal(d.pop("executed_amount"), "executed_amount")

        avg_price = parse_decimal(d.pop("avg_price"), "avg_price")

        status = OrderStatus(d.pop("status"))

        type_ = OrderType(d.pop("type"))

        kind = OrderKind(d.pop("kind"))

        order = cls(
            symbol=symbol,
            order_id=order_id,
            created_date=created_date,
            finished_date=finished_date,
            price=price,
            amount=amount,
            cash_amount=cash_amount,
            executed_amount=executed_amount,
            avg_price=avg_price,
            status=status,
            type_=type_,
            kind=kind,
        )

        order.additional_properties = d
        return order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
