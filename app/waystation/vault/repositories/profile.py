"""Person, passports, host, stays, family and notes."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from waystation.vault.models import FamilyMember, Host, Passport, Permit, Person, Profile, Stay
from waystation.vault.repositories._dates import from_text, to_text

if TYPE_CHECKING:
    from waystation.vault.connection import Connection, Vault

_PERSON_COLUMNS = (
    "family_name, given_names, patronymic, family_name_latin, given_names_latin, date_of_birth, "
    "place_of_birth, sex, citizenships, phone, email, notes"
)


class ProfileRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def load(self) -> Profile:
        v = self._vault
        row = v.read(f"SELECT {_PERSON_COLUMNS} FROM person WHERE id = 1")[0]
        person = Person(
            family_name=row[0],
            given_names=row[1],
            patronymic=row[2],
            family_name_latin=row[3],
            given_names_latin=row[4],
            date_of_birth=from_text(row[5]),
            place_of_birth=row[6],
            sex=row[7],
            citizenships=tuple(json.loads(row[8])),
            phone=row[9],
            email=row[10],
        )
        host_row = v.read("SELECT country, city, address, arrival_date FROM host WHERE id = 1")[0]
        return Profile(
            person=person,
            passports=tuple(
                Passport(
                    number=r[0],
                    kind=r[1],
                    issued=from_text(r[2]),
                    expires=from_text(r[3]),
                    authority=r[4],
                )
                for r in v.read(
                    "SELECT number, kind, issued, expires, authority FROM passport ORDER BY position, id"
                )
            ),
            host=Host(
                country=host_row[0],
                city=host_row[1],
                address=host_row[2],
                arrival_date=from_text(host_row[3]),
            ),
            stays=tuple(
                Stay(country=r[0], entered=date.fromisoformat(r[1]), left=from_text(r[2]))
                for r in v.read("SELECT country, entered, left_on FROM stay ORDER BY position, id")
            ),
            family=tuple(
                FamilyMember(relation=r[0], family_name=r[1], given_names=r[2], date_of_birth=from_text(r[3]))
                for r in v.read(
                    "SELECT relation, family_name, given_names, date_of_birth FROM family_member "
                    "ORDER BY position, id"
                )
            ),
            notes=row[11],
            permits=tuple(
                Permit(
                    country=r[0],
                    kind=r[1],
                    category=r[2],
                    number=r[3],
                    valid_from=date.fromisoformat(r[4]),
                    valid_until=from_text(r[5]),
                    days_allowed=r[6],
                    entries=r[7],
                )
                for r in v.read(
                    "SELECT country, kind, category, number, valid_from, valid_until, days_allowed, "
                    "entries FROM permit ORDER BY position, id"
                )
            ),
        )

    def replace(self, profile: Profile) -> None:
        """Replace the whole profile in one transaction (documents and progress stay)."""
        with self._vault.transaction() as conn:
            write_profile(conn, profile)


def write_profile(conn: Connection, profile: Profile) -> None:
    p = profile.person
    conn.execute(
        "UPDATE person SET family_name=?, given_names=?, patronymic=?, family_name_latin=?, "
        "given_names_latin=?, date_of_birth=?, place_of_birth=?, sex=?, citizenships=?, phone=?, "
        "email=?, notes=? WHERE id = 1",
        (
            p.family_name,
            p.given_names,
            p.patronymic,
            p.family_name_latin,
            p.given_names_latin,
            to_text(p.date_of_birth),
            p.place_of_birth,
            p.sex,
            json.dumps(list(p.citizenships)),
            p.phone,
            p.email,
            profile.notes,
        ),
    )
    h = profile.host
    conn.execute(
        "UPDATE host SET country=?, city=?, address=?, arrival_date=? WHERE id = 1",
        (h.country, h.city, h.address, to_text(h.arrival_date)),
    )
    conn.execute("DELETE FROM passport")
    conn.executemany(
        "INSERT INTO passport (position, number, kind, issued, expires, authority) VALUES (?,?,?,?,?,?)",
        [
            (i, x.number, x.kind, to_text(x.issued), to_text(x.expires), x.authority)
            for i, x in enumerate(profile.passports)
        ],
    )
    conn.execute("DELETE FROM stay")
    conn.executemany(
        "INSERT INTO stay (position, country, entered, left_on) VALUES (?,?,?,?)",
        [(i, s.country, to_text(s.entered), to_text(s.left)) for i, s in enumerate(profile.stays)],
    )
    conn.execute("DELETE FROM family_member")
    conn.executemany(
        "INSERT INTO family_member (position, relation, family_name, given_names, date_of_birth) "
        "VALUES (?,?,?,?,?)",
        [
            (i, f.relation, f.family_name, f.given_names, to_text(f.date_of_birth))
            for i, f in enumerate(profile.family)
        ],
    )
    conn.execute("DELETE FROM permit")
    conn.executemany(
        "INSERT INTO permit (position, country, kind, category, number, valid_from, valid_until, "
        "days_allowed, entries) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                i,
                x.country,
                x.kind,
                x.category,
                x.number,
                to_text(x.valid_from),
                to_text(x.valid_until),
                x.days_allowed,
                x.entries,
            )
            for i, x in enumerate(profile.permits)
        ],
    )
