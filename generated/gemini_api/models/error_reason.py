from enum import StrEnum

from ..types import ByValue


class ErrorReason(StrEnum, metaclass=ByValue):
    ACCEPTTERMSREQUIRED = "AcceptTermsRequired"
    APIKEYIPFILTERINGFAILURE = "ApiKeyIpFilteringFailure"
    CLIENTORDERIDMUSTBESTRING = "ClientOrderIdMustBeString"
    CLIENTORDERIDTOOLONG = "ClientOrderIdTooLong"
    ENDPOINTMISMATCH = "EndpointMismatch"
    ENDPOINTNOTFOUND = "EndpointNotFound"
    INSUFFICIENTFUNDS = "InsufficientFunds"
    INTERNAL_SERVER_ERROR = "Internal Server Error"
    INVALIDJSON = "InvalidJson"
    INVALIDNONCE = "InvalidNonce"
    INVALIDSIGNATURE = "InvalidSignature"
    INVALIDTIMESTAMPINPAYLOAD = "InvalidTimestampInPayload"
    MAINTENANCE = "Maintenance"
    MARKETCLOSED = "MarketClosed"
    MISSINGAPIKEYHEADER = "MissingApikeyHeader"
    MISSINGNONCE = "MissingNonce"
    MISSINGORDERFIELD = "MissingOrderField"
    MISSINGPAYLOADHEADER = "MissingPayloadHeader"
    MISSINGPAYLOADKEY = "MissingPayloadKey"
    MISSINGROLE = "MissingRole"
    MISSINGSIGNATUREHEADER = "MissingSignatureHeader"
    MUSTACCEPTERMS = "MustAccepTerms"
    NOSSL = "NoSSL"
    ORDERNOTFOUND = "OrderNotFound"
    RATELIMIT = "RateLimit"
    REMOTEADDRESSFORBIDDEN = "RemoteAddressForbidden"
    SYSTEM = "System"
    TOO_MANY_REQUESTS = "Too Many Requests"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ErrorReason | None":
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
