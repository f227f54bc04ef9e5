from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order import Order


T = TypeVar("T", bound="OrderStatusResponse")


@_attrs_define
class OrderStatusResponse:
    """Every answer of `GET /v3/{market}/order`: `code` 0 with `data` on
    success, `code` != 0 without `data` on error.

    Decision: an error answer is modelled as carrying no `data`, so
    `data` is not required (the docs mark it mandatory but show only the
    success case). Whether an error answer ever carries `data`, and in
    what form, is UNCONFIRMED; the stock generated code treats a missing
    key as UNSET.

    Decision: `data` is not nullable; a JSON `null` there is
    UNCONFIRMED and not modelled (the stock generated code raises
    `TypeError` on it; an empty list `[]` is accepted).

    Decision: the meaning of `code` 0 with a missing `data`, or with fewer
    orders than ids asked for, is left to the overlay; this document does
    not say whether an unknown id yields `code` 20013 or is just left out
    of `data` (UNCONFIRMED).

        Attributes:
            code (ErrorCode): The `code` of every answer. `0` means success; anything else is an
                error. The list is the full DigiFinex v3 error table, including codes
                that this endpoint is unlikely to return (transfers, withdrawals).

                | Code | Name | Meaning |
                |---|---|---|
                | 0 | SUCCESS | Success |
                | 10001 | WRONG_REQUEST_METHOD | Wrong request method, please check it's a GET or POST request |
                | 10002 | INVALID_API_KEY | Invalid ApiKey |
                | 10003 | SIGN_MISMATCH | Sign doesn't match |
                | 10004 | ILLEGAL_REQUEST_PARAMETERS | Illegal request parameters |
                | 10005 | RATE_LIMIT_EXCEEDED | Request frequency exceeds the limit |
                | 10006 | UNAUTHORIZED_REQUEST | Unauthorized to execute this request |
                | 10007 | IP_UNAUTHORIZED | IP address Unauthorized |
                | 10008 | INVALID_TIMESTAMP | Timestamp for this request is invalid |
                | 10009 | ENDPOINT_NOT_FOUND_OR_MISSING_ACCESS_KEY | Unexist endpoint or misses ACCESS-KEY, please check
                endpoint URL |
                | 10011 | API_KEY_EXPIRED | ApiKey expired |
                | 20002 | TRADING_PAIR_SUSPENDED | Trade of this trading pair is suspended |
                | 20007 | PRICE_PRECISION_ERROR | Price precision error |
                | 20008 | AMOUNT_PRECISION_ERROR | Amount precision error |
                | 20009 | AMOUNT_BELOW_MINIMUM | Amount is less than the minimum requirement |
                | 20010 | CASH_AMOUNT_BELOW_MINIMUM | Cash Amount is less than the minimum requirement |
                | 20011 | INSUFFICIENT_BALANCE | Insufficient balance |
                | 20012 | INVALID_TRADE_TYPE | Invalid trade type |
                | 20013 | NO_ORDER_INFO_FOUND | No order info found |
                | 20014 | INVALID_DATE | Invalid date |
                | 20015 | DATE_EXCEEDS_LIMIT | Date exceeds the limit |
                | 20018 | API_TRADING_BANNED | Banned for API trading |
                | 20019 | WRONG_TRADING_PAIR_SYMBOL | Wrong trading pair symbol |
                | 20020 | API_TRADING_RULES_VIOLATED | Violated API trading rules, temporarily banned |
                | 20021 | INVALID_CURRENCY | Invalid currency |
                | 20022 | END_TIMESTAMP_NOT_AFTER_START | Ending timestamp must be larger than starting timestamp |
                | 20023 | INVALID_TRANSFER_TYPE | Invalid transfer type |
                | 20024 | INVALID_AMOUNT | Invalid amount |
                | 20025 | CURRENCY_NOT_TRANSFERABLE | Currency not transferable |
                | 20026 | TRANSFER_AMOUNT_EXCEEDS_BALANCE | Transfer amount exceeds balance |
                | 20027 | ABNORMAL_ACCOUNT_STATUS | Abnormal account status |
                | 20028 | TRANSFER_BLACKLISTED | Blacklist for transfer |
                | 20029 | TRANSFER_DAILY_LIMIT_EXCEEDED | Transfer amount exceeds daily limit |
                | 20030 | NO_POSITION_ON_TRADING_PAIR | No position on this trading pair |
                | 20032 | WITHDRAWAL_LIMITED | Withdrawal limited |
                | 20033 | WRONG_WITHDRAWAL_ID | Wrong Withdrawal ID |
                | 20034 | WITHDRAWAL_SERVICE_CLOSED | Withdrawal service of this crypto has been closed |
                | 20035 | WITHDRAWAL_LIMIT | Withdrawal limit |
                | 20036 | WITHDRAWAL_CANCELLATION_FAILED | Withdrawal cancellation failed |
                | 20037 | WITHDRAWAL_ADDRESS_NOT_IN_MANAGEMENT_LIST | Withdrawal address, Tag or chain type not in the
                withdrawal management list |
                | 20038 | WITHDRAWAL_ADDRESS_NOT_WHITELISTED | Withdrawal address not on the white list |
                | 20039 | NOT_CANCELABLE_IN_CURRENT_STATUS | Can't be canceled in current status |
                | 20040 | WITHDRAW_TOO_FREQUENTLY | Withdraw too frequently |
                | 20041 | DAILY_WITHDRAWAL_LIMIT_EXCEEDED | Beyond the daily withdrawal limit |
                | 20042 | API_TRADING_UNSUPPORTED_FOR_PAIR | Current trading pair does not support API trading |
                | 50000 | EXCEPTION_ERROR | Exception error |

                Decision: `200`, which some deposit/withdraw endpoints use for
                success, is not listed; order endpoints use `0`.

                Decision: the enum is closed, so the stock generated code raises
                `ValueError` on an undocumented code. Tolerance of unknown codes, if
                wanted, belongs in the overlay's templates.

                Note for editors: the generator uses `x-enum-varnames` only when it
                has exactly as many entries as `enum` (otherwise it silently falls
                back to `VALUE_<n>`), and it does not detect duplicate names for
                integer enums. Keep the two lists aligned and the names unique.
            data (list[Order] | Unset): Order status list. Present on success; absent on errors.
    """

    code: ErrorCode
    data: list[Order] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order import Order  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        code = ErrorCode(d.pop("code"))

        _data = d.pop("data", UNSET)
        data: list[Order] | Unset = UNSET
        if _data is not UNSET:
            if not isinstance(_data, list):
                raise TypeError(f"expected a JSON array, got {type(_data).__name__}")
            data = []
            for data_item_data in _data:
                data_item = Order.from_dict(data_item_data)

                data.append(data_item)

        order_status_response = cls(
            code=code,
            data=data,
        )

        order_status_response.additional_properties = d
        return order_status_response

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
