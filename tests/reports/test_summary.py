"""Visit summaries: the clinical copy carries everything, the client copy is plain."""
from pdf_helpers import TODAY, clean_settings, client, destination, metadata_of, referral, staff, text_of, visit
from reports import visit_summary
from reports.neutral import find_forbidden


def summary(copy, who=client(), **kwargs):
    return visit_summary(visit(), who, staff(), clean_settings(), copy=copy, today=TODAY,
                         referrals=[(referral(), destination())], **kwargs)


def test_clinical_copy_carries_everything():
    printed = text_of(summary("clinical"))
    for expected in ("VISITNOTE", "VISITREASON", "SITE", "FOLLOWUP", "HIV test: negative",
                     "Needles and syringes: 10", "Needles returned: 15",
                     "Collected for someone else: yes", "Overdose reversals reported: 1",
                     "DESTNAME", "Addictions services", "Referral made", "FSAJO1990",
                     "Monday, November 24, 2025, 21:30", "Confidential: clinical record"):
        assert expected in printed


def test_client_copy_in_plain_words():
    printed = text_of(summary("client"))
    for expected in ("What we did today", "Wound care", "Lab test (×4)",
                     "Downtown Health Centre", "Mon-Fri 9:00-16:30", "Tuesday 21:00-02:00",
                     "Dundas & Adelaide", "Maria Lopez", "Van phone 519-555-0142"):
        assert expected in printed
    assert "Come and see us if anything changes" in printed  # the follow-up was not clean
    assert find_forbidden(printed) == []


def test_clean_follow_up_is_printed():
    pdf = visit_summary(visit(follow_up="Come back Thursday for the dressing."), client(),
                        staff(), clean_settings(), copy="client", today=TODAY)
    assert "Come back Thursday for the dressing." in text_of(pdf)


def test_voided_referrals_are_left_out():
    pdf = visit_summary(visit(), client(), staff(), clean_settings(), copy="client",
                        today=TODAY, referrals=[(referral(voided=True), destination())])
    assert "Downtown Health Centre" not in text_of(pdf)


def test_anonymous_contact():
    assert "Anonymous contact" in text_of(summary("clinical", who=None))
    printed = text_of(summary("client", who=None))
    assert "What we did today" in printed and "For" not in printed.split()


def test_metadata_is_neutral_and_names_no_client():
    for copy in ("client", "clinical"):
        meta = metadata_of(summary(copy))
        assert meta["/Title"] == "Visit summary"
        assert not any("Sam" in value or "FSAJO" in value for value in meta.values())
        assert find_forbidden(" ".join(meta.values())) == []


def test_french_client_copy():
    printed = text_of(summary("client", language="fr"))
    assert "Ce que nous avons fait aujourd'hui" in printed
    assert "Analyse de laboratoire (×4)" in printed
    assert find_forbidden(printed) == []
