"""pyroad's pytest plugin: writes per-test results as JSON for the runner.

Loaded with ``-p pyroad_plugin``. The runner reads the report only if ``finished`` is true, so a
learner's ``os._exit(0)`` or a crash can never look like a pass. The file named by
PYROAD_CURRENT holds the id of the test that is running, so a timeout can name it.
"""

import json
import linecache
import os
import sys

import pytest

MAX_TEXT = 4000
# Read when a session starts, not at import: a warm worker imports this module once and forks
# a child per check, each with its own environment.
REPORT = CURRENT = ""
LEARNER = set()
# A warm worker's pipe, written once the report is: the runner need not wait for the teardown.
REPORTED_FD = -1
# pytest's own output is not shown (the runner shows it only with --verbose): its progress
# line need not be written.
QUIET = False
# How to take the progress line out, set by a warm worker on its accelerated path
# (pyroad_worker.pytest_internals: it reaches into pluggy). Elsewhere, the cold path included,
# which stages this file alone, pytest writes the line and nobody reads it.
HIDE_PROGRESS = None


def _read_environment():
    global REPORT, CURRENT, LEARNER, REPORTED_FD, QUIET
    # Taken out of the environment before any learner code is imported, so that code cannot
    # look up where the report goes (its name is random) and write a fake one.
    _scrub_initial_environment("PYROAD_REPORT")
    REPORT = os.environ.pop("PYROAD_REPORT", "")
    CURRENT = os.environ.get("PYROAD_CURRENT", "")
    LEARNER = set(filter(None, os.environ.get("PYROAD_LEARNER", "").split(os.pathsep)))
    QUIET = os.environ.pop("PYROAD_QUIET", "") == "1"
    try:
        REPORTED_FD = int(os.environ.pop("PYROAD_REPORTED_FD", "-1"))
    except ValueError:
        REPORTED_FD = -1


def _scrub_initial_environment(name):
    """Zeroes a variable's value in the process's initial environment block: os.environ.pop
    unlinks it, but /proc/self/environ would still show it there. (Code in this process could
    still find the path by looking into this module; that is tampering with pytest itself.)"""
    try:
        import ctypes

        environ = ctypes.POINTER(ctypes.c_void_p).in_dll(ctypes.CDLL(None), "environ")
        prefix = name.encode() + b"="
        i = 0
        while environ[i]:
            entry = ctypes.string_at(environ[i])
            if entry.startswith(prefix):
                ctypes.memset(environ[i] + len(prefix), 0, len(entry) - len(prefix))
            i += 1
    except Exception:
        pass


def _skipped_by_mark(item, call, excinfo):
    """Whether a skip came from a `skip`/`skipif` marker on the test (the curriculum's choice),
    not from `pytest.skip()` in code under test."""
    # pytest reports the skips its markers raise at the test's own location, and says so on
    # the exception; older versions lack the attribute, and markers only ever skip in setup.
    by_mark = getattr(excinfo.value, "_use_item_location", None)
    if by_mark is not None:
        return bool(by_mark)
    return call.when == "setup" and any(
        True for name in ("skip", "skipif") for _ in item.iter_markers(name)
    )


def _clip(text):
    text = text or ""
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "\n[...]"


def _is_learner(path):
    return os.path.basename(str(path)) in LEARNER or any(
        str(path).endswith(os.sep + name) for name in LEARNER
    )


def _imported_from(name, path):
    """Whether the module a staged file `name` (relative to the check's folder) defines was
    imported from `path`. Looked up by the module name the file has on the check's sys.path;
    a file imported under another name is just compiled once more."""
    module = name[: -len(".py")].replace(os.sep, ".")
    if module.endswith(".__init__"):
        module = module[: -len(".__init__")]
    try:
        loaded = vars(sys.modules[module]).get("__file__")
        return isinstance(loaded, str) and os.path.abspath(loaded) == path
    except Exception:
        return False


def _frame(entry):
    # linecache, not entry.statement: the latter re-parses the whole file for every frame,
    # which doubled the cost of a check with many failing tests.
    source = linecache.getline(str(entry.path), entry.lineno + 1).strip()
    return {"file": os.path.basename(str(entry.path)), "line": entry.lineno + 1, "source": source}


