from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trigger_options_trigger_side import TriggerOptionsTriggerSide
from ..models.trigger_options_trigger_signal import TriggerOptionsTriggerSignal
from ..types import parse_decimal, unread_properties

T = TypeVar("T", bound="TriggerOptions")

_PROPERTY_NAMES = frozenset(
    {
        "triggerPrice",
        "triggerSide",
        "triggerSignal",
    }
)


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
        trigger_price = parse_decimal(src_dict["triggerPrice"], "triggerPrice")

        trigger_side = TriggerOptionsTriggerSide(src_dict["triggerSide"])

        trigger_signal = TriggerOptionsTriggerSignal(src_dict["triggerSignal"])

        trigger_options = cls(
            trigger_price,
            trigger_side,
            trigger_signal,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            3,
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
