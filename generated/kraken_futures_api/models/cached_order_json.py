from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cached_order_json_type import CachedOrderJsonType
from ..types import UNSET, UnionMismatchError, Unset, parse_decimal, unread_properties

if TYPE_CHECKING:
    from ..models.trigger_options import TriggerOptions


T = TypeVar("T", bound="CachedOrderJson")

_PROPERTY_NAMES = frozenset(
    {
        "type",
        "orderId",
        "cliOrdId",
        "symbol",
        "side",
        "quantity",
        "filled",
        "limitPrice",
        "reduceOnly",
        "timestamp",
        "lastUpdateTimestamp",
        "priceTriggerOptions",
        "triggerTime",
        "algoId",
    }
)


@_attrs_define
class CachedOrderJson:
    """
    Attributes:
        type_ (CachedOrderJsonType):
        order_id (UUID):
        cli_ord_id (None | str):
        symbol (str):
        side (str):
        quantity (Decimal | None): The quantity still open (not yet filled); 0 once the order is filled. The amount
            ordered is quantity + filled. Not said by Kraken: read from real answers (patch 006).
        filled (Decimal | None):
        limit_price (Decimal | None):
        reduce_only (bool):
        timestamp (str):
        last_update_timestamp (str):
        price_trigger_options (None | TriggerOptions | Unset):
        trigger_time (None | str | Unset):
        algo_id (None | str | Unset): Id of the algorithm that placed this order, or null. Not described by Kraken (see
            patch 001).
    """

    type_: CachedOrderJsonType
    order_id: UUID
    cli_ord_id: None | str
    symbol: str
    side: str
    quantity: Decimal | None
    filled: Decimal | None
    limit_price: Decimal | None
    reduce_only: bool
    timestamp: str
    last_update_timestamp: str
    price_trigger_options: None | TriggerOptions | Unset = UNSET
    trigger_time: None | str | Unset = UNSET
    algo_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trigger_options import TriggerOptions  # noqa: PLC0415

        type_ = self.type_.value

        order_id = str(self.order_id)

        cli_ord_id: None | str
        cli_ord_id = self.cli_ord_id

        symbol = self.symbol

        side = self.side

        quantity: Decimal | None
        quantity = self.quantity

        filled: Decimal | None
        filled = self.filled

        limit_price: Decimal | None
        limit_price = self.limit_price

        reduce_only = self.reduce_only

        timestamp = self.timestamp

        last_update_timestamp = self.last_update_timestamp

        price_trigger_options: dict[str, Any] | None | Unset
        if isinstance(self.price_trigger_options, Unset):
            price_trigger_options = UNSET
        elif isinstance(self.price_trigger_options, TriggerOptions):
            price_trigger_options = self.price_trigger_options.to_dict()
        else:
            price_trigger_options = self.price_trigger_options

        trigger_time: None | str | Unset
        if isinstance(self.trigger_time, Unset):
            trigger_time = UNSET
        else:
            trigger_time = self.trigger_time

        algo_id: None | str | Unset
        if isinstance(self.algo_id, Unset):
            algo_id = UNSET
        else:
            algo_id = self.algo_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "orderId": order_id,
                "cliOrdId": cli_ord_id,
                "symbol": symbol,
                "side": side,
                "quantity": quantity,
                "filled": filled,
                "limitPrice": limit_price,
                "reduceOnly": reduce_only,
                "timestamp": timestamp,
                "lastUpdateTimestamp": last_update_timestamp,
            }
        )
        if price_trigger_options is not UNSET:
            field_dict["priceTriggerOptions"] = price_trigger_options
        if trigger_time is not UNSET:
            field_dict["triggerTime"] = trigger_time
        if algo_id is not UNSET:
            field_dict["algoId"] = algo_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        type_ = CachedOrderJsonType(src_dict["type"])

        order_id = UUID(src_dict["orderId"])

        cli_ord_id: None | str = src_dict["cliOrdId"]

        symbol = src_dict["symbol"]

        side = src_dict["side"]

        _quantity_union = src_dict["quantity"]
        quantity: Decimal | None
        if _quantity_union is None:
            quantity = None
        else:
            try:
                quantity_type_0 = parse_decimal(_quantity_union, "quantity")
            except (TypeError, ValueError, AttributeError, KeyError) as _quantity_union_mismatch:
                raise UnionMismatchError(
                    "quantity", [("Decimal", _quantity_union_mismatch)]
                ) from _quantity_union_mismatch
            quantity = quantity_type_0

        _filled_union = src_dict["filled"]
        filled: Decimal | None
        if _filled_union is None:
            filled = None
        else:
            try:
                filled_type_0 = parse_decimal(_filled_union, "filled")
            except (TypeError, ValueError, AttributeError, KeyError) as _filled_union_mismatch:
                raise UnionMismatchError("filled", [("Decimal", _filled_union_mismatch)]) from _filled_union_mismatch
            filled = filled_type_0

        _limit_price_union = src_dict["limitPrice"]
        limit_price: Decimal | None
        if _limit_price_union is None:
            limit_price = None
        else:
            try:
                limit_price_type_0 = parse_decimal(_limit_price_union, "limitPrice")
            except (TypeError, ValueError, AttributeError, KeyError) as _limit_price_union_mismatch:
                raise UnionMismatchError(
                    "limitPrice", [("Decimal", _limit_price_union_mismatch)]
                ) from _limit_price_union_mismatch
            limit_price = limit_price_type_0

        reduce_only = src_dict["reduceOnly"]

        timestamp = src_dict["timestamp"]

        last_update_timestamp = src_dict["lastUpdateTimestamp"]

        _price_trigger_options_union = src_dict.get("priceTriggerOptions", UNSET)
        price_trigger_options: None | TriggerOptions | Unset
        if _price_trigger_options_union is None:
            price_trigger_options = None
        elif isinstance(_price_trigger_options_union, Unset):
            price_trigger_options = UNSET
        else:
            try:
                if not isinstance(_price_trigger_options_union, dict):
                    raise TypeError(f"expected TriggerOptions, got {type(_price_trigger_options_union).__name__}")
                price_trigger_options_type_1 = TriggerOptions.from_dict(_price_trigger_options_union)
            except (TypeError, ValueError, AttributeError, KeyError) as _price_trigger_options_union_mismatch:
                raise UnionMismatchError(
                    "priceTriggerOptions", [("TriggerOptions", _price_trigger_options_union_mismatch)]
                ) from _price_trigger_options_union_mismatch
            price_trigger_options = price_trigger_options_type_1

        trigger_time: None | str | Unset = src_dict.get("triggerTime", UNSET)

        algo_id: None | str | Unset = src_dict.get("algoId", UNSET)

        cached_order_json = cls(
            type_,
            order_id,
            cli_ord_id,
            symbol,
            side,
            quantity,
            filled,
            limit_price,
            reduce_only,
            timestamp,
            last_update_timestamp,
            price_trigger_options,
            trigger_time,
            algo_id,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            11 + (price_trigger_options is not UNSET) + (trigger_time is not UNSET) + (algo_id is not UNSET),
        )

        cached_order_json.additional_properties = d
        return cached_order_json

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


# Imported at the end rather than inside from_dict: these models may import this one, a cycle that resolves once
# every module's class exists, and an import statement run on every from_dict cost about a microsecond.
from ..models.trigger_options import TriggerOptions  # noqa: E402
