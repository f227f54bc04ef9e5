"""
`python -m exchange_clients.simulator`.
"""

from exchange_clients.simulator._cli import main


raise SystemExit(main())
