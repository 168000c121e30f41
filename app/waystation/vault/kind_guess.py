"""A first guess at what a scan is, from its file name ("passport.jpg", "Загранпаспорт 2019.pdf",
"dogovor_arendy.pdf"): the add dialog starts from it and the person corrects it.

Names are read in English, Russian, Ukrainian and Belarusian, in Cyrillic and in the Latin spellings
people use for Russian words. The rules are tried in order and the first that matches wins, so the
more particular ones come first ("passport photo" is a photo, "марка паспорта" a passport). A name that
says nothing ("IMG_2041.jpg", "scan0001.pdf") gives no guess rather than a wrong one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from waystation.vault.models import Passport

# (kind, pattern): patterns are searched in the name lowered, with everything that is not a letter
# turned into single spaces ("Scan_ID-2020.jpg" → " scan id jpg "); \b then marks word edges.
_RULES: tuple[tuple[str, str], ...] = (
    ("photo", r"\bpass?port (photo|foto|pic|picture)s?\b|\bbiometric photo"),
    ("birth_certificate", r"birth|рожден|рождэн|rozhden|rozhdenii|народжен|нараджэн"),
    ("marriage_certificate", r"marriage|married|\bбрак|\bbrak[ea]?\b|шлюб|svidetelstvo o brake"),
    ("criminal_record", r"criminal|police (clearance|certificate)|несудим|судимост|nesudim|sudimost"),
    (
        "passport",
        r"pass?port|\bpasp|паспорт|пашпарт|загран|zagran|закордон|\bзп\b|\bzp\b",
    ),
    ("id_card", r"\bid\b|\bid ?card|idcard|identity|удостоверени|посвідченн|пасведчанн|\bid карт|айди"),
    (
        "permit",
        r"permit|residen[ct]|\bvisa|\bвиза|\bвіза|\bвнж\b|\bрвп\b|\bvnzh\b|\brvp\b|вид на жительств"
        r"|посвідка|дазвол|дозвіл|\bикамет|ikamet|\bkimlik|\bвизов",
    ),
    ("registration", r"registrat|регистрац|реєстрац|рэгістрац|прописк|propisk|registracij|\bmeldebesch"),
    ("health_insurance", r"insuranc|страхов|страхув|strahov|\bpolis|\bполис|\bполіс|medical cover"),
    ("lease", r"\blease|\brent|tenanc|аренд|оренд|арэнд|arend|\bнайм|\bnaym|\bnaim|\bmietvertrag"),
    (
        "employment_contract",
        r"employment|job offer|offer letter|work contract|трудов|trudov|працевлаштув|працоўн|\bоффер",
    ),
    ("bank_statement", r"\bbank|statement|выписк|виписк|выпіск|vypisk|банк"),
    ("diploma", r"diplom|диплом|degree|transcript|аттестат|атестат|attestat|бакалавр|магистр"),
    ("photo", r"\bphoto|\bfoto|\bфото|\bselfie|\bфотограф|\bздымак"),
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _RULES)

_INTERNATIONAL = re.compile(r"загран|zagran|закордон|international|foreign|travel|\bзп\b|\bzp\b")
_INTERNAL = re.compile(r"внутр|vnutr|internal|domestic|общегражд|obshchegrazhd")


def _words(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).lower().replace("ё", "е")
    return " " + re.sub(r"[\W\d_]+", " ", text).strip() + " "


def guess_kind(file_name: str) -> str | None:
    """The document kind the file name suggests, or None when it suggests none."""
    words = _words(file_name)
    return next((kind for kind, pattern in _COMPILED if pattern.search(words)), None)


def guess_passport(file_name: str, passports: Sequence[Passport]) -> Passport | None:
    """Which passport of the profile a passport scan probably shows: the only one, or the only
    one of the kind the name says ("загран…" is the international passport); else None."""
    with_number = [p for p in passports if p.number]
    if len(with_number) == 1:
        return with_number[0]
    words = _words(file_name)
    for pattern, kind in ((_INTERNATIONAL, "international"), (_INTERNAL, "internal")):
        if pattern.search(words):
            matching = [p for p in with_number if p.kind == kind]
            return matching[0] if len(matching) == 1 else None
    return None
