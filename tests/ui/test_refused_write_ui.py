"""A write the system refuses (here a real one: a file-size limit below one journal record)
leaves the visit form filled, says what happened, and the same save works once it can."""
import contextlib
import resource
import signal

from formkit import save_keys, show, tick, type_into

from records import clients, visits
from records.errors import WRITE_REFUSED
from ui.visit_form import VisitForm


@contextlib.contextmanager
def file_size_limit(limit: int):
    """RLIMIT_FSIZE on this process for a moment (SIGXFSZ ignored, so a write past the limit
    fails with EFBIG as under `ulimit -f`); the soft limit goes back to what it was."""
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


def test_a_refused_save_keeps_the_form_filled_and_says_why(qtbot, vault):
    client = clients.register(vault, "Rosie Red")
    form = show(qtbot, VisitForm(vault, client_id=client.id))
    tick(qtbot, form.service_checks["counselling"])
    type_into(qtbot, form.supply_spins["condoms"], "30")
    type_into(qtbot, form.reason, "Check-in")
    type_into(qtbot, form.note, "Long talk")

    with qtbot.assertNotEmitted(form.saved), file_size_limit(1024):
        save_keys(qtbot, form)
    assert form.banner.text() == f"Not saved. {WRITE_REFUSED}"
    assert "restore" not in form.banner.text().lower()
    assert form.service_checks["counselling"].isChecked()
    assert form.supply_spins["condoms"].value() == 30
    assert form.reason.text() == "Check-in" and form.note.text() == "Long talk"
    assert visits.for_client(vault, client.id) == []

    with qtbot.waitSignal(form.saved):
        save_keys(qtbot, form)
    [saved] = visits.for_client(vault, client.id)
    assert (saved.reason, saved.note, saved.supplies) == ("Check-in", "Long talk", {"condoms": 30})
