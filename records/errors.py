"""The errors the records layer raises. Every message is meant for a person: it names the
problem (and the field, for validation) and never contains client data."""
import errno
import os
import shutil


class ClinicError(Exception):
    """Base class: anything the CLI or UI shows as one clear line."""


class ValidationError(ClinicError):
    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class NoVault(ClinicError):
    """There is no vault at the given folder."""


class VaultExists(ClinicError):
    """A vault is already there; refusing to overwrite it."""


class WrongPassphrase(ClinicError):
    def __init__(self, message: str = "wrong passphrase"):
        super().__init__(message)


class UnknownStaff(ClinicError):
    """No key slot for that staff name (or a name is needed to choose one)."""


class VaultDamaged(ClinicError):
    """The database or key file cannot be read as written: never re-created or overwritten."""


# A write refused by the system is not damage: SQLite rolled the transaction back.
WRITE_REFUSED = ("the system refused the write (file-size limit, full or failing disk); "
                 "nothing was saved; the vault is unchanged; run check")
REFUSED_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
# Below this much free space a refused write is put down to a full disk.
LOW_SPACE = 64 * 1024 * 1024


class DiskFull(ClinicError):
    """The system refused a write (full disk, file-size limit, failing disk); nothing was
    saved. Never restore advice: the vault is as it was before the write."""

    def __init__(self, message: str = WRITE_REFUSED):
        super().__init__(message)


def refused_write(folder) -> DiskFull:
    """The error for a write the system refused in `folder`: "the disk is full" only when
    the file system holding it has less than LOW_SPACE free, otherwise WRITE_REFUSED."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return DiskFull()
    if free >= LOW_SPACE:
        return DiskFull()
    mount = os.path.abspath(folder)
    while not os.path.ismount(mount) and os.path.dirname(mount) != mount:
        mount = os.path.dirname(mount)
    return DiskFull(f"the disk is full ({free // 1_000_000} MB free on {mount}); nothing was "
                    "saved; the vault is unchanged; free some space and try again")


class AccessDenied(ClinicError):
    """The signed-in staff member's role does not allow this."""


class NotFound(ClinicError):
    pass


class Locked(ClinicError):
    def __init__(self, message: str = "the vault is locked"):
        super().__init__(message)