class Recorder:
    def __init__(self):
        self.collected = 0
        self.collect_errors = []
        self.syntax_error = None
        self.tests = {}
        self.order = []
        self.internal_error = ""
        self.sources = {}
        self.current = None
        self.current_len = 0

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection(self, session):
        # Here, not at session start: a check prepared ahead of a save (watch) waits for the
        # learner's files between the two.
        # Read before any of the learner's code runs (it could change or remove them); looked
        # at for syntax errors once the session is over.
        for name in sorted(LEARNER):
            if name.endswith(".py") and os.path.isfile(name):
                try:
                    with open(name, "rb") as handle:
                        self.sources[os.path.abspath(name)] = (name, handle.read())
                except OSError:
                    pass

    def _find_syntax_error(self):
        """A syntax error is reported by Python itself with line and column, so the verdict can
        show it with a caret instead of pytest's collection noise. A learner's file that was
        imported compiled: only the others are compiled (again) here."""
        for path, (name, source) in self.sources.items():
            if _imported_from(name, path):
                continue
            try:
                compile(source, name, "exec")
            except SyntaxError as err:
                self.syntax_error = {
                    "file": name,
                    "line": err.lineno or 0,
                    "column": err.offset or 0,
                    "text": (err.text or "").rstrip("\n"),
                    "message": err.msg,
                    "kind": type(err).__name__,
                }
                return

    def pytest_collectreport(self, report):
        if report.failed:
            self.collect_errors.append(
                {"nodeid": report.nodeid, "text": _clip(str(report.longrepr))}
            )

    def pytest_internalerror(self, excrepr, excinfo):
        # A learner's sys.exit() at import time surfaces here, not as a collection error.
        self.internal_error = _clip(str(excrepr)[-MAX_TEXT:])

    def pytest_collection_finish(self, session):
        self.collected = len(session.items)

    def pytest_runtest_logstart(self, nodeid, location):
        # One descriptor for the whole session, rewritten in place: opening the file with
        # O_TRUNC for every test cost half a millisecond each on ext4, pwrite costs ten
        # microseconds.
        if self.current is None and CURRENT:
            try:
                self.current = os.open(CURRENT, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError:
                self.current = -1
        if self.current is not None and self.current >= 0:
            data = nodeid.encode("utf-8", "replace")
            try:
                os.pwrite(self.current, data, 0)
                if len(data) < self.current_len:
                    os.ftruncate(self.current, len(data))
                self.current_len = len(data)
            except OSError:
                pass

    def _entry(self, item):
        nodeid = item.nodeid
        if nodeid not in self.tests:
            self.order.append(nodeid)
            self.tests[nodeid] = {
                "nodeid": nodeid,
                "name": item.name,
                "doc": (getattr(item, "obj", None).__doc__ or "").strip().split("\n")[0]
                if getattr(item, "obj", None) is not None
                else "",
                "outcome": "passed",
                "skipped_by_mark": False,
                "phase": "",
                "message": "",
                "exception": "",
                "learner": None,
                "test": None,
                "stdout": "",
                "stderr": "",
                "duration": 0.0,
            }
        return self.tests[nodeid]

    def pytest_runtest_makereport(self, item, call):
        entry = self._entry(item)
        entry["duration"] += call.duration
        excinfo = call.excinfo
        if excinfo is None:
            return
        if excinfo.typename == "Skipped":
            if entry["outcome"] == "passed":
                entry["outcome"] = "skipped"
                entry["message"] = str(excinfo.value)
                entry["skipped_by_mark"] = _skipped_by_mark(item, call, excinfo)
                if not entry["skipped_by_mark"]:
                    # A skip the code under test raised: shown like a failure, with where.
                    entry["phase"] = call.when
                    entry["exception"] = "Skipped"
                    self._locate(entry, item, excinfo)
            return
        if entry["outcome"] in ("failed", "error"):
            return
        entry["outcome"] = "failed" if call.when == "call" else "error"
        entry["phase"] = call.when
        entry["exception"] = excinfo.typename
        self._locate(entry, item, excinfo)

    def _locate(self, entry, item, excinfo):
        try:
            entry["message"] = _clip(excinfo.exconly())
        except Exception:
            entry["message"] = excinfo.typename
        try:
            frames = list(excinfo.traceback)
        except Exception:
            frames = []
        # `path` from pytest 7; `fspath`, its name before, only where there is no `path`.
        test_file = os.path.basename(str(getattr(item, "path", None) or item.fspath))
        for frame in frames:
            if os.path.basename(str(frame.path)) == test_file:
                entry["test"] = _frame(frame)
        for frame in frames:
            if _is_learner(frame.path):
                entry["learner"] = _frame(frame)

    def pytest_runtest_logreport(self, report):
        entry = self.tests.get(report.nodeid)
        if entry is None:
            return
        if report.when == "call" or (report.failed and not entry["stdout"]):
            entry["stdout"] = _clip(report.capstdout)
            entry["stderr"] = _clip(report.capstderr)

    def pytest_sessionfinish(self, session, exitstatus):
        if not REPORT:
            return
        self._find_syntax_error()
        data = {
            "finished": True,
            "exitstatus": int(exitstatus),
            "collected": self.collected,
            "syntax_error": self.syntax_error,
            "collect_errors": self.collect_errors,
            "internal_error": self.internal_error,
            "tests": [self.tests[n] for n in self.order],
        }
        _end_other_processes()
        tmp = REPORT + ".tmp"
        # One write: json.dump writes each small piece through the text layer.
        with open(tmp, "wb") as handle:
            handle.write(json.dumps(data).encode("utf-8"))
        os.replace(tmp, REPORT)
        if REPORTED_FD >= 0:
            # What is left (pytest's summary and teardown) cannot change the verdict, and the
            # runner shows no output of it in this mode: end here, and spare the CPU.
            # A learner's code that wrote here early only makes the runner look for the report
            # sooner; it goes on waiting while there is none.
            try:
                os.write(REPORTED_FD, b"r")
            except OSError:
                pass
            os._exit(int(exitstatus))


def _end_other_processes():
    """In pyroad's own PID namespace, kills every other process of the check before the report
    is written, so nothing the learner started can replace the report after it is written.

    Only there: this process is then pid 1 of a namespace nested below the one /proc shows, and
    kill(-1) reaches only the rest of that namespace. Anywhere else it would reach every process
    of the user, so it is never done.
    """
    try:
        with open("/proc/self/status") as status:
            nspid = next((line.split()[1:] for line in status if line.startswith("NSpid:")), [])
    except OSError:
        return
    if len(nspid) >= 2 and nspid[-1] == "1" and os.getpid() == 1:
        try:
            os.kill(-1, 9)
        except OSError:
            pass


# Last, so that the terminal reporter (registered by its own plugin's pytest_configure) exists.
@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    _read_environment()
    config.pluginmanager.register(Recorder(), "pyroad-recorder")
    if QUIET and HIDE_PROGRESS is not None:
        HIDE_PROGRESS(config.pluginmanager)
