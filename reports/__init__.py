"""Printed documents: records' dataclasses in, PDF bytes out. No Qt, no SQL."""
from reports.alerts import alert_sheet
from reports.referral import referral_letter
from reports.summary import visit_summary

__all__ = ["alert_sheet", "referral_letter", "visit_summary"]
