"""The typed errors of guide updates, with the exit codes of PRODUCT.md: a bundle that is damaged
or not trusted is 4, a valid bundle that cannot be installed (older, invalid guide, needs a newer
app) is 2, another install running is 5."""

from __future__ import annotations

from waystation.errors import InvalidInput, WaystationError


class BundleRefused(WaystationError):
    """Damaged or not trusted: bad signature, unknown signer, hash mismatch, tampered manifest, a
    file that is not a bundle or holds anything a bundle may not hold. Nothing was installed."""

    exit_code = 4


class UpdateRefused(InvalidInput):
    """A genuine bundle that is not installed: older than what is installed, a guide that does not
    validate, or made for a newer Waystation. Nothing was installed."""


class UpdatesBusy(WaystationError):
    """Another Waystation process is changing the installed guides right now."""

    exit_code = 5
