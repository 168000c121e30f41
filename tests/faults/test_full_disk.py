"""A real full disk, for every command that writes (issue 12, item 8): a small tmpfs holding the
vault and the place files go, filled up before the command runs (root only), and RLIMIT_FSIZE
(a file may not grow past a size: on every machine). Each command fails with one clear line,
exit 1, or succeeds; the vault opens with its passphrase and holds what it held; nothing is left
behind. A wipe needs no space: it overwrites in place, and works on a full disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.commands import COMMANDS, IDS, PASS, Places, WriteCommand, held, make_inputs, make_vault
from tests.faults.support import fill_disk, one_clear_line, small_disk, state_of

FULL_DISK_WORDS = ("disk is full", "No space left", "could not be read or written")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("full-disk-inputs")
    return make_inputs(folder / "inputs", folder / "home")


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_full_disk(tmp_path: Path, inputs: Path, command: WriteCommand) -> None:
    with small_disk(tmp_path / "disk", "3m") as disk:
        places = Places(make_vault(disk / "client.vault"), disk, inputs)
        before = held(places.vault)
        fill_disk(disk)
        present = {p.name for p in disk.iterdir()}
        result = command.run(tmp_path / "home", places)
        if command.name == "vault wipe":
            assert result.code == 0, result.err
            assert not places.vault.exists()
            return
        assert result.code == 1, result.err
        assert one_clear_line(result), result.err
        assert any(words in result.err for words in FULL_DISK_WORDS), result.err
        assert {p.name for p in disk.iterdir()} == present, "something was left behind"
        (disk / "filler").unlink()  # room to open (and roll back) again
        assert held(places.vault) == before


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_file_size_limit(tmp_path: Path, inputs: Path, command: WriteCommand) -> None:
    """RLIMIT_FSIZE at 256 KB, below the vault's size: writes past it fail with EFBIG."""
    folder = tmp_path / "place"
    folder.mkdir()
    places = Places(make_vault(folder / "client.vault"), folder, inputs)
    before = held(places.vault)
    present = {p.name for p in folder.iterdir()}
    result = command.run(tmp_path / "home", places, file_size_limit=256 * 1024)
    if command.name == "vault wipe":  # the salt goes first; the rest is refused; deleted anyway
        assert result.code == 0 and not places.vault.exists(), result.err
        assert "only the start of" in result.err and "deleted all the same" in result.err
        return
    assert result.code in (0, 1), result.err
    if result.code == 1:
        assert one_clear_line(result), result.err
        assert {p.name for p in folder.iterdir()} - {"client.vault-journal"} == present
        assert held(places.vault) == before
    else:  # small enough to fit: done properly
        state = state_of(places.vault, [PASS, "fault suite new passphrase"])
        assert state is not None and state.intact
