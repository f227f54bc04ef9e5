from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from exchange_clients.runtime import UnionMismatchError

from ..models.order_error import OrderError
from ..models.order_status_json import OrderStatusJson
from ..models.order_update_reason import OrderUpdateReason

if TYPE_CHECKING:
    from ..models.cached_order_json import CachedOrderJson


T = TypeVar("T", bound="OrderStatusDetailsJson")


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
        from ..models.cached_order_json import CachedOrderJson  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        order = CachedOrderJson.from_dict(d.pop("order"))

        status = OrderStatusJson(d.pop("status"))

        def _parse_update_reason(data: object) -> None | OrderUpdateReason:
            if data is None:
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, str):
                    raise TypeError(f"expected OrderUpdateReason, got {type(data).__name__}")
                update_reason_type_1 = OrderUpdateReason(data)

                return update_reason_type_1
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("OrderUpdateReason", error))
            raise UnionMismatchError("updateReason", mismatches)

        update_reason = _parse_update_reason(d.pop("updateReason"))

        def _parse_error(data: object) -> None | OrderError:
            if data is None:
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, str):
                    raise TypeError(f"expected OrderError, got {type(data).__name__}")
                error_type_1 = OrderError(data)

                return error_type_1
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("OrderError", error))
            raise UnionMismatchError("error", mismatches)

        error = _parse_error(d.pop("error"))

        order_status_details_json = cls(
            order=order,
            status=status,
            update_reason=update_reason,
            error=error,
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
