"""What flows between the daemon's threads.

Locations here are display locations (what the inventory stores); a work item
carries the raw path the worker opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from phiscan.model import LocationResult, SourceItem


@dataclass(frozen=True)
class WorkItem:
    """A path to scan below `root`; `item` is set when the catch-up walk already has it."""

    root: str
    path: str
    item: SourceItem | None = None


@dataclass(frozen=True)
class Gone:
    location: str


@dataclass(frozen=True)
class Moved:
    source: str
    destination: str


@dataclass(frozen=True)
class TreeGone:
    directory: str


@dataclass(frozen=True)
class TreeMoved:
    source: str
    destination: str


@dataclass(frozen=True)
class Reexpose:
    """A file's permissions may have changed (chmod, chown, setfacl): who can read it is
    read again and its stored findings re-classified, without reading its content."""

    path: str


@dataclass(frozen=True)
class ReexposeTree:
    """The same for every stored file below a folder whose permissions changed (a file
    is only as readable as the folders above it)."""

    directory: str


@dataclass(frozen=True)
class Scanned:
    item: SourceItem
    results: list[LocationResult]


Control = Gone | Moved | TreeGone | TreeMoved | Reexpose | ReexposeTree
Message = Control | Scanned
