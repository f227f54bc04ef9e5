"""Every failure is a typed ExchangeError naming the exchange, the operation, the HTTP status and its code."""

import exchange_clients as ec
from exchange_clients.simulator import Simulator, faults


def main() -> None:
    with Simulator() as simulator:
        url = simulator.base_url("gemini")
        credentials = simulator.accounts.credentials("gemini")

        with ec.connect("gemini", credentials, base_url=url) as client:
            try:
                client.get_order("999999999999")
            except ec.OrderNotFoundError as error:
                print("not found:", error.exchange, error.http_status, error.code)

        wrong = ec.gemini.GeminiCredentials(api_key=credentials.api_key, api_secret="not-the-secret")
        with ec.connect("gemini", wrong, base_url=url) as client:
            try:
                client.get_order("44375901")
            except ec.AuthenticationError as error:
                print("refused:", error.code)

        # Throttled on every attempt: retried twice, then the last error, with every attempt in `attempts`.
        simulator.faults.push(faults.rate_limited("gemini", retry_after="0"), exchange="gemini", times=None)
        with ec.connect("gemini", credentials, base_url=url, max_retries=2) as client:
            try:
                client.get_order("44375901")
            except ec.RateLimitError as error:
                print("throttled:", error.code, len(error.attempts), "attempts, retry after", error.retry_after, "s")
            except ec.ExchangeError as error:  # every other failure
                print("failed:", error)


if __name__ == "__main__":
    main()

# Prints:
# not found: gemini 404 OrderNotFound
# refused: InvalidSignature
# throttled: RateLimit 3 attempts, retry after 0.0 s
