"""Issue 14: worker processes never outlive the run, and a dead worker loses no seed.

SIGKILL or SIGTERM to the main process of a ``--jobs 2`` run left the worker orphaned for good,
holding the caller's pipes open; a worker killed as the OOM killer would ended the run with a
``BrokenProcessPool`` traceback and no report; Ctrl-C printed a traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from triage.run import assess_paths
from triage.run import processes as processes_module

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads /proc (Linux)")

SEED = "The system shall record every loan.\nUsers can search by title over HTTP.\n"
# A run made slow on purpose (every batch sleeps), so it can be signalled while it works.
SLOW_RUN = """
import signal, sys, time
# As in a terminal: a job started in the background by a non-interactive shell inherits SIGINT
# ignored, and Ctrl-C would then never reach the run this test is about.
signal.signal(signal.SIGINT, signal.default_int_handler)
import triage.run.processes as processes
real = processes.assess_batch
def slow(plan, targets):
    time.sleep(0.3)
    return real(plan, targets)
processes.assess_batch = slow
from triage.cli.main import main
sys.exit(main([sys.argv[1], "--jobs", "2", "--no-config", "--engine", "re2"]))
"""


def _seeds(folder: Path, count: int = 200) -> Path:
    for number in range(count):
        (folder / f"s{number:03}.txt").write_text(SEED, encoding="utf-8")
    return folder


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def _start_slow_run(folder: Path) -> tuple[subprocess.Popen[str], list[int]]:
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN, str(_seeds(folder))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = _children(process.pid)
        if workers:
            time.sleep(0.5)  # the worker has started its chunks
            return process, workers
        time.sleep(0.05)
    process.kill()
    raise AssertionError("the run started no worker")


def _all_gone(pids: list[int], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def test_workers_die_when_the_main_process_is_killed(tmp_path: Path) -> None:
    process, workers = _start_slow_run(tmp_path)
    process.kill()  # SIGKILL: no clean-up of any kind in the main process
    process.communicate()
    try:
        assert _all_gone(workers), "a worker outlived the SIGKILLed main process"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize(
    ("sent", "said"), [(signal.SIGTERM, "terminated (SIGTERM)"), (signal.SIGINT, "interrupted")]
)
def test_sigterm_and_ctrl_c_stop_the_run_with_one_line_and_exit_2(
    tmp_path: Path, sent: signal.Signals, said: str
) -> None:
    process, workers = _start_slow_run(tmp_path)
    process.send_signal(sent)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 2
    assert stderr.strip() == f"triage: {said}; no report was made; run it again to get one"
    assert _all_gone(workers)


def test_a_killed_worker_loses_no_seed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A worker killed mid-run (as the OOM killer would): its chunks are assessed again here."""
    folder = _seeds(tmp_path, 60)
    expected = assess_paths([folder], jobs=1, engine="re2")
    main = os.getpid()
    real = processes_module.assess_batch

    def dies_in_a_worker(plan: object, targets: object) -> object:
        if os.getpid() != main:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(plan, targets)  # type: ignore[arg-type]

    monkeypatch.setattr(processes_module, "assess_batch", dies_in_a_worker)
    report = assess_paths([folder], jobs=2, engine="re2")
    assert report.model_dump_json() == expected.model_dump_json()
