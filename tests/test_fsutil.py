import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from records import fsutil
from records.errors import DiskFull

STAGES = ["after_temp_write", "after_fsync", "after_rename", "after_dir_fsync"]
BEFORE_RENAME = {"after_temp_write", "after_fsync"}
REPO = Path(__file__).resolve().parents[1]

OLD = b"old complete contents\n" * 100
NEW = b"NEW complete contents, longer than the old one\n" * 200


class Boom(Exception):
    pass


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_atomic_write_creates_and_replaces(tmp_path):
    target = tmp_path / "f.bin"
    fsutil.atomic_write(target, OLD)
    assert target.read_bytes() == OLD
    fsutil.atomic_write(str(target), NEW)
    assert target.read_bytes() == NEW
    assert os.listdir(tmp_path) == ["f.bin"]


def test_atomic_write_is_0600_even_with_open_umask(tmp_path):
    target = tmp_path / "f.bin"
    old_umask = os.umask(0)
    try:
        fsutil.atomic_write(target, OLD)
    finally:
        os.umask(old_umask)
    assert mode(target) == 0o600


@pytest.mark.parametrize("stage", STAGES)
def test_crash_hook_leaves_old_or_new_file_never_partial(tmp_path, monkeypatch, stage):
    target = tmp_path / "f.bin"
    fsutil.atomic_write(target, OLD)
    seen = []

    def hook(name):
        seen.append(name)
        if name == stage:
            raise Boom(name)

    monkeypatch.setattr(fsutil, "crash_hook", hook)
    with pytest.raises(Boom):
        fsutil.atomic_write(target, NEW)
    assert seen[-1] == stage
    expected = OLD if stage in BEFORE_RENAME else NEW
    assert target.read_bytes() == expected
    assert os.listdir(tmp_path) == ["f.bin"], "no temp file may be left behind"


def test_hook_sees_every_stage_in_order(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(fsutil, "crash_hook", seen.append)
    fsutil.atomic_write(tmp_path / "f.bin", OLD)
    assert seen == STAGES


@pytest.mark.parametrize("stage", ["after_temp_write", "after_fsync"])
def test_failure_before_rename_with_no_old_file_leaves_nothing(tmp_path, monkeypatch, stage):
    def hook(name):
        if name == stage:
            raise Boom(name)

    monkeypatch.setattr(fsutil, "crash_hook", hook)
    with pytest.raises(Boom):
        fsutil.atomic_write(tmp_path / "f.bin", NEW)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("stage", STAGES)
def test_process_killed_at_each_stage_leaves_old_or_new_file(tmp_path, stage):
    """A real crash: the process exits on the spot, no cleanup code runs."""
    target = tmp_path / "f.bin"
    fsutil.atomic_write(target, OLD)
    child = textwrap.dedent(
        f"""
        import os
        from records import fsutil
        def hook(name):
            if name == {stage!r}:
                os._exit(17)
        fsutil.crash_hook = hook
        fsutil.atomic_write({str(target)!r}, {NEW!r})
        """
    )
    proc = subprocess.run([sys.executable, "-c", child], cwd=REPO, capture_output=True)
    assert proc.returncode == 17, proc.stderr
    expected = OLD if stage in BEFORE_RENAME else NEW
    assert target.read_bytes() == expected
    assert mode(target) == 0o600
    # A hard crash before the rename may leave the temp file, but it is private and named so
    # it can never be mistaken for the target.
    for name in os.listdir(tmp_path):
        if name != "f.bin":
            assert fsutil.TEMP_MARKER in name and name.startswith(".f.bin")
            assert mode(tmp_path / name) == 0o600


def test_disk_full_raises_diskfull_and_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "f.bin"
    fsutil.atomic_write(target, OLD)

    def hook(name):
        if name == "after_temp_write":
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsutil, "crash_hook", hook)
    with pytest.raises(DiskFull):
        fsutil.atomic_write(target, NEW)
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["f.bin"]


def test_ensure_private_dir_creates_0700(tmp_path):
    d = tmp_path / "a" / "vault"
    fsutil.ensure_private_dir(d)
    assert d.is_dir()
    assert mode(d) == 0o700


def test_ensure_private_dir_tightens_existing_dir(tmp_path):
    d = tmp_path / "vault"
    d.mkdir()
    os.chmod(d, 0o755)
    fsutil.ensure_private_dir(d)
    assert mode(d) == 0o700


def test_private_umask_makes_new_files_owner_only_and_restores(tmp_path):
    before = os.umask(0o022)
    try:
        with fsutil.private_umask():
            with open(tmp_path / "plain.txt", "w") as f:
                f.write("x")
            os.mkdir(tmp_path / "sub")
        assert mode(tmp_path / "plain.txt") == 0o600
        assert mode(tmp_path / "sub") == 0o700
        assert os.umask(0o022) == 0o022  # restored
    finally:
        os.umask(before)
