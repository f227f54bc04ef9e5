from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_error import OrderError
from ..models.order_status_json import OrderStatusJson
from ..models.order_update_reason import OrderUpdateReason
from ..types import UnionMismatchError, unread_properties

if TYPE_CHECKING:
    from ..models.cached_order_json import CachedOrderJson


T = TypeVar("T", bound="OrderStatusDetailsJson")

_PROPERTY_NAMES = frozenset(
    {
        "order",
        "status",
        "updateReason",
        "error",
    }
)


@_attrs_define
class OrderStatusDetailsJson:
    """
    Attributes:
        order (CachedOrderJson):
        status (OrderStatusJson):
        update_reason (None | OrderUpdateReason):
        error (None | OrderError):
    """

    order: CachedOrderJson
    status: OrderStatusJson
    update_reason: None | OrderUpdateReason
    error: None | OrderError
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order = self.order.to_dict()

        status = self.status.value

        update_reason: None | str
        if isinstance(self.update_reason, OrderUpdateReason):
            update_reason = self.update_reason.value
        else:
            update_reason = self.update_reason

        error: None | str
        if isinstance(self.error, OrderError):
            error = self.error.value
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order": order,
                "status": status,
                "updateReason": update_reason,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        order = CachedOrderJson.from_dict(src_dict["order"])

        status = OrderStatusJson(src_dict["status"])

        _update_reason_union = src_dict["updateReason"]
        update_reason: None | OrderUpdateReason
        if _update_reason_union is None:
            update_reason = None
        else:
            try:
                if not isinstance(_update_reason_union, str):
                    raise TypeError(f"expected OrderUpdateReason, got {type(_update_reason_union).__name__}")
                update_reason_type_1 = OrderUpdateReason(_update_reason_union)
            except (TypeError, ValueError, AttributeError, KeyError) as _update_reason_union_mismatch:
                raise UnionMismatchError(
                    "updateReason", [("OrderUpdateReason", _update_reason_union_mismatch)]
                ) from _update_reason_union_mismatch
            update_reason = update_reason_type_1

        _error_union = src_dict["error"]
        error: None | OrderError
        if _error_union is None:
            error = None
        else:
            try:
                if not isinstance(_error_union, str):
                    raise TypeError(f"expected OrderError, got {type(_error_union).__name__}")
                error_type_1 = OrderError(_error_union)
            except (TypeError, ValueError, AttributeError, KeyError) as _error_union_mismatch:
                raise UnionMismatchError("error", [("OrderError", _error_union_mismatch)]) from _error_union_mismatch
            error = error_type_1

        order_status_details_json = cls(
            order,
            status,
            update_reason,
            error,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            4,
        )

        order_status_details_json.additional_properties = d
        return order_status_details_json

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
from ..models.cached_order_json import CachedOrderJson  # noqa: E402
