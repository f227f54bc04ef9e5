"""
`python -m exchange_clients.cli`: the `exchange-clients` command without the console script.
"""

from exchange_clients.cli import main


main()
