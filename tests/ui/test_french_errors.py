"""A records error on a French screen is in French (ui.i18n.error_text), while the command
line, in the same process, still prints the English line."""
from formkit import show, type_into
from PySide6.QtCore import Qt

import main
import records.visits
from records.errors import DiskFull
from ui.quick_contact import QuickContactForm

NNBSP = "\u202f"


def test_a_french_form_says_what_is_wrong_in_french(qtbot, vault, monkeypatch, french):
    form = show(qtbot, QuickContactForm(vault))
    type_into(qtbot, form.supply_spins["pipes"], "50000")
    with qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(form.focusWidget(), Qt.Key_Return)
    assert "dépasse 10000" in form.banner.text()  # the form's own words are Qt's (.ts)
    assert "is more than" not in form.banner.text()
    assert form.supply_spins["pipes"].value() == 50000  # nothing typed is lost

    type_into(qtbot, form.supply_spins["pipes"], "5")

    def full(*args, **kwargs):
        raise DiskFull()
    monkeypatch.setattr(records.visits, "record", full)
    with qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(form.focusWidget(), Qt.Key_Return)
    assert (f"le système a refusé l'écriture (limite de taille de fichier, disque plein ou "
            f"défaillant){NNBSP}; rien n'a été enregistré") in form.banner.text()
    assert "refused" not in form.banner.text()


def test_the_command_line_stays_english_while_the_app_is_french(tmp_path, capsys, monkeypatch,
                                                               french):
    monkeypatch.setenv("LANGUAGE", "fr_CA:fr")
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    missing = tmp_path / "no-vault-here"
    passphrase = tmp_path / "pp"
    passphrase.write_text("any passphrase at all\n")
    code = main.main(["settings", "show", "--data-dir", str(missing),
                      "--passphrase-file", str(passphrase)])
    assert code == 1
    assert capsys.readouterr().err == \
        f"error: no vault in {missing}; create one with: python main.py init\n"
