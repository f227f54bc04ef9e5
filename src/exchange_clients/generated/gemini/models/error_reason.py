from enum import StrEnum

from exchange_clients.runtime import is_listed, unrecognized_member


class ErrorReason(StrEnum):
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
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)
