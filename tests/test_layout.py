"""The layout is the pipeline: every module sits in the folder of its stage, and the
module-level imports between phiscan's modules form no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "phiscan"
TOP_LEVEL = {"__init__", "__main__", "cli", "config", "model", "logs"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def module_level_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """phiscan modules imported when `path` is imported (not those imported inside a
    function, which is how a command defers its heavy dependencies)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
    return {name for name in found if name in modules}


def test_no_module_is_loose_in_the_package() -> None:
    loose = {path.stem for path in PACKAGE.glob("*.py")}
    assert loose == TOP_LEVEL


def test_every_folder_is_a_package_with_a_docstring() -> None:
    for folder in [PACKAGE, *(p for p in PACKAGE.iterdir() if p.is_dir())]:
        if folder.name in ("data", "templates", "__pycache__"):
            continue
        init = folder / "__init__.py"
        assert init.exists(), folder
        assert ast.get_docstring(ast.parse(init.read_text())), folder


def test_no_import_cycles() -> None:
    modules = all_modules()
    graph = {name: module_level_imports(path, modules) - {name} for name, path in modules.items()}
    # A package's __init__ importing its own submodules is not a cycle of design.
    graph = {name: {target for target in targets if not name or not target.startswith(name + ".")}
             for name, targets in graph.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
