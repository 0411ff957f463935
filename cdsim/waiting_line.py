"""A waiting line that a process takes whole: the batching used by staging, gate and deploy."""

from __future__ import annotations

import simpy


class WaitingLine:
    """Items wait here until a process takes them all at once.

    A process waits with ``while not line: yield line.signal()`` and then ``line.take_all()``.
    """

    __slots__ = ("env", "items", "_signal")

    def __init__(self, env: simpy.Environment) -> None:
        self.env = env
        self.items: list = []
        self._signal: simpy.Event | None = None

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def put(self, item) -> None:
        self.items.append(item)
        self._wake()

    def extend(self, items) -> None:
        self.items.extend(items)
        if self.items:
            self._wake()

    def take_all(self) -> list:
        items, self.items = self.items, []
        return items

    def signal(self) -> simpy.Event:
        """An event that fires when something is put in the line."""
        if self._signal is None:
            self._signal = self.env.event()
        return self._signal

    def _wake(self) -> None:
        if self._signal is not None:
            signal, self._signal = self._signal, None
            signal.succeed()
