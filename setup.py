"""The build step pyproject.toml cannot declare: resources/ and letter_templates/ stay at the
project's top level, and the wheel carries copies of them inside the package as desktop/_data/,
where desktop.data_files finds them through importlib.resources."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_FOLDERS = ("resources", "letter_templates")


class build_py_with_data(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's own folders
        target = Path(self.build_lib) / "desktop" / "_data"
        for name in DATA_FOLDERS:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(HERE / name, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))

    def get_outputs(self, include_bytecode=True):
        # Listed so that setuptools puts them in the wheel's RECORD like any package file.
        target = Path(self.build_lib) / "desktop" / "_data"
        extra = [str(target / p.relative_to(HERE)) for name in DATA_FOLDERS
                 for p in (HERE / name).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        return super().get_outputs(include_bytecode) + extra


setup(cmdclass={"build_py": build_py_with_data})
