from enum import StrEnum

from exchange_clients.runtime import is_listed, unrecognized_member


class Error(StrEnum):
    ACCOUNTINACTIVE = "accountInactive"
    APILIMITEXCEEDED = "apiLimitExceeded"
    AUTHENTICATIONERROR = "authenticationError"
    INSUFFICIENTFUNDS = "insufficientFunds"
    INVALIDACCOUNT = "invalidAccount"
    INVALIDAMOUNT = "invalidAmount"
    INVALIDARGUMENT = "invalidArgument"
    INVALIDUNIT = "invalidUnit"
    JSON_PARSE_ERROR = "Json Parse Error"
    MARKETUNAVAILABLE = "marketUnavailable"
    NONCEBELOWTHRESHOLD = "nonceBelowThreshold"
    NONCEDUPLICATE = "nonceDuplicate"
    NOTFOUND = "notFound"
    REQUIREDARGUMENTMISSING = "requiredArgumentMissing"
    SERVER_ERROR = "Server Error"
    UNAVAILABLE = "Unavailable"
    UNKNOWNERROR = "unknownError"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "Error | None":
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)
