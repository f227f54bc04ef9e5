"""
eth-account for the simulator's Derive verification, imported without its side effect on the recursion limit.

Importing eth_account pulls in py_ecc, which raises the interpreter's recursion limit to 100,000 for the whole
process. With that limit a deeply nested JSON body overflows the C stack and kills the process instead of
raising RecursionError; the limit is put back as it was.
"""

import sys


_limit = sys.getrecursionlimit()
try:
    from eth_account import Account
    from eth_account.messages import encode_defunct
finally:
    sys.setrecursionlimit(_limit)

__all__ = ["Account", "encode_defunct"]
