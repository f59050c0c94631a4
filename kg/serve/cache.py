"""The server's answer cache: least-recently-used answers, bounded by their total size in bytes.
The graph cannot change while the server runs, so an answer (or a parse error) stays right."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from .pool import Outcome

__all__ = ["AnswerCache", "CACHEABLE"]

#: outcomes that will be the same next time (the graph does not change)
CACHEABLE = frozenset({"ok", "syntax", "failed", "too-many-rows"})


class AnswerCache:
    """Answers by key, evicting the least recently used past ``budget`` bytes (0: no cache)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self._entries: OrderedDict[Any, Outcome] = OrderedDict()

    def get(self, key: Any) -> Outcome | None:
        outcome = self._entries.get(key)
        if outcome is not None:
            self._entries.move_to_end(key)
        return outcome

    def put(self, key: Any, outcome: Outcome) -> None:
        if outcome.status not in CACHEABLE or len(outcome.body) > self.budget // 4 or key in self._entries:
            return
        self._entries[key] = outcome
        self.size += len(outcome.body)
        while self.size > self.budget:
            _, dropped = self._entries.popitem(last=False)
            self.size -= len(dropped.body)
