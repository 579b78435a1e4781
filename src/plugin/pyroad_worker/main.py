"""The worker's start: the path it takes, its warm-up, then serving until pyroad closes its stdin
(pyroad exited, whatever the reason); the checks still running end with it."""

import gc
import os
import sys
import tempfile

import pytest

import pyroad_plugin  # noqa: F401  (imported once, here, so a check does not pay for it)
from pyroad_worker import protocol, pytest_internals
from pyroad_worker.accel import Accelerated, Plain
from pyroad_worker.confine import LIBC, PR_SET_CHILD_SUBREAPER, Confinement
from pyroad_worker.serve import Server
from pyroad_worker.template import Templates


def choose(blocked_args):
    """Accelerated where the installed pytest and pluggy are known to hold what it reaches for,
    else Plain (see pytest_internals)."""
    path, reason = pytest_internals.choose_path(os.environ)
    if path != "accelerated":
        return Plain(reason)
    try:
        internals = pytest_internals.Internals()
    except Exception as err:
        return Plain("pytest %s lacks what the accelerated path uses (%s: %s)"
                     % (pytest.__version__, type(err).__name__, err))
    return Accelerated(internals, blocked_args, os.environ.get("PYROAD_REWRITE_CACHE", ""))


def data_bytes():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def preload():
    """Imports the curriculum's heavy libraries (PYROAD_PRELOAD) once, for every check to share;
    returns the memory they took."""
    before = data_bytes()
    for name in os.environ.get("PYROAD_PRELOAD", "").split():
        try:
            __import__(name)
        except BaseException:
            pass
    return max(0, data_bytes() - before)


def warm_up(blocked_args):
    # One real session imports everything pytest loads lazily (assertion rewriting, terminal
    # reporter, fixtures), so a forked check starts with it all in memory.
    with tempfile.TemporaryDirectory() as tmp:
        test = os.path.join(tmp, "test_pyroad_warmup.py")
        with open(test, "w") as handle:
            handle.write("import pytest\n\n@pytest.mark.parametrize('x', [1])\ndef test_ok(x, tmp_path):\n    assert x == 1\n")
        devnull = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(1), os.dup(2)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            pytest.main(["-q", *blocked_args, "-p", "pyroad_plugin", test])
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(devnull)
            os.close(saved[0])
            os.close(saved[1])
    sys.modules.pop("test_pyroad_warmup", None)
    # Imported by nearly every check (pytest's escaping of test ids) or by several of the
    # curriculum's (sqlite3); cheap to hold, and no learner code.
    for name in ("encodings.unicode_escape", "sqlite3"):
        try:
            __import__(name)
        except ImportError:
            pass
    gc.collect()
    gc.freeze()


def main():
    # The worker's folder, before anything changes directory: templates work under it.
    root = os.getcwd()
    LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1)
    # `-p no:NAME` for every built-in pytest plugin the runner blocks in every check.
    blocked_args = [arg for name in os.environ.get("PYROAD_PYTEST_BLOCKED", "").split()
                    for arg in ("-p", "no:" + name)]
    accel = choose(blocked_args)
    accel.before_warm_up()
    # No collections while importing (a tenth of the heavy worker's imports): what is made here
    # lives as long as the worker, and is frozen below.
    gc.disable()
    warm_up(blocked_args)
    preload_bytes = preload()
    accel.after_preload()
    # Frozen without a collection first: the few thousand objects it would free are not worth
    # walking the heavy worker's 400 000 (0.4 s); forked checks never walk frozen ones.
    gc.freeze()
    gc.enable()
    channel = protocol.Channel()
    channel.reply(protocol.ready(accel, pytest.__version__, pytest_internals.pluggy_version()))
    confinement = Confinement(preload_bytes)
    hand_over = None
    # `PYROAD_TEMPLATE=0` forks every check from the worker itself.
    if accel.templates and os.environ.get("PYROAD_TEMPLATE", "1") != "0":
        hand_over = Templates(os.path.join(root, "stage"), confinement, accel).hand_over
    Server(channel, confinement, accel, hand_over=hand_over).serve()
