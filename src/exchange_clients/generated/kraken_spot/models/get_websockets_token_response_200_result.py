from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetWebsocketsTokenResponse200Result")


@_attrs_define
class GetWebsocketsTokenResponse200Result:
    """
    Attributes:
        token (str | Unset): Websockets token
        expires (int | Unset): Time (in seconds) after which the token expires
    """

    token: str | Unset = UNSET
    expires: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        expires = self.expires

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if token is not UNSET:
            field_dict["token"] = token
        if expires is not UNSET:
            field_dict["expires"] = expires

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        token = d.pop("token", UNSET)

        expires = d.pop("expires", UNSET)

        get_websockets_token_response_200_result = cls(
            token=token,
            expires=expires,
        )

        get_websockets_token_response_200_result.additional_properties = d
        return get_websockets_token_response_200_result

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
