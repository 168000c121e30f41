"""Checking a PDF password before encrypting with it.

AES-256 (revision 6) passwords go through SASLprep (RFC 4013) before they are hashed, and PDF
readers do the same when they open the file. A password SASLprep refuses (an emoji, a control
character, right-to-left letters mixed with left-to-right ones) would produce a PDF that readers
cannot open, so it is refused here, with a reason that does not repeat the password.
"""

from __future__ import annotations

import stringprep
import unicodedata

from waystation.errors import InvalidInput
from waystation.i18n import _

_PROHIBITED = (
    stringprep.in_table_c21,
    stringprep.in_table_c22,
    stringprep.in_table_c3,
    stringprep.in_table_c4,
    stringprep.in_table_c5,
    stringprep.in_table_c6,
    stringprep.in_table_c7,
    stringprep.in_table_c8,
    stringprep.in_table_c9,
    stringprep.in_table_a1,  # unassigned in Unicode 3.2: emoji and other recent characters
)


def _prepared(password: str) -> str:
    mapped = "".join(
        " " if stringprep.in_table_c12(c) else c for c in password if not stringprep.in_table_b1(c)
    )
    return unicodedata.normalize("NFKC", mapped)


def check_pdf_password(password: str) -> None:
    """Raise InvalidInput when PDF readers could not open a file encrypted with ``password``."""
    prepared = _prepared(password)
    if not prepared:
        raise InvalidInput(_("The PDF password is empty."))
    if any(check(c) for c in prepared for check in _PROHIBITED):
        raise InvalidInput(
            _(
                "The PDF password contains emoji or other special characters that PDF readers "
                "cannot handle; use letters, digits, spaces and punctuation."
            )
        )
    right_to_left = any(stringprep.in_table_d1(c) for c in prepared)
    if right_to_left and (
        any(stringprep.in_table_d2(c) for c in prepared)
        or not stringprep.in_table_d1(prepared[0])
        or not stringprep.in_table_d1(prepared[-1])
    ):
        raise InvalidInput(
            _(
                "A PDF password with right-to-left letters must use only right-to-left letters "
                "and start and end with one; PDF readers cannot handle it otherwise."
            )
        )
