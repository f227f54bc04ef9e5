from enum import StrEnum

from ..types import ByValue


class CancelReason(StrEnum, metaclass=ByValue):
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
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNRECOGNIZED"
        member._value_ = value
        return member

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        # A member the class lists, by value (a pseudo-member's value is never one of theirs).
        return self in type(self).__members__.values()
