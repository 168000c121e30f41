"""Form mappings (``waystation-form-map/1``): the file round-trips, every problem is named with its
place in the file, a mapping for another form is refused with the reason, the proposal finds the
labelled fields of a real-world-shaped German form, and mappings are kept in and shared between
vaults."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from tests.conftest import PASSPHRASE
from tests.forms_support import GERMAN_TRUTH, cyrillic_profile, german_form, simple_form
from waystation.errors import InvalidInput
from waystation.forms import library
from waystation.forms.choices import choices_for, key_of, rule_for
from waystation.forms.mapping import FORMAT, FormMap, Rule, loads
from waystation.forms.model import FormInfo
from waystation.forms.paths import COMMON_PATHS, parse_path, resolve
from waystation.forms.propose import propose
from waystation.forms.reading import read_form
from waystation.forms.values import check_mapping, plan
from waystation.packets.cells import draw_line
from waystation.packets.fonts import BASE, register_fonts
from waystation.vault.connection import Vault

TODAY = date(2026, 5, 1)


def mapping_text(fingerprint: str, fields: dict[str, object]) -> str:
    return json.dumps({"format": FORMAT, "form": {"fingerprint": fingerprint}, "fields": fields})


def simple_info() -> FormInfo:
    return read_form(simple_form()).info


def test_a_mapping_round_trips() -> None:
    info = simple_info()
    text = mapping_text(
        info.fingerprint,
        {
            "surname": {"value": "person.family_name_latin", "case": "upper"},
            "given": {"value": ["person.given_names_latin", "person.patronymic_latin"], "separator": " "},
            "dob": {"value": "person.date_of_birth", "date_format": "DD.MM.YYYY"},
            "female": {"check": 'person.sex == "F"'},
            "marital": {
                "choose": {
                    "married": "family[spouse].given_names",
                    "single": "not family[spouse].given_names",
                }
            },
            "nationality": {"value": "person.citizenships[0]", "values": {"RU": "Russia"}},
            "pob": {"constant": "—"},
            "address": {"empty": True},
        },
    )
    mapping = loads(text)
    assert loads(mapping.dumps()) == mapping
    check_mapping(info, mapping)


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        (
            {"surname": {"value": "person.surname"}},
            "fields.surname.value: person.surname is not a profile value",
        ),
        ({"surname": {"value": "passports[x].number"}}, "passports[x].number is not a profile value"),
        ({"dob": {"value": "person.date_of_birth", "date_format": "31.12"}}, "fields.dob.date_format"),
        ({"female": {"check": "person.sex = F"}}, "fields.female.check"),
        ({"female": {"check": 'person.sexx == "F"'}}, "person.sexx is not a profile value"),
        ({"surname": {"value": "person.family_name", "colour": "red"}}, "unknown key colour"),
        ({"surname": {"value": "person.family_name", "constant": "x"}}, "exactly one of"),
        ({"surname": "person.family_name"}, "fields.surname: must be an object"),
    ],
)
def test_every_problem_in_a_mapping_is_named(fields: dict[str, object], named: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        loads(mapping_text("fp1:x", fields))
    assert named in caught.value.message


def test_files_that_are_not_mappings_are_refused() -> None:
    for text, words in (
        ("{not json", "not valid JSON"),
        ('{"format": "waystation-profile/2"}', "not a form mapping"),
        (json.dumps({"format": FORMAT, "fields": {}}), "form.fingerprint"),
        ("[" * 100_000, "not valid JSON"),
        (" " * (3 * 1024 * 1024), "larger than"),
    ):
        with pytest.raises(InvalidInput, match=words):
            loads(text)


def test_a_mapping_for_another_form_is_refused_with_the_reason() -> None:
    info = simple_info()
    other = propose(read_form(german_form()).info).mapping
    with pytest.raises(InvalidInput) as caught:
        check_mapping(info, other)
    assert "another form" in caught.value.message and "Textfeld 1" in caught.value.message
    edition = read_form(simple_form(surname_max=30)).info
    same_names = FormMap(edition.fingerprint, {"surname": Rule("empty")}, "Edition 2", None, 11)
    with pytest.raises(InvalidInput, match="same names but differ"):
        check_mapping(info, same_names)


@pytest.mark.parametrize(
    ("field", "rule", "words"),
    [
        ("marital", {"choose": {"divorced": 'person.sex == "F"'}}, "no state divorced"),
        ("nationality", {"constant": "Atlantis"}, "not one of the field's choices"),
        ("female", {"value": "person.sex"}, "takes a condition"),
        ("surname", {"check": 'person.sex == "F"'}, "only checkboxes and radio buttons"),
        ("nosuchfield", {"empty": True}, "does not have: nosuchfield"),
    ],
)
def test_a_mapping_asking_a_field_for_what_it_cannot_take_is_refused(
    field: str, rule: object, words: str
) -> None:
    info = simple_info()
    mapping = loads(mapping_text(info.fingerprint, {field: rule}))
    with pytest.raises(InvalidInput, match=words):
        check_mapping(info, mapping)


def test_every_common_path_resolves_and_unknown_indexes_are_empty() -> None:
    profile = cyrillic_profile()
    for text in COMMON_PATHS:
        resolve(profile, parse_path(text), TODAY)  # never raises
    assert resolve(profile, parse_path("family[spouse].given_names_latin"), TODAY) == "ALEKSEI"
    assert resolve(profile, parse_path("family[child1].given_names"), TODAY) == "Пётр"
    assert resolve(profile, parse_path("family[child2].given_names"), TODAY) is None
    assert resolve(profile, parse_path("passports[-1].number"), TODAY) == "751234567"
    assert resolve(profile, parse_path("passports[7].number"), TODAY) is None
    assert resolve(profile, parse_path("person.patronymic_latin"), TODAY) == "SERGEEVNA"
    assert resolve(profile, parse_path("today"), TODAY) == TODAY


def test_the_proposal_finds_the_labelled_fields_of_the_german_form() -> None:
    info = read_form(german_form()).info
    proposal = propose(info).mapping
    wanted = {name: truth for name, truth in GERMAN_TRUTH.items() if truth is not None}
    found = [name for name, truth in wanted.items() if _proposed(proposal.rules.get(name)) == truth]
    wrong = [
        name for name, truth in GERMAN_TRUTH.items() if truth is None and _proposed(proposal.rules.get(name))
    ]
    rate = len(found) / len(wanted)
    print(
        f"\nGerman form: {len(found)} of {len(wanted)} labelled fields proposed right ({rate:.0%}); {len(wrong)} wrong"
    )
    assert rate >= 0.8, sorted(set(wanted) - set(found))
    assert not wrong
    assert proposal.rules["Textfeld 4"].date_format == "DD.MM.YYYY"
    assert dict(proposal.rules["Auswahl 1"].values)["RU"] == "Russland"


def _proposed(rule: Rule | None) -> str | None:
    """A proposal in the words of GERMAN_TRUTH (None: nothing or "by hand")."""
    if rule is None or rule.kind == "empty":
        return None
    if rule.kind == "check" and rule.condition is not None:
        return rule.condition.text
    if rule.kind == "value":
        return "+".join(path.text for path in rule.paths)
    return rule.kind


def _form_with_labels(labels: list[str]) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=BASE)
    for index, text in enumerate(labels):
        y = 760 - index * 30
        draw_line(canvas, 40, y + 5, text, 10)  # each script in its own font, Hebrew in display order
        canvas.acroForm.textfield(name=f"field{index}", x=250, y=y, width=250, height=18, maxlen=None)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_russian_form_takes_names_as_written_and_a_georgian_one_in_latin_letters() -> None:
    russian = propose(read_form(_form_with_labels(["Фамилия", "Имя", "Отчество", "Дата рождения"])).info)
    assert [_proposed(russian.mapping.rules.get(f"field{i}")) for i in range(4)] == [
        "person.family_name",
        "person.given_names",
        "person.patronymic",
        "person.date_of_birth",
    ]
    georgian = propose(
        read_form(_form_with_labels(["გვარი", "სახელი", "დაბადების თარიღი", "მოქალაქეობა"])).info
    )
    assert georgian.mapping.language == "ka"
    assert [_proposed(georgian.mapping.rules.get(f"field{i}")) for i in range(4)] == [
        "person.family_name_latin",
        "person.given_names_latin",
        "person.date_of_birth",
        "person.citizenships[0]",
    ]


@pytest.mark.parametrize(
    ("labels", "language"),
    [
        (["Soyadı", "Adı", "Doğum tarihi", "Uyruğu"], "tr"),
        (["Příjmení", "Jméno", "Datum narození", "Státní občanství"], "cs"),
        (["Uzvārds", "Vārds", "Dzimšanas datums", "Pilsonība"], "lv"),
        (["Pavardė", "Vardas", "Gimimo data", "Pilietybė"], "lt"),
        (["Презиме", "Име", "Датум рођења", "Држављанство"], "sr"),
        (["Ազգանուն", "Անուն", "Ծննդյան ամսաթիվ", "Քաղաքացիություն"], "hy"),
        (["שם משפחה", "שם פרטי", "תאריך לידה", "אזרחות"], "he"),
        (["นามสกุล", "ชื่อตัว", "วันเกิด", "สัญชาติ"], "th"),
        (["Тегі", "Аты", "Туған күні", "Азаматтығы"], "kk"),
        (["Familiya", "Ism", "Tug'ilgan sana", "Fuqaroligi"], "uz"),
        (["Surname", "Given names", "Date of birth", "Nationality"], "en"),
    ],
)
def test_the_label_table_covers_the_host_languages(labels: list[str], language: str) -> None:
    proposal = propose(read_form(_form_with_labels(labels)).info)
    got = [_proposed(proposal.mapping.rules.get(f"field{i}")) for i in range(4)]
    assert got[2:] == ["person.date_of_birth", "person.citizenships[0]"], got
    assert got[0] in ("person.family_name_latin", "person.family_name"), got
    assert got[1] in ("person.given_names_latin", "person.given_names"), got


def test_the_editor_choices_stand_for_rules_and_back() -> None:
    info = simple_info()
    for item in info.fields:
        for choice in choices_for(item):
            rule = rule_for(item, choice.key, text="x", date_format="DD.MM.YYYY")
            assert key_of(item, rule) == choice.key, (item.name, choice.key)
            if rule is not None:
                check_mapping(info, FormMap(info.fingerprint, {item.name: rule}))


def test_the_plan_names_what_the_report_will_say() -> None:
    info = simple_info()
    mapping = loads(
        mapping_text(
            info.fingerprint,
            {
                "surname": {"value": "person.email"},
                "dob": {"value": "person.date_of_birth", "date_format": "YYYY-MM-DD"},
                "pob": {"value": "family[spouse].given_names"},
                "nationality": {"value": "person.place_of_birth"},
                "address": {"empty": True},
            },
        )
    )
    planned, report = plan(info, mapping, cyrillic_profile(), TODAY)
    kinds = {(f.kind, f.field) for f in report.findings}
    assert ("date_format", "dob") in kinds  # the label asks for DD.MM.YYYY
    assert ("not_in_choices", "nationality") in kinds
    assert ("unknown", "given") in kinds and ("by_hand", "address") in kinds
    assert not any(f.field == "pob" for f in report.findings)  # the profile has a spouse
    assert {p.field.name: p.text for p in planned}["dob"] == "1990-04-12"


def test_mappings_are_kept_in_the_vault_and_shared_as_a_set(tmp_path: Path) -> None:
    german = propose(read_form(german_form()).info).mapping
    simple = propose(read_form(simple_form()).info).mapping
    with Vault.create(tmp_path / "desk.vault", PASSPHRASE) as vault:
        library.keep(vault, [german, simple], TODAY)
        shared = library.dumps_set(library.kept(vault))
    assert "Иванова" not in shared and "IVANOVA" not in shared  # no personal data in a mapping
    with Vault.create(tmp_path / "client.vault", PASSPHRASE) as client:
        library.keep(client, library.loads_any(shared), TODAY)
        assert library.kept_for(client, german.fingerprint) == german
        assert (
            library.forget(client, simple.fingerprint)
            and library.kept_for(client, simple.fingerprint) is None
        )
        library.keep(client, library.loads_any(simple.dumps()), TODAY)  # a single mapping imports too
        assert library.kept_for(client, simple.fingerprint) == simple


def test_a_set_with_one_bad_mapping_keeps_nothing_and_names_it(tmp_path: Path) -> None:
    good = propose(read_form(simple_form()).info).mapping.to_json()
    bad = json.loads(json.dumps(good))
    bad["fields"]["surname"] = {"value": "person.nickname"}
    text = json.dumps({"format": library.SET_FORMAT, "mappings": [good, bad]})
    with pytest.raises(InvalidInput, match=r"mappings\[1\]: fields.surname.value: person.nickname"):
        library.loads_any(text)
    with pytest.raises(InvalidInput, match="neither a form mapping"):
        library.loads_any('{"format": "something/1"}')


def test_a_russian_residence_form_is_proposed_in_cyrillic() -> None:
    from tests.forms_support import russian_form

    info = read_form(russian_form()).info
    rules = propose(info).mapping.rules
    assert info.language == "ru"
    expected = {
        "familiya": "person.family_name",
        "imya": "person.given_names",
        "otchestvo": "person.patronymic",
        "data_rozhdeniya": "person.date_of_birth",
        "mesto_rozhdeniya": "person.place_of_birth",
        "grazhdanstvo": "person.citizenships[0]",
        "pasport": "passports[international].number",
        "data_vydachi": "passports[international].issued",
        "kem_vydan": "passports[international].authority",
        "srok": "passports[international].expires",
        "adres": "host.address",
        "telefon": "person.phone",
        "data_vezda": "host.arrival_date",
        "rebenok_familiya": "family[child1].family_name",
        "rebenok_imya": "family[child1].given_names",
        "rebenok_data": "family[child1].date_of_birth",
        "pol_m": 'person.sex == "M"',
        "pol_zh": 'person.sex == "F"',
    }
    assert {name: _proposed(rules.get(name)) for name in expected} == expected
    assert rules["podpis"].kind == "empty"  # a signature: by hand
