"""Build (CI): a pool of runners builds each push and runs the unit tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdsim.change import BUILD, BUILD_QUEUE, Change
from cdsim.stages.detection import catches

if TYPE_CHECKING:
    from cdsim.pipeline import Pipeline


def build_run(p: Pipeline, change: Change):
    """One push through CI: wait for a runner, build and test, then green or red.

    The build turns red when the unit tests catch the change's defect or a flaky test
    fails; the author then fixes it and pushes again (rework). A green change moves on
    to the practice's next step.
    """
    env = p.env
    with p.runners.request() as runner:
        yield runner
        started = env.now
        change.spend(BUILD_QUEUE, started)
        change.build_runs += 1
        if change.build_runs == 1:
            change.build_start_hours = started
        p.recorder.log(started, "build_start", change.change_id)
        yield env.timeout(p.build_hours())
    ended = env.now
    change.spend(BUILD, ended)

    caught = catches(change, "build", p.model.build.detection)
    flaky = p.flaky.chance(p.model.build.flaky_probability)
    if caught or flaky:
        p.recorder.log(ended, "build_red", change.change_id)
        p.send_back(change, "build" if caught else None)
        return
    change.build_end_hours = ended
    p.recorder.log(ended, "build_green", change.change_id)
    p.practice.after_build(p, change)
