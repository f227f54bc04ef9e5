from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from exchange_clients.runtime import UnionMismatchError

from ..models.algo_type import AlgoType
from ..models.cancel_reason import CancelReason
from ..models.direction import Direction
from ..models.order_status import OrderStatus
from ..models.order_type import OrderType
from ..models.time_in_force import TimeInForce
from ..models.trigger_price_type import TriggerPriceType
from ..models.trigger_type import TriggerType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """One order. Every field of the v2 seed plus the v3 fields of
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

        Attributes:
            amount (str): Order amount in units of the base.
            average_price (str): Average fill price ("0" while nothing is filled).
            creation_timestamp (int): Creation timestamp, in ms since the Unix epoch.
            direction (Direction): Order direction.
            filled_amount (str): Total filled amount for the order.
            instrument_name (str): Instrument name, e.g. "ETH-PERP" or "ETH-20241227-3000-C".
            is_transfer (bool): Whether the order was generated through `private/transfer_position`.
            last_update_timestamp (int): Last update timestamp, in ms since the Unix epoch.
            limit_price (str): Limit price in quote currency.
            max_fee (str): Max fee per contract, in USDC (Derive's v2 document, derive-py@e662f36 specs/openapi-spec.json;
                the v2 page said "in units of the quote currency").
            mmp (bool): Whether the order is tagged for market maker protections.
            nonce (int | str): Unique order nonce: the UTC timestamp in ms followed by a random
                number of up to 3 digits (e.g. 1695836058725001, where 001 is the
                random number). v2 sends a JSON integer; v3 sends a string.

                Decision: accept both and compare nonces as strings of digits.
            order_fee (str): Total order fee paid so far.
            order_id (str): Order ID (a UUID).
            order_status (OrderStatus): Order status.

                - `open`: resting, possibly partially filled (compare `filled_amount`
                  with `amount`).
                - `filled`, `cancelled`, `expired`: final.
                - `rejected`: v3 only; final.
                - `untriggered`: a trigger order that has not fired yet.
                - `algo_active`: a running algo (TWAP) order.

                Decision: only `rejected` is treated as v3-only. The v2 seed page lists
                just open, filled, cancelled, expired and untriggered, but
                exchange_facts.md says v2 has the v3 set minus `rejected`, so
                `algo_active` can come from both. The docs give no prose meanings; the
                ones above are our reading.
            order_type (OrderType): Order type.
            quote_id (None | str): Quote ID (a UUID) if the trade was executed via RFQ, else null. Decision: no `format:
                uuid`, so that an id Derive sends in another shape still parses.
            signature (str): Ethereum signature of the order (0x-prefixed hex).
            signature_expiry_sec (int): Signature expiry timestamp, in seconds since the Unix epoch.
            signer (str): Owner wallet address or registered session key that signed the order.
            subaccount_id (int): Subaccount ID.
            time_in_force (TimeInForce): Time in force.
            cancel_reason (CancelReason | Unset): If cancelled, the reason behind the cancellation; the empty string ""
                when the order was not cancelled.

                - `validation_failed` and `algo_completed` are not on the v2 seed page;
                  they come from exchange_facts.md section 4.4 (v3).
                - Decision: "" is a member of the enum. The seed marks the field
                  required but does not list "", while the facts do; without it every
                  live order would fail to parse.
                - `x-enum-varnames` names "" `EMPTY` in generated code (the generator
                  would otherwise call it `VALUE_0`).
            extra_fee (None | str | Unset): Extra fee in USDC added to the total fee paid by the user (set by a referring
                client). In v2 too, where it may be null (Derive's v2 document, derivexyz/derive-py@e662f36 specs/openapi-
                spec.json: nullable, default "0").
            label (str | Unset): Optional user-defined label for the order. Optional: v3's document does not require it
                (`default: ""`); the normalized order treats an absent label as "".
            signed_limit_price (None | str | Unset): In v2 and v3 (Derive's v2 document, derive-py@e662f36 specs/openapi-
                spec.json). The limit price the user originally signed; set only when the engine adjusted the order's price (for
                example a post-only order that would have crossed), else null.
            replaced_order_id (None | str | Unset): If replaced, ID (a UUID) of the order that was replaced, else null.
            trigger_price (None | str | Unset): (Required for trigger orders) Index or mark price to trigger the order at.
            trigger_price_type (None | TriggerPriceType | Unset): (Required for trigger orders) Trigger on the index or the
                mark price.
            trigger_reject_message (None | str | Unset): (Required for trigger orders) Error message if an error occurred
                during trigger.
            trigger_type (None | TriggerType | Unset): (Required for trigger orders) Stop-loss or take-profit.
            algo_type (AlgoType | None | Unset): v3. Algo order type, null for ordinary orders. Decision: exchange_facts.md
                names `algo_type` and "algo_*" only; the other three `algo_*` fields are taken from Derive's published order
                schemas (v2 `OrderResponseSchema`, v3 `Order`). All four are nullable and optional.
            algo_duration_sec (int | None | Unset): v3. Total execution window of the algo order, in seconds.
            algo_num_slices (int | None | Unset): v3. Number of child executions of the algo order.
            algo_slices_completed (int | None | Unset): v3. Number of slices executed so far.
    """

    amount: str
    average_price: str
    creation_timestamp: int
    direction: Direction
    filled_amount: str
    instrument_name: str
    is_transfer: bool
    last_update_timestamp: int
    limit_price: str
    max_fee: str
    mmp: bool
    nonce: int | str
    order_fee: str
    order_id: str
    order_status: OrderStatus
    order_type: OrderType
    quote_id: None | str
    signature: str
    signature_expiry_sec: int
    signer: str
    subaccount_id: int
    time_in_force: TimeInForce
    cancel_reason: CancelReason | Unset = UNSET
    extra_fee: None | str | Unset = UNSET
    label: str | Unset = UNSET
    signed_limit_price: None | str | Unset = UNSET
    replaced_order_id: None | str | Unset = UNSET
    trigger_price: None | str | Unset = UNSET
    trigger_price_type: None | TriggerPriceType | Unset = UNSET
    trigger_reject_message: None | str | Unset = UNSET
    trigger_type: None | TriggerType | Unset = UNSET
    algo_type: AlgoType | None | Unset = UNSET
    algo_duration_sec: int | None | Unset = UNSET
    algo_num_slices: int | None | Unset = UNSET
    algo_slices_completed: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        average_price = self.average_price

        creation_timestamp = self.creation_timestamp

        direction = self.direction.value

        filled_amount = self.filled_amount

        instrument_name = self.instrument_name

        is_transfer = self.is_transfer

        last_update_timestamp = self.last_update_timestamp

        limit_price = self.limit_price

        max_fee = self.max_fee

        mmp = self.mmp

        nonce: int | str
        nonce = self.nonce

        order_fee = self.order_fee

        order_id = self.order_id

        order_status = self.order_status.value

        order_type = self.order_type.value

        quote_id: None | str
        quote_id = self.quote_id

        signature = self.signature

        signature_expiry_sec = self.signature_expiry_sec

        signer = self.signer

        subaccount_id = self.subaccount_id

        time_in_force = self.time_in_force.value

        cancel_reason: str | Unset = UNSET
        if not isinstance(self.cancel_reason, Unset):
            cancel_reason = self.cancel_reason.value

        extra_fee: None | str | Unset
        if isinstance(self.extra_fee, Unset):
            extra_fee = UNSET
        else:
            extra_fee = self.extra_fee

        label = self.label

        signed_limit_price: None | str | Unset
        if isinstance(self.signed_limit_price, Unset):
            signed_limit_price = UNSET
        else:
            signed_limit_price = self.signed_limit_price

        replaced_order_id: None | str | Unset
        if isinstance(self.replaced_order_id, Unset):
            replaced_order_id = UNSET
        else:
            replaced_order_id = self.replaced_order_id

        trigger_price: None | str | Unset
        if isinstance(self.trigger_price, Unset):
            trigger_price = UNSET
        else:
            trigger_price = self.trigger_price

        trigger_price_type: None | str | Unset
        if isinstance(self.trigger_price_type, Unset):
            trigger_price_type = UNSET
        elif isinstance(self.trigger_price_type, TriggerPriceType):
            trigger_price_type = self.trigger_price_type.value
        else:
            trigger_price_type = self.trigger_price_type

        trigger_reject_message: None | str | Unset
        if isinstance(self.trigger_reject_message, Unset):
            trigger_reject_message = UNSET
        else:
            trigger_reject_message = self.trigger_reject_message

        trigger_type: None | str | Unset
        if isinstance(self.trigger_type, Unset):
            trigger_type = UNSET
        elif isinstance(self.trigger_type, TriggerType):
            trigger_type = self.trigger_type.value
        else:
            trigger_type = self.trigger_type

        algo_type: None | str | Unset
        if isinstance(self.algo_type, Unset):
            algo_type = UNSET
        elif isinstance(self.algo_type, AlgoType):
            algo_type = self.algo_type.value
        else:
            algo_type = self.algo_type

        algo_duration_sec: int | None | Unset
        if isinstance(self.algo_duration_sec, Unset):
            algo_duration_sec = UNSET
        else:
            algo_duration_sec = self.algo_duration_sec

        algo_num_slices: int | None | Unset
        if isinstance(self.algo_num_slices, Unset):
            algo_num_slices = UNSET
        else:
            algo_num_slices = self.algo_num_slices

        algo_slices_completed: int | None | Unset
        if isinstance(self.algo_slices_completed, Unset):
            algo_slices_completed = UNSET
        else:
            algo_slices_completed = self.algo_slices_completed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "average_price": average_price,
                "creation_timestamp": creation_timestamp,
                "direction": direction,
                "filled_amount": filled_amount,
                "instrument_name": instrument_name,
                "is_transfer": is_transfer,
                "last_update_timestamp": last_update_timestamp,
                "limit_price": limit_price,
                "max_fee": max_fee,
                "mmp": mmp,
                "nonce": nonce,
                "order_fee": order_fee,
                "order_id": order_id,
                "order_status": order_status,
                "order_type": order_type,
                "quote_id": quote_id,
                "signature": signature,
                "signature_expiry_sec": signature_expiry_sec,
                "signer": signer,
                "subaccount_id": subaccount_id,
                "time_in_force": time_in_force,
            }
        )
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if extra_fee is not UNSET:
            field_dict["extra_fee"] = extra_fee
        if label is not UNSET:
            field_dict["label"] = label
        if signed_limit_price is not UNSET:
            field_dict["signed_limit_price"] = signed_limit_price
        if replaced_order_id is not UNSET:
            field_dict["replaced_order_id"] = replaced_order_id
        if trigger_price is not UNSET:
            field_dict["trigger_price"] = trigger_price
        if trigger_price_type is not UNSET:
            field_dict["trigger_price_type"] = trigger_price_type
        if trigger_reject_message is not UNSET:
            field_dict["trigger_reject_message"] = trigger_reject_message
        if trigger_type is not UNSET:
            field_dict["trigger_type"] = trigger_type
        if algo_type is not UNSET:
            field_dict["algo_type"] = algo_type
        if algo_duration_sec is not UNSET:
            field_dict["algo_duration_sec"] = algo_duration_sec
        if algo_num_slices is not UNSET:
            field_dict["algo_num_slices"] = algo_num_slices
        if algo_slices_completed is not UNSET:
            field_dict["algo_slices_completed"] = algo_slices_completed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        amount = d.pop("amount")

        average_price = d.pop("average_price")

        creation_timestamp = d.pop("creation_timestamp")

        direction = Direction(d.pop("direction"))

        filled_amount = d.pop("filled_amount")

        instrument_name = d.pop("instrument_name")

        is_transfer = d.pop("is_transfer")

        last_update_timestamp = d.pop("last_update_timestamp")

        limit_price = d.pop("limit_price")

        max_fee = d.pop("max_fee")

        mmp = d.pop("mmp")

        def _parse_nonce(data: object) -> int | str:
            return cast(int | str, data)

        nonce = _parse_nonce(d.pop("nonce"))

        order_fee = d.pop("order_fee")

        order_id = d.pop("order_id")

        order_status = OrderStatus(d.pop("order_status"))

        order_type = OrderType(d.pop("order_type"))

        def _parse_quote_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quote_id = _parse_quote_id(d.pop("quote_id"))

        signature = d.pop("signature")

        signature_expiry_sec = d.pop("signature_expiry_sec")

        signer = d.pop("signer")

        subaccount_id = d.pop("subaccount_id")

        time_in_force = TimeInForce(d.pop("time_in_force"))

        _cancel_reason = d.pop("cancel_reason", UNSET)
        cancel_reason: CancelReason | Unset
        if isinstance(_cancel_reason, Unset):
            cancel_reason = UNSET
        else:
            cancel_reason = CancelReason(_cancel_reason)

        def _parse_extra_fee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        extra_fee = _parse_extra_fee(d.pop("extra_fee", UNSET))

        label = d.pop("label", UNSET)

        def _parse_signed_limit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signed_limit_price = _parse_signed_limit_price(d.pop("signed_limit_price", UNSET))

        def _parse_replaced_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        replaced_order_id = _parse_replaced_order_id(d.pop("replaced_order_id", UNSET))

        def _parse_trigger_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trigger_price = _parse_trigger_price(d.pop("trigger_price", UNSET))

        def _parse_trigger_price_type(data: object) -> None | TriggerPriceType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, str):
                    raise TypeError(f"expected TriggerPriceType, got {type(data).__name__}")
                trigger_price_type_type_0 = TriggerPriceType(data)

                return trigger_price_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("TriggerPriceType", error))
            raise UnionMismatchError("trigger_price_type", mismatches)

        trigger_price_type = _parse_trigger_price_type(d.pop("trigger_price_type", UNSET))

        def _parse_trigger_reject_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trigger_reject_message = _parse_trigger_reject_message(d.pop("trigger_reject_message", UNSET))

        def _parse_trigger_type(data: object) -> None | TriggerType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, str):
                    raise TypeError(f"expected TriggerType, got {type(data).__name__}")
                trigger_type_type_0 = TriggerType(data)

                return trigger_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("TriggerType", error))
            raise UnionMismatchError("trigger_type", mismatches)

        trigger_type = _parse_trigger_type(d.pop("trigger_type", UNSET))

        def _parse_algo_type(data: object) -> AlgoType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, str):
                    raise TypeError(f"expected AlgoType, got {type(data).__name__}")
                algo_type_type_0 = AlgoType(data)

                return algo_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("AlgoType", error))
            raise UnionMismatchError("algo_type", mismatches)

        algo_type = _parse_algo_type(d.pop("algo_type", UNSET))

        def _parse_algo_duration_sec(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        algo_duration_sec = _parse_algo_duration_sec(d.pop("algo_duration_sec", UNSET))

        def _parse_algo_num_slices(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        algo_num_slices = _parse_algo_num_slices(d.pop("algo_num_slices", UNSET))

        def _parse_algo_slices_completed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        algo_slices_completed = _parse_algo_slices_completed(d.pop("algo_slices_completed", UNSET))

        order = cls(
            amount=amount,
            average_price=average_price,
            creation_timestamp=creation_timestamp,
            direction=direction,
            filled_amount=filled_amount,
            instrument_name=instrument_name,
            is_transfer=is_transfer,
            last_update_timestamp=last_update_timestamp,
            limit_price=limit_price,
            max_fee=max_fee,
            mmp=mmp,
            nonce=nonce,
            order_fee=order_fee,
            order_id=order_id,
            order_status=order_status,
            order_type=order_type,
            quote_id=quote_id,
            signature=signature,
            signature_expiry_sec=signature_expiry_sec,
            signer=signer,
            subaccount_id=subaccount_id,
            time_in_force=time_in_force,
            cancel_reason=cancel_reason,
            extra_fee=extra_fee,
            label=label,
            signed_limit_price=signed_limit_price,
            replaced_order_id=replaced_order_id,
            trigger_price=trigger_price,
            trigger_price_type=trigger_price_type,
            trigger_reject_message=trigger_reject_message,
            trigger_type=trigger_type,
            algo_type=algo_type,
            algo_duration_sec=algo_duration_sec,
            algo_num_slices=algo_num_slices,
            algo_slices_completed=algo_slices_completed,
        )

        order.additional_properties = d
        return order

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
