"""Disjoint sets over 0..n-1: the one union-find of the project.

Merging groups mentions into events and wire-copy detection groups articles into
sources with it. Which root a union keeps is the caller's choice (events keep the larger
group's, sources the smallest id), so results are deterministic.
"""

from __future__ import annotations


class UnionFind:
    """Path-halving union-find; `attach` makes one root the child of another."""

    __slots__ = ("parent",)

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def attach(self, child: int, root: int) -> None:
        """Join the set rooted at `child` to the set rooted at `root` (both roots)."""
        self.parent[child] = root

    def roots(self) -> list[int]:
        """Every set's root, in increasing order."""
        return [i for i, up in enumerate(self.parent) if i == up]
