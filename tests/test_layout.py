"""The folders are the architecture: arrows run one way (views -> services -> models, the
database layer at the bottom; inside a case kind's package its model is a model and its panel
a view), no import cycles (imports inside functions count), and every feature package says
what it is."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop"

# The bottom: the connection, its types, the saved profile and where the shipped data files
# are (data_files), under the models.
DATABASE_LAYER = {"desktop.database", "desktop.resilient", "desktop.drivers", "desktop.errors",
                  "desktop.connection_profile", "desktop.models.base", "desktop.data_files"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")
            if "__pycache__" not in p.parts and "migrations" not in p.parts}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every desktop module `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from package import module` names the module; otherwise the module itself.
            names = [f"{node.module}.{alias.name}" for alias in node.names
                     if f"{node.module}.{alias.name}" in known] or [node.module]
        else:
            continue
        found.update(name for name in names if name in known)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(path, known) - {name} for name, path in found.items()}


def layer(name: str) -> str:
    if name in DATABASE_LAYER:
        return "database"
    if name == "desktop.cases" or name.startswith("desktop.cases."):
        # A case kind's package spans the layers: its model, its panel, the rest services.
        last = name.rsplit(".", 1)[1]
        return {"model": "models", "panel": "views"}.get(last, "services")
    for prefix in ("desktop.models", "desktop.services", "desktop.views"):
        if name == prefix or name.startswith(prefix + "."):
            return prefix.rsplit(".", 1)[1]
    return "entry"  # desktop.cli, desktop.__main__: may use every layer


RANK = {"database": 0, "models": 1, "services": 2, "views": 3, "entry": 4}


def test_arrows_run_one_way(graph):
    wrong = sorted(f"{source} -> {target}" for source, targets in graph.items()
                   for target in targets
                   if RANK[layer(target)] > RANK[layer(source)] and target != "desktop")
    assert wrong == []


def test_views_call_services_not_models(graph):
    wrong = sorted(f"{source} -> {target}" for source, targets in graph.items()
                   if layer(source) == "views" for target in targets
                   if layer(target) == "models" or target == "desktop.models.base")
    assert wrong == []


def test_services_and_models_never_import_qt():
    wrong = []
    for name, path in modules().items():
        if layer(name) in ("database", "models", "services"):
            for node in ast.walk(ast.parse(path.read_text())):
                module = (node.module if isinstance(node, ast.ImportFrom) else
                          node.names[0].name if isinstance(node, ast.Import) else None)
                if module and module.split(".")[0] in ("PySide6", "shiboken6", "qtawesome"):
                    wrong.append(name)
    assert wrong == []


def test_no_import_cycles(graph):
    """Tarjan's strongly connected components: each must be a single module."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []


def test_every_feature_package_says_what_it_is():
    silent = []
    for init in PACKAGE.rglob("__init__.py"):
        if "__pycache__" in init.parts or "migrations" in init.parts:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text()))
        if not doc:
            silent.append(module_name(init))
    assert silent == []


def test_feature_packages_have_the_same_names_in_every_layer():
    def packages(folder: str) -> set[str]:
        return {p.name for p in (PACKAGE / folder).iterdir()
                if (p / "__init__.py").exists()}

    views, services, models = packages("views"), packages("services"), packages("models")
    tests = {p.name for p in (ROOT / "tests").iterdir() if (p / "__init__.py").exists()}
    # Views' shell and shared have services of the same names; demo data has no screens.
    assert views <= services
    assert models <= services
    assert services - {"demo"} <= tests
