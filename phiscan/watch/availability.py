"""Watched roots that cannot say their files are gone (the rule `scan` applies too).

A root that vanished, was unmounted, mounted over or replaced (another device or inode
than when the daemon started), or lists nothing while the inventory holds locations
under it is unavailable: deletes and moves away under it are held, never applied as a
mass `gone`, so its files keep their rows and alerted state. It is logged once; once it
is back a catch-up pass marks gone only what is really missing.
"""

from __future__ import annotations

import logging
import os

from phiscan.inventory.store import Inventory
from phiscan.sources.local import display_path, folder_identity, unavailable_reason

log = logging.getLogger("phiscan.watch")


class Availability:
    def __init__(self, roots: list[str]) -> None:
        self.identities = {root: folder_identity(root) for root in roots}
        self.shown = {root: display_path(root) for root in roots}
        self.unavailable: dict[str, str] = {}

    def holds(self, location: str, inventory: Inventory) -> bool:
        """True when `location` is under an unavailable root: not to be marked gone."""
        root = self._root_of(location)
        if root is None:
            return False
        if root in self.unavailable:
            return True
        if location == self.shown[root] and os.path.isdir(root):
            return True  # swapped (mounted, unmounted), not deleted: its files' events tell
        if unavailable_reason(root, self.identities[root], 1) is None:
            return False  # the common case, without counting what the inventory holds
        held = len(inventory.top_locations_under(self.shown[root]))
        reason = unavailable_reason(root, self.identities[root], held)
        if reason is None:
            return False
        self._mark(root, reason)
        return True

    def _mark(self, root: str, reason: str) -> None:
        self.unavailable[root] = reason
        log.warning("watched root %s is unavailable (%s): nothing under it is marked gone "
                    "until it is back", self.shown[root], reason)

    def recovered(self) -> list[str]:
        """Roots that are back (the same folder, listing files again), after marking those
        now gone or swapped for another folder (inotify reports neither: it follows the
        moved folder, and a mount over it raises no event)."""
        for root, identity in self.identities.items():
            if root not in self.unavailable and folder_identity(root) != identity:
                self._mark(root, unavailable_reason(root, identity, 1) or "the root changed")
        back = [root for root in self.unavailable
                if unavailable_reason(root, self.identities[root], 1) is None]
        for root in back:
            del self.unavailable[root]
            log.info("watched root %s is back: a catch-up pass checks what changed",
                     self.shown[root])
        return back

    def roots(self) -> list[str]:
        return sorted(self.shown[root] for root in self.unavailable)

    def _root_of(self, location: str) -> str | None:
        best = None
        for root, shown in self.shown.items():
            inside = location == shown or location.startswith(shown.rstrip("/") + "/")
            if inside and (best is None or len(shown) > len(self.shown[best])):
                best = root
        return best
