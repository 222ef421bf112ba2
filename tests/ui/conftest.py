"""Fixtures for the UI tests."""
import pytest

from ui import i18n


@pytest.fixture
def french(qapp):
    """The app's translators in French for one test; English again after it."""
    i18n.install("fr")
    yield
    i18n.install("en")
