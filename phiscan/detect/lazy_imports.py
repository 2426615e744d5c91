"""Parts of Presidio and spaCy that phiscan never uses, imported only if something uses them.

Importing anything from `presidio_analyzer` imports its `predefined_recognizers`
package, whose `__init__` imports the recognizers of every country and compiles their
patterns (the URL recognizer's list of domains alone is a fifth of a second): about 0.2
CPU s of every scan's start-up for the four classes phiscan uses (`SpacyRecognizer`,
`EmailRecognizer`, `CreditCardRecognizer`, `IbanRecognizer`). Importing `spacy` imports
its command line (`spacy.cli`: every command, weasel's project tools, HTTP clients),
about 0.15 CPU s, to export the one function `spacy.info`.

`install()` (run when `phiscan.detect` is imported, before Presidio or spaCy is) puts
an import hook in front of those packages only (`LAZY_PACKAGES`): a package's names are
read from its `__init__.py`, whose `from .module import Name` lines are parsed and not
run, and a name's module is imported when the name is first used; any other name
(`NLP_RECOGNIZERS`, a function the `__init__` defines) runs the package's `__init__` as
written. A module in `STAND_INS` (`spacy.cli.info`, which spaCy's own `__init__`
imports) is a stand-in whose functions import the real module when called.

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
from collections.abc import Callable, Sequence
from typing import Any

PREDEFINED = "presidio_analyzer.predefined_recognizers"
LAZY_PACKAGES = (PREDEFINED, "spacy.cli")
# Modules replaced by a stand-in until used: their functions phiscan never calls.
STAND_INS: dict[str, tuple[str, ...]] = {"spacy.cli.info": ("info",)}
# Statements an `__init__` may hold besides its imports: run on first use of another name.
DEFERRED_STATEMENTS = (ast.Expr, ast.Assign, ast.FunctionDef, ast.ClassDef)


def in_lazy_package(name: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in LAZY_PACKAGES)


class LazyPackage(types.ModuleType):
    """A package whose names are imported on first use (`_lazy_names`: name -> (module,
    attribute; empty for the module itself)); `_submodules`: its folder's modules."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        names: dict[str, tuple[str, str]] = self.__dict__["_lazy_names"]
        if name in names:
            module, attribute = names[name]
            value = importlib.import_module(module, self.__name__)
            value = getattr(value, attribute) if attribute else value
        elif name in self.__dict__["_submodules"]:  # `from package import submodule`
            value = importlib.import_module(f"{self.__name__}.{name}")
        else:  # not an import of its __init__: run the __init__ as written
            run_init(self)
            if name not in self.__dict__:
                raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
            value = self.__dict__[name]
        setattr(self, name, value)
        return value


    def __setattr__(self, name: str, value: Any) -> None:
        """A submodule just imported is bound to the package under its name, unless the
        `__init__` binds that name to something else (`spacy.cli.download`, a function)."""
        target = self.__dict__.get("_lazy_names", {}).get(name)
        if (isinstance(value, types.ModuleType) and target is not None and target[1]
                and value.__name__ == f"{self.__name__}.{name}"):
            return
        super().__setattr__(name, value)


def run_init(package: LazyPackage) -> None:
    """The package's `__init__` as written: every name imported (the real modules, not
    stand-ins), no longer lazy."""
    package.__dict__["_lazy_names"] = {}
    for name in STAND_INS:
        if name.startswith(package.__name__ + "."):
            real_module(name)
    package.__spec__.loader_state.exec_module(package)


def imported_names(source: str) -> dict[str, tuple[str, str]] | None:
    """`from X import Y` lines of an `__init__` as {Y: (X, Y)}; None when it does
    anything else a name might need before first use (a conditional import)."""
    names: dict[str, tuple[str, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name == "*":
                    return None
                if node.module is None:  # `from . import module`: the module itself
                    names[alias.asname or alias.name] = ("." * node.level + alias.name, "")
                else:
                    names[alias.asname or alias.name] = ("." * node.level + node.module,
                                                         alias.name)
        elif not isinstance(node, DEFERRED_STATEMENTS):
            return None
    return names


class LazyLoader(importlib.abc.Loader):
    def __init__(self, names: dict[str, tuple[str, str]]) -> None:
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


class StandIn(types.ModuleType):
    """Stands for a module until it is used: its functions (and any other name) import
    the real module."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(real_module(self.__name__), name)


def deferred(module: str, function: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(real_module(module), function)(*args, **kwargs)

    call.__name__ = call.__qualname__ = function
    return call


def real_module(name: str) -> types.ModuleType:
    """The module itself, in place of its stand-in from now on."""
    _FINDER.released.add(name)
    if isinstance(sys.modules.get(name), StandIn):
        del sys.modules[name]
    return importlib.import_module(name)


class StandInLoader(importlib.abc.Loader):
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        module = StandIn(spec.name)
        for function in STAND_INS[spec.name]:
            setattr(module, function, deferred(spec.name, function))
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing is run until the module is used."""


class LazyPackageFinder(importlib.abc.MetaPathFinder):
    """Finds the packages of LAZY_PACKAGES as the path finder does, and makes them lazy."""

    def __init__(self) -> None:
        self.released: set[str] = set()

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if not in_lazy_package(fullname):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None:
            return None
        if fullname in STAND_INS and fullname not in self.released:
            return importlib.machinery.ModuleSpec(fullname, StandInLoader(), origin=spec.origin)
        if (spec.submodule_search_locations is None or spec.origin is None
                or not isinstance(spec.loader, importlib.machinery.SourceFileLoader)):
            return spec
        with open(spec.origin, encoding="utf-8") as file:
            names = imported_names(file.read())
        if names is None:
            return spec
        lazy = importlib.machinery.ModuleSpec(fullname, LazyLoader(names), origin=spec.origin,
                                              is_package=True, loader_state=spec.loader)
        lazy.submodule_search_locations = spec.submodule_search_locations
        lazy.has_location = True
        return lazy


_FINDER = LazyPackageFinder()


def install() -> None:
    """Before Presidio and spaCy are imported (for a package already imported, the hook
    changes nothing)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def import_every_recognizer() -> None:
    """Every predefined recognizer, as a plain `import presidio_analyzer` has them."""
    package = importlib.import_module(PREDEFINED)
    if isinstance(package, LazyPackage) and package.__dict__["_lazy_names"]:
        run_init(package)
