"""`bundle_startup`: the installer bundle's start against the same start from the virtualenv.

Both start as a member of staff starts Pelita, to the sign-in window painted
(PELITA_EXIT_AFTER_SHOW=login) on this PC's saved connection, alternated in one run. The bundle
is installer/build-linux.sh's dist/pelita/ (or PELITA_BUNDLE); without one the figure is
skipped.
"""
import os
import sys
import tempfile
from pathlib import Path

from benchmarks import startup
from benchmarks.measure import interleaved

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.2
FAIL_RATIO = 1.5  # tests/installer/test_bundle.py: past this the bundle is broken, not slow


def program(bundle: Path) -> Path:
    return bundle / ("pelita.exe" if sys.platform == "win32" else "pelita")


def find_bundle() -> Path | None:
    bundle = Path(os.environ.get("PELITA_BUNDLE", ROOT / "dist" / "pelita"))
    return bundle if program(bundle).is_file() else None


def size_mib(bundle: Path) -> float:
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) / 1048576


def measure(bundle: Path, url: str, repeats: int = 5) -> dict:
    """Median seconds to the sign-in window: {"bundle", "virtualenv", "ratio", "size_mib"}."""
    startup.compile_package()  # the virtualenv's Pelita byte-compiled, as the bundle's is
    with tempfile.TemporaryDirectory(prefix="pelita-bundle-start-") as config_home:
        env = {**startup._start_env(url, config_home), "PELITA_EXIT_AFTER_SHOW": "login"}
        bundled, from_venv, _, _ = interleaved(
            [str(program(bundle))], [sys.executable, "-m", "desktop"], repeats, env)
    return {"bundle": bundled, "virtualenv": from_venv, "ratio": bundled / from_venv,
            "size_mib": size_mib(bundle)}


def run(url: str, repeats: int = 5) -> dict:
    bundle = find_bundle()
    if bundle is None:
        return {"_bundle_startup": "skipped: no bundle (installer/build-linux.sh builds "
                                   "dist/pelita, or set PELITA_BUNDLE)"}
    found = measure(bundle, url, repeats)
    return {"bundle_startup": {"value": round(found["bundle"] * 1000, 1), "unit": "ms",
                               "baseline": round(found["virtualenv"] * 1000, 1),
                               "ratio": round(found["ratio"], 3),
                               "target_ratio": TARGET_RATIO, "repeats": repeats,
                               "size_mib": round(found["size_mib"], 1)}}
