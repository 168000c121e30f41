"""The add dialog's first guess at a document's kind, from the file name people actually use."""

from __future__ import annotations

import pytest

from waystation.vault.kind_guess import guess_kind, guess_passport
from waystation.vault.models import DOCUMENT_KINDS, Passport

TABLE: list[tuple[str, str | None]] = [
    # passports, in every spelling people use
    ("passport.jpg", "passport"),
    ("Passport_scan_2019.PNG", "passport"),
    ("pasport.jpeg", "passport"),
    ("паспорт.pdf", "passport"),
    ("Паспорт РФ, разворот.jpg", "passport"),
    ("Загранпаспорт Иванова.pdf", "passport"),
    ("загран 2 стр.jpg", "passport"),
    ("zagran.jpg", "passport"),
    ("zagranpasport_ivanova.png", "passport"),
    ("закордонний паспорт.pdf", "passport"),
    ("пашпарт.jpg", "passport"),
    ("фото паспорта.jpg", "passport"),
    ("скан_ЗП.jpg", "passport"),
    ("passport photo.jpg", "photo"),
    ("Passport-photos 3x4.png", "photo"),
    # the other kinds
    ("id-card.jpg", "id_card"),
    ("scan_ID_front.png", "id_card"),
    ("удостоверение личности.pdf", "id_card"),
    ("photo_3x4.jpg", "photo"),
    ("Фото на документы.png", "photo"),
    ("birth_certificate.pdf", "birth_certificate"),
    ("Свидетельство о рождении сына.pdf", "birth_certificate"),
    ("svidetelstvo_o_rozhdenii.jpg", "birth_certificate"),
    ("свідоцтво про народження.pdf", "birth_certificate"),
    ("marriage certificate.pdf", "marriage_certificate"),
    ("Свидетельство о браке.jpg", "marriage_certificate"),
    ("свідоцтво про шлюб.pdf", "marriage_certificate"),
    ("diploma.pdf", "diploma"),
    ("Диплом МГУ с приложением.pdf", "diploma"),
    ("аттестат.jpg", "diploma"),
    ("Справка о несудимости (апостиль).pdf", "criminal_record"),
    ("police_clearance.pdf", "criminal_record"),
    ("criminal record certificate.pdf", "criminal_record"),
    ("lease.pdf", "lease"),
    ("Договор аренды квартиры.pdf", "lease"),
    ("dogovor_arendy.pdf", "lease"),
    ("rental_agreement_tbilisi.pdf", "lease"),
    ("договір оренди.pdf", "lease"),
    ("employment_contract.pdf", "employment_contract"),
    ("Трудовой договор.pdf", "employment_contract"),
    ("job offer letter.pdf", "employment_contract"),
    ("bank_statement_march.pdf", "bank_statement"),
    ("Выписка из банка.pdf", "bank_statement"),
    ("health insurance.pdf", "health_insurance"),
    ("страховка.pdf", "health_insurance"),
    ("Страховой полис 2026.pdf", "health_insurance"),
    ("registration.jpg", "registration"),
    ("регистрация по месту пребывания.pdf", "registration"),
    ("прописка.jpg", "registration"),
    ("residence_permit.jpg", "permit"),
    ("ВНЖ карта.jpg", "permit"),
    ("visa.jpg", "permit"),
    ("ikamet.pdf", "permit"),
    ("вид на жительство.pdf", "permit"),
    # names that say nothing: no guess, rather than a wrong one
    ("IMG_2041.jpg", None),
    ("scan0001.pdf", None),
    ("Document.pdf", None),
    ("video.mp4", None),
    ("", None),
    ("....", None),
]


@pytest.mark.parametrize(("name", "kind"), TABLE, ids=[name or "(empty)" for name, _kind in TABLE])
def test_kind_from_the_file_name(name: str, kind: str | None) -> None:
    assert guess_kind(name) == kind


def test_every_guess_is_a_kind_the_vault_knows() -> None:
    assert {kind for _name, kind in TABLE if kind} <= set(DOCUMENT_KINDS)
    assert {kind for _name, kind in TABLE if kind} == set(DOCUMENT_KINDS) - {"other"}


def test_a_very_long_or_strange_name_is_answered_quickly() -> None:
    assert guess_kind("a" * 100_000 + ".jpg") is None
    assert guess_kind("\x00\u202e\ufeff.pdf") is None


INTERNATIONAL = Passport("751234567", "international")
INTERNAL = Passport("4510 123456", "internal")


def test_the_passport_shown_is_the_only_one_or_the_one_the_name_says() -> None:
    assert guess_passport("scan.jpg", [INTERNATIONAL]) == INTERNATIONAL
    assert guess_passport("scan.jpg", [INTERNATIONAL, INTERNAL]) is None
    assert guess_passport("Загранпаспорт.jpg", [INTERNATIONAL, INTERNAL]) == INTERNATIONAL
    assert guess_passport("внутренний паспорт.jpg", [INTERNATIONAL, INTERNAL]) == INTERNAL
    assert guess_passport("zagran.jpg", [INTERNATIONAL, Passport("2", "international")]) is None
    assert guess_passport("passport.jpg", []) is None
    assert guess_passport("passport.jpg", [Passport("", "international")]) is None
