"""A sweep's finished points on disk, so that an interrupted sweep resumes where it stopped.

A checkpoint is a hidden folder beside the result folder (``.cdsim-sweep-<out>-<key>``,
in the result folder's parent; inside the result folder when only that is writable). Its
name carries a key: the hash of everything that determines the numbers (the scenario's
values, the grid, the replications, the seed, the practices, the band table and the cdsim
that computes them), so two different sweeps never share one. Inside:

* ``identity.json``: what the key was made of (checked again when the folder is reused);
* ``points/000042.json``: the metrics of every run of point 42, written atomically when
  the point is complete (a crash never leaves half a point);
* ``points/000042.<table>.csv``: that point's run tables, only when they were asked for.

The command that finishes the sweep removes the folder after the result folder is
written (all or nothing, by :mod:`cdsim.output`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cdsim.errors import OutputError
from cdsim.files import atomic_write

PREFIX = ".cdsim-sweep-"
IDENTITY = "identity.json"


def key_of(identity: Mapping[str, Any]) -> str:
    """The hex key of an identity (16 digits: a collision would need billions of sweeps)."""
    text = json.dumps(identity, sort_keys=True, default=str, allow_nan=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _writable(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


class Checkpoint:
    """The finished points of one sweep (see the module doc)."""

    def __init__(self, folder: str | Path, identity: Mapping[str, Any]) -> None:
        self.folder = Path(folder)
        self.identity = dict(identity)
        self.points = self.folder / "points"

    @classmethod
    def beside(cls, out: str | Path, identity: Mapping[str, Any]) -> Checkpoint:
        """The checkpoint of the sweep ``identity`` whose result goes to ``out``."""
        out = Path(out).expanduser().absolute()
        name = f"{PREFIX}{out.name[:40]}-{key_of(identity)}"
        parent = out.parent
        if not _writable(parent) and out.is_dir() and _writable(out):
            parent = out
        return cls(parent / name, identity)

    def open(self, fresh: bool = False) -> set[int]:
        """Create the folder (or reuse it; ``fresh`` starts over) and return the points
        already finished."""
        if fresh:
            self.remove()
        try:
            self.points.mkdir(parents=True, exist_ok=True)
            identity_file = self.folder / IDENTITY
            text = json.dumps(self.identity, sort_keys=True, default=str, indent=1)
            if identity_file.exists():
                if identity_file.read_text(encoding="utf-8") != text:
                    raise OutputError(
                        "error.checkpoint.mismatch", folder=str(self.folder)
                    )  # pragma: no cover - a hash collision, or a hand-edited file
            else:
                atomic_write(identity_file, lambda h: h.write(text.encode("utf-8")))
        except OSError as error:
            raise OutputError(
                "error.checkpoint.write", folder=str(self.folder), reason=error.strerror or error
            ) from None
        return self.finished()

    def finished(self) -> set[int]:
        """The points whose runs are all on disk."""
        if not self.points.is_dir():
            return set()
        return {int(p.stem) for p in self.points.glob("*.json") if p.stem.isdigit()}

    def _path(self, point: int, table: str | None = None) -> Path:
        return self.points / (f"{point:06d}.json" if table is None else f"{point:06d}.{table}.csv")

    def save(
        self, point: int, runs: list[dict[str, Any]], tables: Mapping[str, Any] | None = None
    ) -> None:
        """Store the metrics of the runs of ``point`` (one dict per run) and, when given,
        its tables (name -> DataFrame). The metrics go last: they mark the point done."""
        try:
            for name, table in (tables or {}).items():
                atomic_write(
                    self._path(point, name),
                    lambda h, t=table: t.to_csv(h, index=False, lineterminator="\n"),
                )
            text = json.dumps(runs, allow_nan=True)  # floats written exactly (repr)
            atomic_write(self._path(point), lambda h: h.write(text.encode("utf-8")))
        except OSError as error:
            raise OutputError(
                "error.checkpoint.write", folder=str(self.folder), reason=error.strerror or error
            ) from None

    def load(self, point: int) -> list[dict[str, Any]]:
        return json.loads(self._path(point).read_text(encoding="utf-8"))

    def table_path(self, point: int, table: str) -> Path:
        return self._path(point, table)

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            shutil.rmtree(self.folder)


__all__ = ["PREFIX", "Checkpoint", "key_of"]
