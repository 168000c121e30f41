"""The numbered ladder of schema migrations. Each rung runs in one transaction and sets
``PRAGMA user_version``; a vault is never opened by a version older than the one that wrote it.

Rung N takes a vault from version N-1 to N. Never edit a rung that has shipped: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Connection = Any  # sqlcipher3 connection (no type stubs)
Migration = Callable[[Connection], None]

APPLICATION_ID = 0x57415953  # "WAYS": marks the file as a Waystation vault


def _v1_initial(conn: Connection) -> None:
    for statement in _V1_SCHEMA:
        conn.execute(statement)


_V1_SCHEMA = (
    """CREATE TABLE person (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        family_name TEXT NOT NULL DEFAULT '',
        given_names TEXT NOT NULL DEFAULT '',
        patronymic TEXT NOT NULL DEFAULT '',
        family_name_latin TEXT NOT NULL DEFAULT '',
        given_names_latin TEXT NOT NULL DEFAULT '',
        date_of_birth TEXT,
        place_of_birth TEXT NOT NULL DEFAULT '',
        sex TEXT,
        citizenships TEXT NOT NULL DEFAULT '[]',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE passport (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        number TEXT NOT NULL,
        kind TEXT NOT NULL,
        issued TEXT,
        expires TEXT,
        authority TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE host (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        country TEXT,
        city TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        arrival_date TEXT
    )""",
    """CREATE TABLE stay (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        country TEXT NOT NULL,
        entered TEXT NOT NULL,
        left_on TEXT
    )""",
    """CREATE TABLE family_member (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        relation TEXT NOT NULL,
        family_name TEXT NOT NULL DEFAULT '',
        given_names TEXT NOT NULL DEFAULT '',
        date_of_birth TEXT
    )""",
    """CREATE TABLE document (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        original_name TEXT NOT NULL DEFAULT '',
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        added TEXT NOT NULL,
        issued TEXT,
        expires TEXT
    )""",
    """CREATE TABLE document_content (
        document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
        data BLOB NOT NULL
    )""",
    """CREATE TABLE step_progress (
        step_id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('todo', 'doing', 'done', 'skipped')),
        on_date TEXT,
        note TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    "INSERT INTO person (id) VALUES (1)",
    "INSERT INTO host (id) VALUES (1)",
)


def _v2_permits(conn: Connection) -> None:
    """Visas, residence permits, protection and filing receipts: the legal bases of a stay."""
    conn.execute(
        """CREATE TABLE permit (
            id INTEGER PRIMARY KEY,
            position INTEGER NOT NULL,
            country TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('visa', 'residence_permit', 'permanent_residence',
                                               'temporary_protection', 'application_pending')),
            category TEXT,
            number TEXT,
            valid_from TEXT NOT NULL,
            valid_until TEXT,
            days_allowed INTEGER CHECK (days_allowed IS NULL OR days_allowed > 0),
            entries TEXT CHECK (entries IS NULL OR entries IN ('single', 'multiple'))
        )"""
    )


def _v3_passport_scans(conn: Connection) -> None:
    """A scan of a passport can name the passport of the profile it shows (by its number, as the
    profile stores no other lasting key for a passport). NULL: not linked."""
    conn.execute("ALTER TABLE document ADD COLUMN passport_number TEXT")


def _v4_form_mappings(conn: Connection) -> None:
    """Mappings of official forms (``waystation-form-map/1`` JSON, no personal data) the person
    keeps, one per form, keyed by the form's fingerprint (see waystation/forms/)."""
    conn.execute(
        """CREATE TABLE form_mapping (
            fingerprint TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            mapping TEXT NOT NULL,
            saved TEXT NOT NULL
        )"""
    )


MIGRATIONS: tuple[Migration, ...] = (_v1_initial, _v2_permits, _v3_passport_scans, _v4_form_mappings)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return len(migrations)


def apply(conn: Connection, current: int, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Run every rung above ``current``, each in its own transaction; returns the new version."""
    for number, migration in enumerate(migrations, start=1):
        if number <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute(f"PRAGMA user_version = {number:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        current = number
    return current
