from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error import Error
from ..models.result_error_result import ResultErrorResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """
    Attributes:
        result (ResultErrorResult):  Example: error.
        server_time (datetime.datetime): Server time in Coordinated Universal Time (UTC) Example:
            2020-08-27T17:03:33.196Z.
        error (Error): Error description.

              - `accountInactive`: The Futures account the request refers to is inactive
              - `apiLimitExceeded`: The API limit for the calling IP address has been exceeded
              - `authenticationError`: The request could not be authenticated
              - `insufficientFunds`: The amount requested for transfer is below the amount of funds available
              - `invalidAccount`: The Futures account the transfer request refers to is invalid
              - `invalidAmount`: The amount the transfer request refers to is invalid
              - `invalidArgument`: One or more arguments provided are invalid
              - `invalidUnit`: The unit the transfer request refers to is invalid
              - `Json Parse Error`: The request failed to pass valid JSON as an argument
              - `marketUnavailable`: The market is currently unavailable
              - `nonceBelowThreshold`: The provided nonce is below the threshold
              - `nonceDuplicate`: The provided nonce is a duplicate as it has been used in a previous request
              - `notFound`: The requested information could not be found
              - `requiredArgumentMissing`: One or more required arguments are missing
              - `Server Error`: There was an error processing the request
              - `Unavailable`: The endpoint being called is unavailable
              - `unknownError`: An unknown error has occurred
        errors (list[Error] | Unset):
    """

    result: ResultErrorResult
    server_time: datetime.datetime
    error: Error
    errors: list[Error] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result.value

        server_time = self.server_time.isoformat()

        error = self.error.value

        errors: list[str] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.value
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "serverTime": server_time,
                "error": error,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        result = ResultErrorResult(d.pop("result"))

        server_time = datetime.datetime.fromisoformat(d.pop("serverTime"))

        error = Error(d.pop("error"))

        _errors = d.pop("errors", UNSET)
        errors: list[Error] | Unset = UNSET
        if _errors is not UNSET:
            if not isinstance(_errors, list):
                raise TypeError(f"expected a JSON array, got {type(_errors).__name__}")
            errors = []
            for errors_item_data in _errors:
                errors_item = Error(errors_item_data)

                errors.append(errors_item)

        error_response = cls(
            result=result,
            server_time=server_time,
            error=error,
            errors=errors,
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
