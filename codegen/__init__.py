"""
The spec-to-client pipeline behind `nox -s generate` and `nox -s check_generated`.

Development tooling, not part of the wheel: it reads specs/, applies their patches and writes generated/.
"""
