"""Drafts: forms left unsaved at lock, kept encrypted in the vault for the staff member who
typed them; taken back or discarded (both delete); moved by a merge, deleted with the client."""
from datetime import datetime, timezone

import pytest
from conftest import FAST_KDF, PASSPHRASE

from records import clients, drafts, staff
from records.errors import NotFound
from records.models import ServiceItem
from records.vault import Vault

WHEN = datetime(2026, 11, 20, 3, 30, tzinfo=timezone.utc)
MARK = "Qzdraftnote"


def visit_page(client_id):
    return {"form": "visit", "context": {"client_id": client_id},
            "fields": {"occurred_at": WHEN, "note": MARK, "supplies": {"condoms": 12},
                       "services": (ServiceItem("hiv_test", "pending"),),
                       "disclose": frozenset({"sex_work"})}}


def test_kept_then_taken_back_once(vault, vault_dir):
    rose = clients.register(vault, "Rose")
    draft_id = drafts.keep(vault, rose.id, [visit_page(rose.id)])
    vault.lock()
    again = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        [draft] = drafts.waiting(again)
        assert draft.id == draft_id and draft.client_id == rose.id
        fields = draft.pages[0]["fields"]
        assert fields["occurred_at"] == WHEN  # a datetime again, not text
        assert fields["note"] == MARK and fields["supplies"] == {"condoms": 12}
        assert fields["services"] == [["hiv_test", "pending"]]
        assert fields["disclose"] == ["sex_work"]
        assert drafts.take(again, draft_id).pages == draft.pages
        assert drafts.waiting(again) == []
        with pytest.raises(NotFound):
            drafts.take(again, draft_id)
        actions = [r[0] for r in again.db.execute(
            "SELECT action FROM audit WHERE entity = 'draft' ORDER BY seq")]
        assert actions == ["keep", "restore"]
        details = " ".join(r[0] for r in again.db.execute("SELECT detail FROM audit"))
        assert MARK not in details
    finally:
        again.lock()


def test_not_in_plaintext_on_disk(vault, vault_dir):
    rose = clients.register(vault, "Rose")
    drafts.keep(vault, rose.id, [visit_page(rose.id)])
    vault.lock()
    for path in vault_dir.iterdir():
        assert MARK.encode() not in path.read_bytes()


def test_only_the_staff_member_who_typed_it_is_offered_it(vault, vault_dir):
    staff.add(vault, "Omar Outreach", "outreach", "another long passphrase", kdf=FAST_KDF)
    rose = clients.register(vault, "Rose")
    draft_id = drafts.keep(vault, rose.id, [visit_page(rose.id)])
    vault.lock()
    omar = Vault.open(vault_dir, "Omar Outreach", "another long passphrase")
    try:
        assert drafts.waiting(omar) == []
        with pytest.raises(NotFound):
            drafts.discard(omar, draft_id)
    finally:
        omar.lock()


def test_discard_deletes(vault):
    rose = clients.register(vault, "Rose")
    draft_id = drafts.keep(vault, rose.id, [visit_page(rose.id)])
    drafts.discard(vault, draft_id)
    assert drafts.waiting(vault) == []
    assert vault.db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0


def test_merge_moves_drafts_and_deletion_at_request_removes_them(vault):
    rose, red = clients.register(vault, "Rose"), clients.register(vault, "Red")
    drafts.keep(vault, red.id, [visit_page(red.id)])
    clients.merge(vault, rose.id, red.id)
    assert [d.client_id for d in drafts.waiting(vault)] == [rose.id]
    clients.delete_at_request(vault, rose.id)
    assert drafts.waiting(vault) == []
