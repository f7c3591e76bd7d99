"""Build from a copy of the project in a temporary folder, so a test leaves no build/ or
*.egg-info behind in the checkout, and run the result as a stranger to the checkout would."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What a build reads: the package, its data folders and the packaging files.
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "desktop", "resources",
           "letter_templates", "installer")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "build",
                                                          "dist"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def build_wheel(out: Path) -> Path:
    """`pip wheel --no-deps` of a copy of the project; setuptools comes from the index."""
    project = copy_project(out / "project")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(out / "dist"), str(project)], check=True, cwd=out, timeout=300)
    return next((out / "dist").glob("pelita-*.whl"))


def stranger_env(home: Path, **extra: str) -> dict:
    """Nothing of this checkout or of the test run: no PYTHONPATH, a home of its own."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "PELITA_", "VIRTUAL_ENV", "PYTEST", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               QT_QPA_PLATFORM="offscreen", **extra)
    return env
