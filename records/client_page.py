"""Everything the client page shows, read at once: one query per table, whatever the number
of visits (the page of a client seen weekly for six years must open instantly).

`load` returns the client; all visits newest first with their services and supplies; all
referrals newest first with their destinations (the open ones to ask about are
`open_referrals`); the incidents the client reported, newest first.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import clients, directory, incidents, referrals, visits
from .models import Client, DirectoryEntry, Incident, Referral, Visit

if TYPE_CHECKING:
    from .vault import Vault


@dataclass(frozen=True)
class ClientPageData:
    client: Client
    visits: tuple[Visit, ...]
    referrals: tuple[Referral, ...]
    destinations: dict[int, DirectoryEntry]  # every destination a referral points to
    incidents: tuple[Incident, ...]

    @property
    def open_referrals(self) -> tuple[Referral, ...]:
        """Made and not voided: to ask about at this contact."""
        return tuple(r for r in self.referrals if r.status == "made" and not r.voided)


def load(vault: "Vault", client_id: int) -> ClientPageData:
    """Seven queries whatever the client's history: client, visits, their services, their
    supplies, referrals, their destinations, incidents."""
    client = clients.get(vault, client_id)
    referral_list = tuple(referrals.for_client(vault, client_id))
    return ClientPageData(
        client=client,
        visits=tuple(visits.for_client(vault, client_id)),
        referrals=referral_list,
        destinations=directory.get_many(vault, {r.destination_id for r in referral_list}),
        incidents=tuple(incidents.find(vault, client_id=client_id)))
