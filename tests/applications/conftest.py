"""The demo office at the size reviewers use, seeded once per module and copied per test."""
import shutil

import pytest

from desktop import database
from desktop.services.demo import seed
from desktop.services.shell import schema


@pytest.fixture(scope="module")
def seeded_300(tmp_path_factory):
    """seed.fill(size=300): letters in every state and bookings to confirm, whatever the day."""
    path = tmp_path_factory.mktemp("demo300") / "demo.db"
    database.connect(f"sqlite:///{path}")
    schema.migrate()
    seed.fill(size=300)
    database.close()
    return path


@pytest.fixture
def demo_300(seeded_300, tmp_path):
    """A copy of the seeded demo, connected; yields its URL."""
    copy = tmp_path / "pelita.db"
    shutil.copy(seeded_300, copy)
    url = f"sqlite:///{copy}"
    database.connect(url)
    yield url
    database.close()
