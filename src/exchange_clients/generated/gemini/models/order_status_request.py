from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderStatusRequest")


@_attrs_define
class OrderStatusRequest:
    """Payload of `POST /v1/order/status`. Give either `order_id` or `client_order_id`, not both; neither is marked
    required because the choice is an alternative, not a pair (`MissingOrderField` is returned when no order is
    identified).

        Attributes:
            request (str | Unset): The API endpoint path, `/v1/order/status`. Set by the request signer from the URL path,
                so it is not required here.
            nonce (int | str | Unset): A number that must increase between requests of the same API key (or, for keys with a
                time-based nonce, Unix seconds within +/- 30 s of server time). Gemini recommends milliseconds. Strings are
                accepted for POST only; whole numbers for GET and POST. Set by the request signer, so it is not required here.
            order_id (int | Unset): The order id, an alternative to `client_order_id` (do not send both). Transmitted as an
                unsigned 64-bit integer in JSON, so it must stay exact beyond 2^53: never pass it through a float.
            client_order_id (str | Unset): The client-specified order id given when the order was placed, an alternative to
                `order_id` (do not send both).
            include_trades (bool | Unset): If `true`, the order's fills are returned in `trades`.
            account (str | Unset): Required for master API keys: the name of the account within the subaccount group. Only
                available for exchange accounts.
    """

    request: str | Unset = UNSET
    nonce: int | str | Unset = UNSET
    order_id: int | Unset = UNSET
    client_order_id: str | Unset = UNSET
    include_trades: bool | Unset = UNSET
    account: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request = self.request

        nonce: int | str | Unset
        if isinstance(self.nonce, Unset):
            nonce = UNSET
        else:
            nonce = self.nonce

        order_id = self.order_id

        client_order_id = self.client_order_id

        include_trades = self.include_trades

        account = self.account

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request is not UNSET:
            field_dict["request"] = request
        if nonce is not UNSET:
            field_dict["nonce"] = nonce
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if client_order_id is not UNSET:
            field_dict["client_order_id"] = client_order_id
        if include_trades is not UNSET:
            field_dict["include_trades"] = include_trades
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

        order_id = d.pop("order_id", UNSET)

        client_order_id = d.pop("client_order_id", UNSET)

        include_trades = d.pop("include_trades", UNSET)

        account = d.pop("account", UNSET)

        order_status_request = cls(
            request=request,
            nonce=nonce,
            order_id=order_id,
            client_order_id=client_order_id,
            include_trades=include_trades,
            account=account,
        )

        order_status_request.additional_properties = d
        return order_status_request

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
