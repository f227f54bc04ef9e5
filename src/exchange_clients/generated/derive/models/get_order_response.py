from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.json_rpc_version import JsonRpcVersion
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order import Order


T = TypeVar("T", bound="GetOrderResponse")


@_attrs_define
class GetOrderResponse:
    """Successful answer: the JSON-RPC envelope around one order.

    Attributes:
        id (int | str): The request id, echoed back.
        result (Order): One order. Every field of the v2 seed plus the v3 fields of
            exchange_facts.md section 4.4.

            `required` is the fields both of Derive's published documents require:
            v3's openapi.json (specs/derive/upstream/openapi.json) and v2's field
            list (shared/seeds/004_fffab5bdc767ca2b.txt). `cancel_reason` and
            `label` are not among them: v3 requires neither (`default: ""`).
            Decision: fields only v3 requires (`extra_fee`, `replaced_order_id`,
            `signed_limit_price`, `trigger_price`) stay optional so that the
            `lyra` (v2) environments' answers parse; each is declared in
            specs/derive/divergences.yaml.

            Decision: decimal values are strings (`format: decimal`) with no limit
            on fractional digits. v3 documents "up to 12 fractional digits" for
            inputs; v2 values may carry 18 (on-chain fixed point). Parse them
            exactly, never through float.
        jsonrpc (JsonRpcVersion | Unset): The JSON-RPC protocol version. v3 responses carry `"jsonrpc": "2.0"`; v2
            responses leave the member out. `x-enum-varnames` names the member `V2_0` (the generator would otherwise call it
            `VALUE_0`).
    """

    id: int | str
    result: Order
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
        from ..models.order import Order  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(d.pop("id"))

        result = Order.from_dict(d.pop("result"))

        _jsonrpc = d.pop("jsonrpc", UNSET)
        jsonrpc: JsonRpcVersion | Unset
        if isinstance(_jsonrpc, Unset):
            jsonrpc = UNSET
        else:
            jsonrpc = JsonRpcVersion(_jsonrpc)

        get_order_response = cls(
            id=id,
            result=result,
            jsonrpc=jsonrpc,
        )

        get_order_response.additional_properties = d
        return get_order_response

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
