"""The structure holds: lower layers never import higher ones, and views/ holds views."""

import ast
from pathlib import Path

from django.urls import get_resolver

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"config", "consult", "care", "patients", "explanations", "practices", "audit", "autosave", "printing"}
# What each package may import from the project; a lower layer never imports a higher one.
MAY_IMPORT = {
    "audit": set(),
    "autosave": set(),
    "printing": set(),
    "practices": {"audit"},
    "explanations": set(),
    "patients": {"audit", "autosave"},
    "consult": {"audit", "autosave", "printing", "explanations", "practices", "patients"},
    "care": {"audit", "autosave", "printing", "explanations", "practices", "patients", "consult"},
    "config": PACKAGES,
}


def project_imports(path):
    tree = ast.parse(path.read_text())
    names = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0]
    names += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    return {name.split(".")[0] for name in names} & PACKAGES


def test_no_package_imports_a_higher_layer():
    wrong = []
    for package, allowed in MAY_IMPORT.items():
        for path in (ROOT / package).rglob("*.py"):
            for imported in project_imports(path) - allowed - {package}:
                wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert wrong == []


def test_views_packages_hold_only_views():
    routed = set()

    def collect(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                collect(pattern.url_patterns)
            else:
                routed.add((pattern.callback.__module__, pattern.callback.__name__))

    collect(get_resolver().url_patterns)
    for views in ROOT.glob("*/views"):
        for path in views.glob("*.py"):
            if path.name == "__init__.py":
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            functions = [n.name for n in ast.parse(path.read_text()).body if isinstance(n, ast.FunctionDef)]
            assert functions, module
            for name in functions:
                assert (module, name) in routed, f"{module}.{name} is not a view"
