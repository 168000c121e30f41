"""Where each guide in use comes from, for ``content list`` and Settings: built into this
Waystation, or installed from a signed update (its bundle version and who signed it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from waystation import __version__
from waystation.i18n import _

if TYPE_CHECKING:
    from waystation.content.loader import PackLibrary

BUILT_IN = "built-in"
INSTALLED = "installed"


@dataclass(frozen=True)
class GuideOrigin:
    source: str  # BUILT_IN or INSTALLED
    version: str  # the bundle's version, or the app's for a built-in guide
    signer: str | None = None  # the signing key's fingerprint
    signer_name: str = ""  # who the key is said to belong to
    signer_key_id: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "version": self.version,
            "signer": self.signer,
            "signer_name": self.signer_name or None,
            "signer_key_id": self.signer_key_id,
        }

    def describe(self) -> str:
        if self.source == BUILT_IN:
            return _("built into Waystation {version}").format(version=self.version)
        who = self.signer_name or _("a trusted key")
        return _("update {version}, signed by {who} [{fingerprint}]").format(
            version=self.version, who=who, fingerprint=self.signer
        )


def guide_origin(library: PackLibrary, country: str) -> GuideOrigin:
    guide = library.installed.get(country)
    if guide is None or guide.signer is None:
        return GuideOrigin(BUILT_IN, __version__)
    return GuideOrigin(
        INSTALLED,
        guide.version,
        signer=guide.signer.fingerprint,
        signer_name=guide.signer.name,
        signer_key_id=guide.signer.key_id,
    )
