from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, unread_properties

T = TypeVar("T", bound="RpcError")

_PROPERTY_NAMES = frozenset(
    {
        "code",
        "message",
        "data",
    }
)


@_attrs_define
class RpcError:
    """A JSON-RPC 2.0 error object.

    Attributes:
        code (int): Error code. Kept a plain integer so that codes missing from this
            table still parse; `RpcErrorCode` lists the known ones by name.

            | Code | Name | Meaning |
            |---|---|---|
            | -32700 | PARSE_ERROR | The body is not valid JSON |
            | -32600 | INVALID_REQUEST | Not a valid request object |
            | -32601 | METHOD_NOT_FOUND | Unknown method |
            | -32602 | INVALID_PARAMS | Invalid method parameters |
            | -32603 | INTERNAL_ERROR | Internal JSON-RPC error |
            | -32000 | RATE_LIMIT_EXCEEDED | Rate limit exceeded; `data` is "Retry after N ms" |
            | -32100 | CONCURRENT_WS_CLIENTS_LIMIT_EXCEEDED | Too many WebSocket connections |
            | 9000 | ORDER_CONFIRMATION_TIMEOUT | Order confirmation timed out |
            | 9001 | ENGINE_CONFIRMATION_TIMEOUT | Engine confirmation timed out |
            | 11003 | ALREADY_CANCELLED | Order already cancelled |
            | 11004 | ALREADY_FILLED | Order already filled |
            | 11005 | ALREADY_EXPIRED | Order already expired |
            | 11006 | ORDER_NOT_EXIST | Order does not exist |
            | 11017 | NON_UNIQUE_NONCE | Nonce already used |
            | 11018 | INVALID_NONCE_DATE | Nonce date invalid |
            | 14000 | ACCOUNT_NOT_FOUND | Account not found |
            | 14001 | SUBACCOUNT_NOT_FOUND | Subaccount not found |
            | 14014 | INVALID_SIGNATURE | Signature does not verify |
            | 14020 | HEADER_WALLET_MISMATCH | Wallet header does not match |
            | 14021 | HEADER_WALLET_MISSING | Wallet header missing |
            | 14023 | SIGNER_NOT_OWNER | Signer is not the owner |
            | 14026 | SESSIONKEY_NOT_FOUND | Session key not found |
            | 14030 | SESSIONKEY_EXPIRED | Session key expired |
            | 14031 | UNAUTHORIZED_KEY_SCOPE | Session key scope too low |
            | 16000 | RESTRICTED_REGION | Restricted region |

            Names come from the official SDK enum `DeriveJSONRPCErrorCode`;
            the v3 catalog may hold more codes.
        message (str): Human-readable message, e.g. "Order does not exist" for 11006 (the exact text is unconfirmed;
            match on `code`, not on `message`).
        data (Any | Unset): Extra detail: any JSON value, or null when there is none (for
            example "Retry after 500 ms" for -32000).

            Decision: not required. The current (v3) docs say `data` is always
            present and null when empty, but Derive's v2 schema
            (`RPCErrorFormatSchema`) lists it as optional, and one client
            serves both generations: an error without `data` is still the
            exchange's error, not a malformed answer.
    """

    code: int
    message: str
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        code = src_dict["code"]

        message = src_dict["message"]

        data = src_dict.get("data", UNSET)

        rpc_error = cls(
            code,
            message,
            data,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            2 + (data is not UNSET),
        )

        rpc_error.additional_properties = d
        return rpc_error

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
