from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from exchange_clients.runtime import UnionMismatchError, parse_decimal

from ..models.cached_order_json_type import CachedOrderJsonType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trigger_options import TriggerOptions


T = TypeVar("T", bound="CachedOrderJson")


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
        from ..models.trigger_options import TriggerOptions  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        type_ = CachedOrderJsonType(d.pop("type"))

        order_id = UUID(d.pop("orderId"))

        def _parse_cli_ord_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cli_ord_id = _parse_cli_ord_id(d.pop("cliOrdId"))

        symbol = d.pop("symbol")

        side = d.pop("side")

        def _parse_quantity(data: object) -> Decimal | None:
            if data is None:
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                quantity_type_0 = parse_decimal(data, "quantity")

                return quantity_type_0
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("Decimal", error))
            raise UnionMismatchError("quantity", mismatches)

        quantity = _parse_quantity(d.pop("quantity"))

        def _parse_filled(data: object) -> Decimal | None:
            if data is None:
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                filled_type_0 = parse_decimal(data, "filled")

                return filled_type_0
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("Decimal", error))
            raise UnionMismatchError("filled", mismatches)

        filled = _parse_filled(d.pop("filled"))

        def _parse_limit_price(data: object) -> Decimal | None:
            if data is None:
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                limit_price_type_0 = parse_decimal(data, "limitPrice")

                return limit_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("Decimal", error))
            raise UnionMismatchError("limitPrice", mismatches)

        limit_price = _parse_limit_price(d.pop("limitPrice"))

        reduce_only = d.pop("reduceOnly")

        timestamp = d.pop("timestamp")

        last_update_timestamp = d.pop("lastUpdateTimestamp")

        def _parse_price_trigger_options(data: object) -> None | TriggerOptions | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, dict):
                    raise TypeError(f"expected TriggerOptions, got {type(data).__name__}")
                price_trigger_options_type_1 = TriggerOptions.from_dict(data)

                return price_trigger_options_type_1
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("TriggerOptions", error))
            raise UnionMismatchError("priceTriggerOptions", mismatches)

        price_trigger_options = _parse_price_trigger_options(d.pop("priceTriggerOptions", UNSET))

        def _parse_trigger_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trigger_time = _parse_trigger_time(d.pop("triggerTime", UNSET))

        def _parse_algo_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        algo_id = _parse_algo_id(d.pop("algoId", UNSET))

        cached_order_json = cls(
            type_=type_,
            order_id=order_id,
            cli_ord_id=cli_ord_id,
            symbol=symbol,
            side=side,
            quantity=quantity,
            filled=filled,
            limit_price=limit_price,
            reduce_only=reduce_only,
            timestamp=timestamp,
            last_update_timestamp=last_update_timestamp,
            price_trigger_options=price_trigger_options,
            trigger_time=trigger_time,
            algo_id=algo_id,
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
