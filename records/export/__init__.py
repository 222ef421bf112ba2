"""The weekly export to the coordinator: de-identified indicators, line list, FHIR and DHIS2
files in one zip, signed with the van's key (vankey) and encrypted with age to the
coordinator's key; and the coordinator's side (key generation, the vans' keyring, then
verify, validate, merge and combine bundles, and the audit ledger). Definitions are in
docs/export-format.md.

`week.collect` reads everything a week needs from the vault into plain data (the only step
that touches the database); every other module here works on that data alone.
"""
