import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def in_fixtures(monkeypatch):
    """Run in fixtures/, so document names are the bare file names."""
    monkeypatch.chdir(FIXTURES)
    return FIXTURES


@pytest.fixture(scope="session")
def seed_text():
    return (FIXTURES / "voa-kerry-sochi.txt").read_text(encoding="utf-8")


@pytest.fixture
def interruptible():
    """For ``subprocess.Popen(preexec_fn=...)``: the child starts with Ctrl-C's
    default handling.  A suite started in the background by a script (``.ci/run
    &``) inherits SIGINT ignored, as a background job should, and a child that
    starts with SIGINT ignored rightly keeps ignoring it."""
    import signal

    def restore():
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    return restore


def pytest_configure(config):
    # Subprocess tests must find the package even when it is not installed.
    os.environ["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")


def detector_or_skip(name):
    """The detector called ``name``, or the test is skipped when its extra is not installed."""
    from cleaner.detectors import make_detector

    try:
        return make_detector(name)
    except ImportError:
        pytest.skip(f"{name} not installed")
