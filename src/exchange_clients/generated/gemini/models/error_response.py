from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_reason import ErrorReason
from ..models.error_result import ErrorResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """The JSON body of a non-200 response.

    Gemini sends two envelopes (its conformance fixtures
    missing-role-403-result-envelope and missing-role-403-error-envelope):
    `{"result": "error", "reason": ..., "message": ...}` and
    `{"error": ..., "message": ...}`. Nothing is required, since neither
    envelope has all of the other's fields; the reason is `reason` or, in
    the second envelope, `error`.

        Attributes:
            result (ErrorResult | Unset): Always `error` in an error body.
            reason (ErrorReason | Unset): Machine-readable error reason, from Gemini's error-codes page
                (https://developer.gemini.com/error-codes). Statuses confirmed by
                Gemini's conformance fixtures: `InvalidNonce` 400, `OrderNotFound` 404,
                `RateLimit` 429.

                Decision: `InvalidSignature` is expected with HTTP 400; Gemini does not
                state its status, and its status table puts missing or malformed
                authentication headers under 400.

                `ApiKeyIpFilteringFailure` (403), `Too Many Requests` (429) and
                `Internal Server Error` (500), spaces included, are the reasons of the
                examples in Gemini's published document. `AcceptTermsRequired`,
                `MustAccepTerms` (sic) and `MarketClosed` are the reasons of Gemini's
                conformance fixtures (specs/gemini/upstream/conformance/http/errors/).

                Decision: `InsufficientFunds` is included beyond the reasons listed in
                exchange_facts.md section 1.5, because the documented 406 status means
                insufficient funds and Gemini's error-codes table names this reason.
            error (ErrorReason | Unset): Machine-readable error reason, from Gemini's error-codes page
                (https://developer.gemini.com/error-codes). Statuses confirmed by
                Gemini's conformance fixtures: `InvalidNonce` 400, `OrderNotFound` 404,
                `RateLimit` 429.

                Decision: `InvalidSignature` is expected with HTTP 400; Gemini does not
                state its status, and its status table puts missing or malformed
                authentication headers under 400.

                `ApiKeyIpFilteringFailure` (403), `Too Many Requests` (429) and
                `Internal Server Error` (500), spaces included, are the reasons of the
                examples in Gemini's published document. `AcceptTermsRequired`,
                `MustAccepTerms` (sic) and `MarketClosed` are the reasons of Gemini's
                conformance fixtures (specs/gemini/upstream/conformance/http/errors/).

                Decision: `InsufficientFunds` is included beyond the reasons listed in
                exchange_facts.md section 1.5, because the documented 406 status means
                insufficient funds and Gemini's error-codes table names this reason.
            message (str | Unset): A human-readable English string with more information.
    """

    result: ErrorResult | Unset = UNSET
    reason: ErrorReason | Unset = UNSET
    error: ErrorReason | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result: str | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.value

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        error: str | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.value

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if reason is not UNSET:
            field_dict["reason"] = reason
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        _result = d.pop("result", UNSET)
        result: ErrorResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = ErrorResult(_result)

        _reason = d.pop("reason", UNSET)
        reason: ErrorReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = ErrorReason(_reason)

        _error = d.pop("error", UNSET)
        error: ErrorReason | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = ErrorReason(_error)

        message = d.pop("message", UNSET)

        error_response = cls(
            result=result,
            reason=reason,
            error=error,
            message=message,
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
