from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.json_rpc_version import JsonRpcVersion
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.open_orders import OpenOrders


T = TypeVar("T", bound="GetOpenOrdersResponse")


@_attrs_define
class GetOpenOrdersResponse:
    """Successful answer: the JSON-RPC envelope around the subaccount's open orders.

    Attributes:
        id (int | str): The request id, echoed back.
        result (OpenOrders): The upstream `AggregatedOrdersResult`; both members are required there.
        jsonrpc (JsonRpcVersion | Unset): The JSON-RPC protocol version. v3 responses carry `"jsonrpc": "2.0"`; v2
            responses leave the member out. `x-enum-varnames` names the member `V2_0` (the generator would otherwise call it
            `VALUE_0`).
    """

    id: int | str
    result: OpenOrders
    jsonrpc: JsonRpcVersion | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str
        id = self.id

        result = self.result.to_dict()

        jsonrpc: str | Unset = UNSET
        if not isinstance(self.jsonrpc, Unset):
            jsonrpc = self.jsonrpc.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "result": result,
            }
        )
        if jsonrpc is not UNSET:
            field_dict["jsonrpc"] = jsonrpc

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.open_orders import OpenOrders  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        result = OpenOrders.from_dict(d.pop("result"))

        _jsonrpc = d.pop("jsonrpc", UNSET)
        jsonrpc: JsonRpcVersion | Unset
        if isinstance(_jsonrpc, Unset):
            jsonrpc = UNSET
        else:
            jsonrpc = JsonRpcVersion(_jsonrpc)

        get_open_orders_response = cls(
            id=id,
            result=result,
            jsonrpc=jsonrpc,
        )

        get_open_orders_response.additional_properties = d
        return get_open_orders_response

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
