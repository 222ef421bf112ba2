"""The errors the records layer raises. Every message is meant for a person: it names the
problem (and the field, for validation) and never contains client data."""


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


class DiskFull(ClinicError):
    def __init__(self, message: str = "disk full: the record was not saved; free some space and save again"):
        super().__init__(message)


class AccessDenied(ClinicError):
    """The signed-in staff member's role does not allow this."""


class NotFound(ClinicError):
    pass


class Locked(ClinicError):
    def __init__(self, message: str = "the vault is locked"):
        super().__init__(message)
