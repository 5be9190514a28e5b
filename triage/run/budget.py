"""Time budget of one seed, and workers that die with the process that started them.

The budget is a real-time alarm: after ``seconds`` the main thread gets ``SeedTimeout`` at its
next Python step (a regex or engine call in C finishes first; large texts are scanned in pieces,
so the step comes soon). It needs ``SIGALRM``, so it holds in the main thread of a process on a
POSIX system (the CLI, its worker processes); elsewhere, or when the caller runs an alarm of its
own, the seed runs without one.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import FrameType

DEFAULT_TIMEOUT = 60.0  # seconds per seed for the CLI: generous; a seed takes milliseconds
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.5  # how often a worker looks whether its parent is still there


class SeedTimeout(BaseException):
    """A seed's time budget ran out.

    A ``BaseException``, like ``KeyboardInterrupt``: a reader's ``except Exception`` must not
    turn it into a message about the file's content.
    """


def _expired(signum: int, frame: FrameType | None) -> None:
    raise SeedTimeout


def _can_alarm() -> bool:
    """Whether an alarm can interrupt this thread, without disturbing one already set."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return False
    return signal.getitimer(signal.ITIMER_REAL)[0] == 0


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``SeedTimeout`` in the block once it has run ``seconds`` (None or 0: no budget)."""
    if not seconds or not _can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)  # disarmed before the old handler is back
        signal.signal(signal.SIGALRM, previous)


def die_with_parent() -> None:
    """Make this worker process end when the process that started it ends, however it ends.

    On Linux the kernel sends SIGKILL (``PR_SET_PDEATHSIG``); everywhere a watchdog thread sees
    the process re-parented and exits. Ctrl-C is left to the parent, which stops the workers:
    a worker interrupted on its own would print a traceback.
    """
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the request took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="parent-watch").start()


def _watch(parent: int) -> None:
    """Exit this process as soon as its parent is no longer ``parent``."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
