"""The weekly export says the same thing whatever language the staff and the clients chose and
whatever the machine's locale: indicator codes and names (and the summary PDF) come from the
code, in English, so vans add up and the coordinator's tools read every van alike."""
import csv
import io
import json

from weekdata import WEEK, build_week, coordinator  # noqa: F401 (fixtures)

from helpers import open_bundle
from flows.export import export_week
from records import clients, settings, staff
from records.export.indicators import LABELS


def exported(vault, identity, path) -> dict[str, bytes]:
    files = open_bundle(export_week(vault, WEEK, path).path.read_bytes(), identity)
    return {name: body for name, body in files.items()
            if name not in ("manifest.json", "manifest.sig")}


def indicator_names(files) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(files["indicators.csv"].decode("utf-8-sig")))
    return {row["indicator"]: row["label"] for row in rows}


def test_indicators_are_the_same_in_every_language(vault, coordinator, tmp_path, monkeypatch):
    settings.update(vault, export_recipient=str(coordinator.to_public()))
    people = build_week(vault)
    in_english = exported(vault, coordinator, tmp_path / "en.age")

    for person in ("a", "b", "b2", "e"):
        clients.update(vault, people[person].id, language="fr")
    staff.set_pref(vault, "language", "fr")  # ui.i18n.LANGUAGE_PREF: the nurse's own choice
    monkeypatch.setenv("LANGUAGE", "fr")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    in_french = exported(vault, coordinator, tmp_path / "fr.age")

    assert in_french == in_english  # every file, byte for byte: CSV, JSON, FHIR, DHIS2, PDF
    assert indicator_names(in_french) == LABELS
    assert set(json.loads(in_french["indicators.json"])["indicators"]) == set(LABELS)
