"""
The generated clients, one subpackage per exchange of the registry, and the registry written out for type checkers.

Everything in this package is written by `nox -s generate` from specs/; never edit it (`nox -s check_generated`
fails on any difference).
"""
