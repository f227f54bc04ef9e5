from enum import StrEnum

from exchange_clients.runtime import is_listed, unrecognized_member


class CancelReason(StrEnum):
    ALGO_COMPLETED = "algo_completed"
    CANCEL_ON_DISCONNECT = "cancel_on_disconnect"
    COMPLIANCE = "compliance"
    EMPTY = ""
    INSUFFICIENT_MARGIN = "insufficient_margin"
    IOC_OR_MARKET_PARTIAL_FILL = "ioc_or_market_partial_fill"
    MMP_TRIGGER = "mmp_trigger"
    SESSION_KEY_DEREGISTERED = "session_key_deregistered"
    SIGNED_MAX_FEE_TOO_LOW = "signed_max_fee_too_low"
    SUBACCOUNT_WITHDRAWN = "subaccount_withdrawn"
    TRIGGER_FAILED = "trigger_failed"
    USER_REQUEST = "user_request"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "CancelReason | None":
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)
