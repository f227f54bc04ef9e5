from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_websockets_token_response_200_result import GetWebsocketsTokenResponse200Result


T = TypeVar("T", bound="GetWebsocketsTokenResponse200")


@_attrs_define
class GetWebsocketsTokenResponse200:
    """
    Example:
        {'error': [], 'result': {'token': '1Dwc4lzSwNWOAwkMdqhssNNFhs1ed606d1WcF3XfEMw', 'expires': 900}}

    Attributes:
        result (GetWebsocketsTokenResponse200Result | Unset):
        error (list[str] | Unset): Kraken's errors, each a string such as "EAPI:Invalid key"; empty on success.
    """

    result: GetWebsocketsTokenResponse200Result | Unset = UNSET
    error: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.to_dict()

        error: list[str] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_websockets_token_response_200_result import GetWebsocketsTokenResponse200Result  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        _result = d.pop("result", UNSET)
        result: GetWebsocketsTokenResponse200Result | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = GetWebsocketsTokenResponse200Result.from_dict(_result)

        error = cast(list[str], d.pop("error", UNSET))

        get_websockets_token_response_200 = cls(
            result=result,
            error=error,
        )

        get_websockets_token_response_200.additional_properties = d
        return get_websockets_token_response_200

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
