"""
The stream message models: one module per exchange with an AsyncAPI document (specs/<exchange>/asyncapi.yaml).

Written by `nox -s generate` with datamodel-code-generator; never edit.
"""
