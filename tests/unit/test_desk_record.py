"""The desk's record (helpdesk/desk_record.py) and settings (helpdesk/desk_settings.py): counts
per day and host country, nothing free-form, atomic writes, CSV export that never overwrites, and
unreadable files set aside rather than overwritten; neutral names for new clients' vaults."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from waystation.errors import InvalidInput
from waystation.helpdesk.desk_record import CSV_HEADER, DeskRecord, country_code, record_path
from waystation.helpdesk.desk_settings import (
    DeskSettings,
    DeskSettingsStore,
    new_client_vault,
    vaults_in,
)

DAY = date(2026, 5, 1)


def test_counts_per_day_and_country(tmp_path: Path) -> None:
    record = DeskRecord(tmp_path / "helpdesk" / "desk-record.json")
    assert record.rows() == [] and record.totals() == {"sessions": 0, "new_vaults": 0, "packets": 0}
    record.add(DAY, "GE", sessions=1, new_vaults=1)
    record.add(DAY, "ge", sessions=1)
    record.add(DAY, "GE", packets=2)
    record.add(DAY, None, sessions=1)
    record.add(date(2026, 5, 2), "AM", sessions=1)
    rows = [(r.day, r.country, r.sessions, r.new_vaults, r.packets) for r in record.rows()]
    assert rows == [
        ("2026-05-01", "", 1, 0, 0),
        ("2026-05-01", "GE", 2, 1, 2),
        ("2026-05-02", "AM", 1, 0, 0),
    ]
    assert record.totals() == {"sessions": 4, "new_vaults": 1, "packets": 2}
    assert sorted(p.name for p in record.path.parent.iterdir()) == ["desk-record.json"]  # no temporaries


def test_nothing_free_form_enters_the_record(tmp_path: Path) -> None:
    record = DeskRecord(tmp_path / "r.json")
    record.add(DAY, "Canaryova Zlata", sessions=1)
    record.add(DAY, "/home/desk/ivanova.vault", sessions=1)
    text = record.path.read_text("utf-8")
    assert "Canaryova" not in text and "ivanova" not in text and "home" not in text
    assert [r.country for r in record.rows()] == [""]
    assert country_code(" tr ") == "TR" and country_code("TUR") == ""


def test_csv_export(tmp_path: Path) -> None:
    record = DeskRecord(tmp_path / "r.json")
    record.add(DAY, "KZ", sessions=3, new_vaults=1, packets=2)
    target = tmp_path / "report.csv"
    assert record.export_csv(target) == 1
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8"))))
    assert rows == [list(CSV_HEADER), ["2026-05-01", "KZ", "3", "1", "2"]]
    with pytest.raises(InvalidInput, match="already exists"):
        record.export_csv(target)
    assert record.export_csv(target, force=True) == 1


def test_an_unreadable_record_is_set_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "desk-record.json"
    path.write_text('{"format": "waystation-desk-record/1", "days": {"not a day": {}}}', "utf-8")
    record = DeskRecord(path)
    assert record.rows() == [] and record.problem
    record.add(DAY, "RS", sessions=1)
    aside = tmp_path / "desk-record.json.unreadable"
    assert "not a day" in aside.read_text("utf-8")
    assert [r.country for r in DeskRecord(path).rows()] == ["RS"]
    for broken in (
        "[]",
        "{",
        json.dumps({"format": "waystation-desk-record/1", "days": {"2026-05-01": {"GE": {"sessions": -1}}}}),
    ):
        path.write_text(broken, "utf-8")
        assert DeskRecord(path).rows() == []


def test_the_record_lives_in_the_app_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from waystation import portable

    monkeypatch.setenv("WAYSTATION_DATA_DIR", str(tmp_path / "data"))
    portable.reset()
    assert record_path() == tmp_path / "data" / "helpdesk" / "desk-record.json"


def test_desk_settings_round_trip_and_unreadable_file(tmp_path: Path) -> None:
    store = DeskSettingsStore(tmp_path)
    assert store.load() == DeskSettings()
    store.save(DeskSettings(helpdesk=True, folder="/srv/desk", show_names=False, record=True))
    assert DeskSettingsStore(tmp_path).load() == DeskSettings(True, "/srv/desk", False, True)
    store.path.write_text("{broken", "utf-8")
    again = DeskSettingsStore(tmp_path)
    assert again.load() == DeskSettings() and again.problem
    again.save(DeskSettings(record=True))
    assert (tmp_path / "helpdesk.json.unreadable").read_text("utf-8") == "{broken"


def test_new_clients_get_neutral_names_and_listing_is_bounded(tmp_path: Path) -> None:
    first = new_client_vault(tmp_path, DAY)
    assert first.name == "client-2026-05-01-1.vault"
    first.write_bytes(b"")
    assert new_client_vault(tmp_path, DAY).name == "client-2026-05-01-2.vault"
    (tmp_path / ".hidden.vault").write_bytes(b"")
    (tmp_path / "notes.txt").write_bytes(b"")
    (tmp_path / "folder.vault").mkdir()
    assert [p.name for p in vaults_in(tmp_path)] == ["client-2026-05-01-1.vault"]
    assert vaults_in(tmp_path / "missing") == []
