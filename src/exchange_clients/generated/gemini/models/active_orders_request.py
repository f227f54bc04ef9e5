from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActiveOrdersRequest")


@_attrs_define
class ActiveOrdersRequest:
    """Payload of `POST /v1/orders`.

    Attributes:
        request (str | Unset): The API endpoint path, `/v1/orders`. Set by the request signer from the URL path, so it
            is not required here.
        nonce (int | str | Unset): A number that must increase between requests of the same API key (or, for keys with a
            time-based nonce, Unix seconds within +/- 30 s of server time). Gemini recommends milliseconds. Strings are
            accepted for POST only; whole numbers for GET and POST. Set by the request signer, so it is not required here.
        account (str | Unset): Required for master API keys: the name of the account within the subaccount group. Only
            available for exchange accounts.
    """

    request: str | Unset = UNSET
    nonce: int | str | Unset = UNSET
    account: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request = self.request

        nonce: int | str | Unset
        if isinstance(self.nonce, Unset):
            nonce = UNSET
        else:
            nonce = self.nonce

        account = self.account

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request is not UNSET:
            field_dict["request"] = request
        if nonce is not UNSET:
            field_dict["nonce"] = nonce
        if account is not UNSET:
            field_dict["account"] = account

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        request = d.pop("request", UNSET)

        def _parse_nonce(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        nonce = _parse_nonce(d.pop("nonce", UNSET))

        account = d.pop("account", UNSET)

        active_orders_request = cls(
            request=request,
            nonce=nonce,
            account=account,
        )

        active_orders_request.additional_properties = d
        return active_orders_request

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
