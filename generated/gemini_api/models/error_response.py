from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_reason import ErrorReason
from ..models.error_result import ErrorResult
from ..types import unread_properties

T = TypeVar("T", bound="ErrorResponse")

_PROPERTY_NAMES = frozenset(
    {
        "result",
        "reason",
        "message",
    }
)


@_attrs_define
class ErrorResponse:
    """The JSON body of every non-200 response.

    Attributes:
        result (ErrorResult): Always `error` in an error body.
        reason (ErrorReason): Machine-readable error reason, from Gemini's error-codes page
            (https://developer.gemini.com/error-codes). Statuses confirmed by
            Gemini's conformance fixtures: `InvalidNonce` 400, `OrderNotFound` 404,
            `RateLimit` 429.

            Decision: `InvalidSignature` is expected with HTTP 400; Gemini does not
            state its status, and its status table puts missing or malformed
            authentication headers under 400.

            Decision: `InsufficientFunds` is included beyond the reasons listed in
            exchange_facts.md section 1.5, because the documented 406 status means
            insufficient funds and Gemini's error-codes table names this reason.
        message (str): A human-readable English string with more information.
    """

    result: ErrorResult
    reason: ErrorReason
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result.value

        reason = self.reason.value

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "reason": reason,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        result = ErrorResult(src_dict["result"])

        reason = ErrorReason(src_dict["reason"])

        message = src_dict["message"]

        error_response = cls(
            result,
            reason,
            message,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            3,
        )

        error_response.additional_properties = d
        return error_response

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
