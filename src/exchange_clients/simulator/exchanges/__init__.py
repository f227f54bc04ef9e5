"""
Each registered exchange as the simulator plays it: one module per exchange, named as the registry names it.

A module verifies requests with its own code, written from the exchange's documentation and sharing nothing with
the clients' signers, and defines `SIMULATED` (see `exchange_clients.simulator._exchange.SimulatedExchange`): its
handler, default accounts, credentials and throttling answer.
"""
