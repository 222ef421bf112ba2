"""The names of the fields a ValidationError can name (records/errors.py), marked for the
catalog so a French screen names them in French (records.messages.field_name). A field
missing here is shown as its English name; tests/test_error_messages.py keeps the list whole."""
from records.i18n import C_

FIELDS = (
    # the records' own fields
    C_("field", "address"), C_("field", "aliases"), C_("field", "allergies"),
    C_("field", "area"), C_("field", "birth_date"), C_("field", "birth_year"),
    C_("field", "client_id"), C_("field", "client_told"), C_("field", "consent_police"),
    C_("field", "consent_sheet"), C_("field", "contact_notes"), C_("field", "destination_id"),
    C_("field", "disclose"), C_("field", "flags"), C_("field", "follow_up"),
    C_("field", "gender"), C_("field", "hours"), C_("field", "include_notes"),
    C_("field", "kind"), C_("field", "language"), C_("field", "legal_name"),
    C_("field", "medications"), C_("field", "name"), C_("field", "name_on_paper"),
    C_("field", "needles_returned"), C_("field", "note"), C_("field", "notes"),
    C_("field", "occurred_at"), C_("field", "overdose_reversals"), C_("field", "paper_name"),
    C_("field", "person_description"), C_("field", "phone"), C_("field", "plate_partial"),
    C_("field", "problems"), C_("field", "pronouns"), C_("field", "reason"),
    C_("field", "ref"), C_("field", "request"), C_("field", "secondary"),
    C_("field", "services"), C_("field", "shift_id"), C_("field", "site"),
    C_("field", "supplies"), C_("field", "uic_chosen"), C_("field", "uic_first"),
    C_("field", "uic_last"), C_("field", "urgency"), C_("field", "vehicle_description"),
    C_("field", "visit_id"), C_("field", "what_happened"),
    # settings
    C_("field", "backup_folder"), C_("field", "backup_keep"), C_("field", "clinic_name"),
    C_("field", "export_recipient"), C_("field", "idle_lock_minutes"),
    C_("field", "letterhead"), C_("field", "paper_size"), C_("field", "program"),
    C_("field", "recovery_recipient"), C_("field", "schedule"), C_("field", "timezone"),
    C_("field", "uic_secret"), C_("field", "van_code"), C_("field", "van_name"),
    # named where they are checked
    C_("field", "client"), C_("field", "clients"), C_("field", "confirmation"),
    C_("field", "consent"), C_("field", "contact line"), C_("field", "copy"),
    C_("field", "data key"), C_("field", "destination"), C_("field", "disclosure"),
    C_("field", "document"), C_("field", "end"), C_("field", "file"), C_("field", "key"),
    C_("field", "made at"), C_("field", "merge"), C_("field", "name on paper"),
    C_("field", "new passphrase"), C_("field", "outcome date"), C_("field", "passphrase"),
    C_("field", "period"), C_("field", "reason for voiding"), C_("field", "recipient"),
    C_("field", "recorded at"), C_("field", "recovery key"), C_("field", "referral"),
    C_("field", "role"), C_("field", "shift"), C_("field", "sites"),
    C_("field", "staff member"), C_("field", "staff name"), C_("field", "start"),
    C_("field", "status"), C_("field", "test result"), C_("field", "time"),
    C_("field", "uic"), C_("field", "van"), C_("field", "van signing key"),
    C_("field", "visit"), C_("field", "week"), C_("field", "weeks"), C_("field", "when"),
)
