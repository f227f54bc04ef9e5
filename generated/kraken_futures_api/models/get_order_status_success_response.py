from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_success_result import ResultSuccessResult
from ..types import unread_properties

if TYPE_CHECKING:
    from ..models.order_status_details_json import OrderStatusDetailsJson


T = TypeVar("T", bound="GetOrderStatusSuccessResponse")

_PROPERTY_NAMES = frozenset(
    {
        "result",
        "serverTime",
        "orders",
    }
)


@_attrs_define
class GetOrderStatusSuccessResponse:
    """
    Attributes:
        result (ResultSuccessResult):  Example: success.
        server_time (datetime.datetime): Server time in Coordinated Universal Time (UTC) Example:
            2020-08-27T17:03:33.196Z.
        orders (list[OrderStatusDetailsJson]):
    """

    result: ResultSuccessResult
    server_time: datetime.datetime
    orders: list[OrderStatusDetailsJson]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result.value

        server_time = self.server_time.isoformat()

        orders = []
        for orders_item_data in self.orders:
            orders_item = orders_item_data.to_dict()
            orders.append(orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "serverTime": server_time,
                "orders": orders,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        result = ResultSuccessResult(src_dict["result"])

        server_time = datetime.datetime.fromisoformat(src_dict["serverTime"])

        orders = []
        _orders = src_dict["orders"]
        for orders_item_data in _orders:
            orders_item = OrderStatusDetailsJson.from_dict(orders_item_data)

            orders.append(orders_item)

        get_order_status_success_response = cls(
            result,
            server_time,
            orders,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            3,
        )

        get_order_status_success_response.additional_properties = d
        return get_order_status_success_response

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
from ..models.order_status_details_json import OrderStatusDetailsJson  # noqa: E402
