from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RpcError")


@_attrs_define
class RpcError:
    """A JSON-RPC 2.0 error object.

    Attributes:
        code (int): Error code. Kept a plain integer so that codes missing from this
            table still parse; `RpcErrorCode` lists the known ones by name.

            | Code | Name |
            |---|---|
            | -32000 | RATE_LIMIT_EXCEEDED |
            | -32100 | CONCURRENT_WS_CLIENTS_LIMIT_EXCEEDED |
            | -32700 | PARSE_ERROR |
            | -32600 | INVALID_REQUEST |
            | -32601 | METHOD_NOT_FOUND |
            | -32602 | INVALID_PARAMS |
            | -32603 | INTERNAL_ERROR |
            | 9000 | ORDER_CONFIRMATION_TIMEOUT |
            | 9001 | ENGINE_CONFIRMATION_TIMEOUT |
            | 10000 | MANAGER_NOT_FOUND |
            | 10001 | ASSET_NOT_ERC20 |
            | 10002 | WALLET_MISMATCH |
            | 10003 | SUBACCOUNT_MISMATCH |
            | 10004 | MULTIPLE_CURRENCIES_NOT_SUPPORTED |
            | 10005 | MAX_SUBACCOUNTS_REACHED |
            | 10006 | MAX_SESSION_KEYS_REACHED |
            | 10007 | MAX_ASSETS_PER_SUBACCOUNT |
            | 10008 | MAX_EXPIRIES_PER_SUBACCOUNT |
            | 10009 | INVALID_RECIPIENT_SUBACCOUNT_ID |
            | 10010 | PMRM_USDC_ONLY_COLLATERAL |
            | 10011 | ERC20_INSUFFICIENT_ALLOWANCE |
            | 10012 | ERC20_INSUFFICIENT_BALANCE |
            | 10013 | PENDING_DEPOSIT |
            | 10014 | PENDING_WITHDRAWAL |
            | 10015 | PM2_COLLATERAL_CONSTRAINT |
            | 11000 | INSUFFICIENT_FUNDS_ORDER |
            | 11002 | ORDER_REJECTED_FROM_QUEUE |
            | 11003 | ALREADY_CANCELLED |
            | 11004 | ALREADY_FILLED |
            | 11005 | ALREADY_EXPIRED |
            | 11006 | ORDER_NOT_EXIST |
            | 11007 | SELF_CROSS_DISALLOWED |
            | 11008 | POST_ONLY_REJECT |
            | 11009 | ZERO_LIQUIDITY |
            | 11010 | POST_ONLY_INVALID_TYPE |
            | 11011 | INVALID_SIGNATURE_EXPIRY |
            | 11012 | INVALID_AMOUNT |
            | 11013 | INVALID_LIMIT_PRICE |
            | 11014 | FOK_NOT_FILLED |
            | 11015 | MMP_FROZEN |
            | 11016 | ALREADY_CONSUMED |
            | 11017 | NON_UNIQUE_NONCE |
            | 11018 | INVALID_NONCE_DATE |
            | 11019 | OPEN_ORDERS_LIMIT_EXCEEDED |
            | 11020 | NEGATIVE_ERC20_BALANCE |
            | 11021 | INSTRUMENT_NOT_LIVE |
            | 11050 | TRIGGER_ORDER_CANCELLED |
            | 11051 | INVALID_TRIGGER_PRICE |
            | 11052 | TRIGGER_ORDER_LIMIT_EXCEEDED |
            | 11053 | TRIGGER_PRICE_TYPE_UNSUPPORTED |
            | 11054 | TRIGGER_ORDER_REPLACE_UNSUPPORTED |
            | 11055 | MARKET_ORDER_INVALID_TRIGGER_PRICE |
            | 11100 | LEG_INSTRUMENTS_NOT_UNIQUE |
            | 11101 | RFQ_NOT_FOUND |
            | 11102 | QUOTE_NOT_FOUND |
            | 11103 | RFQ_LEG_MISMATCH |
            | 11104 | RFQ_NOT_OPEN |
            | 11105 | RFQ_ID_MISMATCH |
            | 11106 | INVALID_RFQ_COUNTERPARTY |
            | 11107 | QUOTE_COST_TOO_HIGH |
            | 11200 | AUCTION_NOT_ONGOING |
            | 11201 | OPEN_ORDERS_NOT_ALLOWED |
            | 11202 | PRICE_LIMIT_EXCEEDED |
            | 11203 | LAST_TRADE_ID_MISMATCH |
            | 12000 | ASSET_NOT_FOUND |
            | 12001 | INSTRUMENT_NOT_FOUND |
            | 12002 | CURRENCY_NOT_FOUND |
            | 12003 | USDC_NO_CAPS |
            | 13000 | INVALID_CHANNELS |
            | 14000 | ACCOUNT_NOT_FOUND |
            | 14001 | SUBACCOUNT_NOT_FOUND |
            | 14002 | SUBACCOUNT_WITHDRAWN |
            | 14009 | SESSIONKEY_EXPIRY_TOO_LOW |
            | 14010 | SESSIONKEY_ALREADY_REGISTERED |
            | 14011 | SESSIONKEY_REGISTERED_OTHER_ACCOUNT |
            | 14012 | ADDRESS_NOT_CHECKSUMMED |
            | 14013 | INVALID_ETH_ADDRESS |
            | 14014 | INVALID_SIGNATURE |
            | 14015 | NONCE_MISMATCH |
            | 14016 | RAWTX_FUNCTION_MISMATCH |
            | 14017 | RAWTX_CONTRACT_MISMATCH |
            | 14018 | RAWTX_PARAMS_MISMATCH |
            | 14019 | RAWTX_PARAM_VALUES_MISMATCH |
            | 14020 | HEADER_WALLET_MISMATCH |
            | 14021 | HEADER_WALLET_MISSING |
            | 14022 | PRIVATE_CHANNEL_SUBSCRIPTION_FAILED |
            | 14023 | SIGNER_NOT_OWNER |
            | 14024 | CHAINID_MISMATCH |
            | 14025 | MISSING_PRIVATE_PARAM |
            | 14026 | SESSIONKEY_NOT_FOUND |
            | 14027 | UNAUTHORIZED_RQF_MAKER |
            | 14028 | CROSS_CURRENCY_RFQ_NOT_SUPPORTED |
            | 14029 | SESSIONKEY_IP_NOT_WHITELISTED |
            | 14030 | SESSIONKEY_EXPIRED |
            | 14031 | UNAUTHORIZED_KEY_SCOPE |
            | 14032 | SCOPE_NOT_ADMIN |
            | 14033 | ACCOUNT_NOT_WHITELISTED_ATOMIC_ORDERS |
            | 14034 | REFERRAL_CODE_NOT_FOUND |
            | 16000 | RESTRICTED_REGION |
            | 16001 | ACCOUNT_DISABLED_COMPLIANCE |
            | 16100 | SENTINEL_AUTH_INVALID |
            | 18000 | INVALID_BLOCK_NUMBER |
            | 18001 | BLOCK_ESTIMATION_FAILED |
            | 18002 | LIGHTACCOUNT_OWNER_MISMATCH |
            | 18003 | VAULT_ERC20_ASSET_NOT_EXISTS |
            | 18004 | VAULT_ERC20_POOL_NOT_EXISTS |
            | 18005 | VAULT_ADD_ASSET_BEFORE_BALANCE |
            | 18006 | INVALID_SWELL_SEASON |
            | 18007 | VAULT_NOT_FOUND |
            | 19000 | MAKER_PROGRAM_NOT_FOUND |

            Every code of Derive's SDK enum `DeriveJSONRPCErrorCode`
            (derive-py@92fa887, transcribed in specs/derive/error_codes.yaml;
            Derive's openapi.json lists none). -32000 carries "Retry after N
            ms" in `data`.
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
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        data = d.pop("data", UNSET)

        rpc_error = cls(
            code=code,
            message=message,
            data=data,
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
