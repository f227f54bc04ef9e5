from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from exchange_clients.runtime import parse_decimal

from ..models.trigger_options_trigger_side import TriggerOptionsTriggerSide
from ..models.trigger_options_trigger_signal import TriggerOptionsTriggerSignal

T = TypeVar("T", bound="TriggerOptions")


@_attrs_define
class TriggerOptions:
    """
    Attributes:
        trigger_price (Decimal):
        trigger_side (TriggerOptionsTriggerSide): `unknown` is returned when the source value couldn't be decoded; this
            will be replaced with a real value as soon as possible.
        trigger_signal (TriggerOptionsTriggerSignal): `unknown` is returned when the source value couldn't be decoded;
            this will be replaced with a real value as soon as possible.
    """

    trigger_price: Decimal
    trigger_side: TriggerOptionsTriggerSide
    trigger_signal: TriggerOptionsTriggerSignal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trigger_price = self.trigger_price

        trigger_side = self.trigger_side.value

        trigger_signal = self.trigger_signal.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "triggerPrice": trigger_price,
                "triggerSide": trigger_side,
                "triggerSignal": trigger_signal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        trigger_price = parse_decimal(d.pop("triggerPrice"), "triggerPrice")

        trigger_side = TriggerOptionsTriggerSide(d.pop("triggerSide"))

        trigger_signal = TriggerOptionsTriggerSignal(d.pop("triggerSignal"))

        trigger_options = cls(
            trigger_price=trigger_price,
            trigger_side=trigger_side,
            trigger_signal=trigger_signal,
        )

        trigger_options.additional_properties = d
        return trigger_options

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
