"""The demo vault generator (`python main.py demo`; benchmarks use it)."""
from .generator import Counts, create, demo_settings, populate

__all__ = ["Counts", "create", "demo_settings", "populate"]
