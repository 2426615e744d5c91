"""Presidio's predefined recognizers imported one by one, when phiscan uses them.

Importing anything from `presidio_analyzer` imports its `predefined_recognizers`
package, whose `__init__` imports the recognizers of every country and compiles their
patterns (the URL recognizer's list of domains alone is a fifth of a second): about 0.2
CPU s of every scan's start-up for the four classes phiscan uses (`SpacyRecognizer`,
`EmailRecognizer`, `CreditCardRecognizer`, `IbanRecognizer`). `install()` (run when
`phiscan.detect` is imported, before any Presidio import) puts an import hook in front
of those packages only: a package's names are read from its `__init__.py`, whose
`from .module import Name` lines are parsed and not run, and a name's module is
imported when the name is first used. Any other name (`NLP_RECOGNIZERS`) runs the
package's `__init__` as Presidio wrote it.

Stock Presidio finds its recognizers among the subclasses already imported
(`RecognizerRegistry.load_predefined_recognizers`), so what builds it (the evaluation's
baseline, `bench/compare.py`) calls `import_every_recognizer()` first.
"""

from __future__ import annotations

import ast
import importlib
import importlib.abc
import importlib.machinery
import os
import sys
import types
from collections.abc import Sequence
from typing import Any

PACKAGE = "presidio_analyzer.predefined_recognizers"


class LazyPackage(types.ModuleType):
    """A package whose names are imported on first use (`names`: name -> (module, attribute))."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        names: dict[str, tuple[str, str]] = self.__dict__["_lazy_names"]
        if name in names:
            module, attribute = names[name]
            value = getattr(importlib.import_module(module, self.__name__), attribute)
        elif name in self.__dict__["_submodules"]:  # `from package import submodule`
            value = importlib.import_module(f"{self.__name__}.{name}")
        else:  # not an import of its __init__: run the __init__ as written
            run_init(self)
            if name not in self.__dict__:
                raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
            value = self.__dict__[name]
        setattr(self, name, value)
        return value


def run_init(package: LazyPackage) -> None:
    """The package's `__init__` as Presidio wrote it: every name imported, no longer lazy."""
    package.__dict__["_lazy_names"] = {}
    package.__spec__.loader_state.exec_module(package)


def imported_names(source: str) -> dict[str, tuple[str, str]] | None:
    """`from X import Y` lines of an `__init__` as {Y: (X, Y)}; None when it does
    anything else that a name might need (only a docstring and assignments are
    allowed besides, and they are run on first use of a name they define)."""
    names: dict[str, tuple[str, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            for alias in node.names:
                if alias.name == "*":
                    return None
                names[alias.asname or alias.name] = ("." * node.level + node.module,
                                                     alias.name)
        elif not isinstance(node, ast.Expr | ast.Assign):
            return None
    return names


class LazyLoader(importlib.abc.Loader):
    def __init__(self, real: importlib.machinery.SourceFileLoader,
                 names: dict[str, tuple[str, str]]) -> None:
        self.real = real
        self.names = names

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = LazyPackage(spec.name)
        module.__dict__["_lazy_names"] = dict(self.names)
        module.__dict__["_submodules"] = {
            entry.name.removesuffix(".py") for folder in spec.submodule_search_locations or ()
            for entry in os.scandir(folder)
            if entry.name.endswith(".py") or os.path.isfile(
                os.path.join(entry.path, "__init__.py"))}
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing is run: names are imported when they are first used."""


class LazyPackageFinder(importlib.abc.MetaPathFinder):
    """Finds the packages under PACKAGE as the path finder does, and makes them lazy."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != PACKAGE and not fullname.startswith(PACKAGE + "."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if (spec is None or spec.submodule_search_locations is None or spec.origin is None
                or not isinstance(spec.loader, importlib.machinery.SourceFileLoader)):
            return spec
        with open(spec.origin, encoding="utf-8") as file:
            names = imported_names(file.read())
        if names is None:
            return spec
        lazy = importlib.machinery.ModuleSpec(
            fullname, LazyLoader(spec.loader, names), origin=spec.origin, is_package=True,
            loader_state=spec.loader)
        lazy.submodule_search_locations = spec.submodule_search_locations
        lazy.has_location = True
        return lazy


_FINDER = LazyPackageFinder()


def install() -> None:
    """Before Presidio is imported (afterwards, its recognizers are all imported anyway)."""
    if PACKAGE not in sys.modules and _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def import_every_recognizer() -> None:
    """Every predefined recognizer, as a plain `import presidio_analyzer` has them."""
    package = importlib.import_module(PACKAGE)
    if isinstance(package, LazyPackage) and package.__dict__["_lazy_names"]:
        run_init(package)
