"""One seeded random stream per source of randomness, all derived from one seed.

No global random state: every part of the model asks for its own named stream. Streams
depend on (seed, replication, name) only, never on the practice, so that the three
practices see the same developers, commits, sizes and defects (common random numbers).
"""

from __future__ import annotations

import zlib

import numpy as np


class RandomStreams:
    """Factory of independent, reproducible ``numpy.random.Generator`` objects.

    Parameters
    ----------
    seed : int
        The experiment's seed.
    replication : int
        Replication number; each replication gets streams independent of the others.
    """

    def __init__(self, seed: int, replication: int = 0) -> None:
        self.seed = int(seed)
        self.replication = int(replication)
        self._streams: dict[str, np.random.Generator] = {}

    def __call__(self, name: str) -> np.random.Generator:
        """The stream called ``name`` (created on first use, then the same object)."""
        stream = self._streams.get(name)
        if stream is None:
            key = (self.replication, zlib.crc32(name.encode()))
            sequence = np.random.SeedSequence(entropy=self.seed, spawn_key=key)
            stream = self._streams[name] = np.random.Generator(np.random.PCG64(sequence))
        return stream
