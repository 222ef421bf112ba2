"""Shared fixtures. Qt runs offscreen and every test session gets a throwaway HOME, set
before anything (a QApplication included) can read settings from the real one.

The offscreen screens are the smallest laptops the app must fit: 1280x720 (the primary)
and 1366x768 beside it (tests/ui/test_screen_fit.py)."""
import json
import os
import tempfile

_HOME = tempfile.mkdtemp(prefix="clinic-test-home-")
SCREENS = ((1280, 720), (1366, 768))
_screens = os.path.join(_HOME, "offscreen-screens.json")
with open(_screens, "w", encoding="utf-8") as _file:
    json.dump({"screens": [{"name": f"laptop{w}x{h}", "x": sum(s[0] for s in SCREENS[:i]),
                            "y": 0, "width": w, "height": h, "logicalDpi": 96,
                            "logicalBaseDpi": 96, "dpr": 1}
                           for i, (w, h) in enumerate(SCREENS)]}, _file)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens}"
os.environ["HOME"] = _HOME
for _var, _sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                   ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state")):
    os.environ[_var] = os.path.join(_HOME, _sub)
os.environ.pop("CLINIC_DATA_DIR", None)
# The suite runs as on an English system (ui.i18n.system_language), whatever the machine's
# language; French tests use the `french` fixture below.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

import pytest  # noqa: E402

from ui import qtguard  # noqa: E402

qtguard.hold()  # a long Qt test session would otherwise hit PySide6 6.12's None refcount bug

from records.keyfile import KdfParams  # noqa: E402
from records.models import Settings  # noqa: E402
from records.vault import Vault  # noqa: E402

# Cheap key derivation for tests, passed explicitly in code (never through the environment).
FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
PASSPHRASE = "correct horse battery"
TEST_SETTINGS = Settings(clinic_name="Night Van Clinic", van_code="VAN1",
                         timezone="America/Toronto", uic_secret="test-5f0c2a9e41d7b3866e2d94c1a07fb358",
                         letterhead=("Night Van Clinic", "123 Main St"))


@pytest.fixture
def vault_dir(tmp_path):
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir):
    v = Vault.create(vault_dir, "Nora Nurse", PASSPHRASE, contact_line="Nora, RN - 555-0100",
                     settings=TEST_SETTINGS, kdf=FAST_KDF)
    yield v
    v.lock()


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's QApplication with the app's English translators installed, as the app
    starts in English: they hold the English plural forms ("1 contact", "12 contacts")."""
    from ui import i18n
    i18n.install("en")
    return qapp


@pytest.fixture
def french(qapp):
    """The app in French for one test, as on a French system: Qt's default locale is
    Canadian French (ui.i18n.system_language() says "fr", so an App started in the test
    speaks French before and after unlock) and the French translators are installed.
    English again after it. (Here, not in tests/ui/conftest.py: a second conftest module
    would hide this one from `from conftest import ...`.)"""
    from PySide6.QtCore import QLocale

    from ui import i18n
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    i18n.install("fr")
    yield
    QLocale.setDefault(before)
    i18n.install("en")


def pytest_addoption(parser):
    parser.addoption("--long", action="store_true", default=False,
                     help="also run the extended @pytest.mark.long tests")


def pytest_collection_modifyitems(config, items):
    """@pytest.mark.long runs only with --long; otherwise those extended runs are deselected
    (their shorter versions always run)."""
    if config.getoption("--long"):
        return
    long_runs = [item for item in items if "long" in item.keywords]
    if long_runs:
        config.hook.pytest_deselected(items=long_runs)
        items[:] = [item for item in items if "long" not in item.keywords]
