"""A print job's PDF: records.printing gathers the inputs from the vault, this renders them
(flows/documents.py does both). Nothing here touches the vault or any file; the bytes stay in
memory."""
from __future__ import annotations

from records.printing import AlertInputs, DocumentInputs, ReferralInputs, VisitInputs
from reports.alerts import alert_sheet
from reports.referral import referral_letter
from reports.summary import visit_summary


def render(inputs: DocumentInputs) -> bytes:
    """The document as PDF bytes."""
    if isinstance(inputs, ReferralInputs):
        return referral_letter(
            inputs.referral, inputs.client, inputs.destination, inputs.staff, inputs.settings,
            copy=inputs.copy, language=inputs.language, recent_tests=inputs.recent_tests)
    if isinstance(inputs, VisitInputs):
        return visit_summary(
            inputs.visit, inputs.client, inputs.staff, inputs.settings, copy=inputs.copy,
            language=inputs.language, referrals=inputs.referrals, disclose=inputs.disclose)
    if isinstance(inputs, AlertInputs):
        return alert_sheet(inputs.incidents, inputs.settings, date_from=inputs.date_from,
                           date_to=inputs.date_to, language=inputs.language)
    raise TypeError(f"not a document's inputs: {type(inputs).__name__}")
