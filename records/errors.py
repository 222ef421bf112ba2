"""The errors the records layer raises. Every message is meant for a person: it names the
problem (and the field, for validation) and never contains client data."""
import errno
import os
import shutil


class Message(str):
    """English text that keeps the template it was made from and the values put into it."""

    template: str
    params: dict

    def __new__(cls, template: str, params: dict | None = None) -> "Message":
        params = dict(params or {})
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template, self.params = template, params
        return self

    def __reduce__(self):
        return Message, (self.template, self.params)


def msg(template: str, /, **params) -> Message:
    """A message for the catalog: `template` with `{name}` placeholders filled from `params`."""
    return Message(template, params)


def joined(*parts) -> Message:
    """Messages (or errors) put one after the other, each translated on its own."""
    return Message("".join(f"{{part{n}}}" for n in range(len(parts))),
                   {f"part{n}": part for n, part in enumerate(parts)})


class ClinicError(Exception):
    """Base class: anything the CLI or UI shows as one clear line. Its message is English
    (str(exc)); records.messages.translate(exc, lang) gives it in the nurse's language. A
    message with values is made with msg() (records/messages.py), never an f-string."""

    def __init__(self, *args):
        super().__init__(*(Message(arg) if type(arg) is str else arg for arg in args))


class ValidationError(ClinicError):
    """`field` (a name records/field_names.py lists) and the `problem` with it."""

    def __init__(self, field: str, problem: str):
        self.field = field
        self.problem = Message(problem) if type(problem) is str else problem
        super().__init__(msg("{field}: {problem}", field=field, problem=self.problem))


class NoVault(ClinicError):
    """There is no vault at the given folder."""


class VaultExists(ClinicError):
    """A vault is already there; refusing to overwrite it."""


class WrongPassphrase(ClinicError):
    def __init__(self, message: str = msg("wrong passphrase")):
        super().__init__(message)


class UnknownStaff(ClinicError):
    """No key slot for that staff name (or a name is needed to choose one)."""


class VaultDamaged(ClinicError):
    """The database or key file cannot be read as written: never re-created or overwritten."""


# A write refused by the system is not damage: SQLite rolled the transaction back.
WRITE_REFUSED = msg("the system refused the write (file-size limit, full or failing disk); "
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
    return DiskFull(msg("the disk is full ({free} MB free on {mount}); nothing was saved; the "
                        "vault is unchanged; free some space and try again",
                        free=free // 1_000_000, mount=mount))


class AccessDenied(ClinicError):
    """The signed-in staff member's role does not allow this."""


class NotFound(ClinicError):
    pass


class Locked(ClinicError):
    def __init__(self, message: str = msg("the vault is locked")):
        super().__init__(message)
