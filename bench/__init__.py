"""
Benchmarks of exchange-clients against ccxt and hand-written floors: `nox -s bench` (or `python -m bench`).

Every figure is measured against its reference in the same run, repeats interleaved, and reported as a median
with its spread; the ratio of the two medians is what each target is about. One module per concern: `signing`,
`parsing`, `list_parsing`, `end_to_end`, `concurrency`, `pipeline`; `report` prints the table and writes JSON.
"""
