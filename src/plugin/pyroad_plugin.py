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
# A failed test's message: pytest's whole explanation of a comparison, which pyroad condenses
# (ui::render) around what differs, so it must not be cut before the difference.
MAX_MESSAGE = 64000
# Read when a session starts, not at import: a warm worker imports this module once and forks
# a child per check, each with its own environment.
REPORT = CURRENT = ""
LEARNER = set()
# The check's folder, where pytest started (set with the environment).
ROOT = ""
# A warm worker's pipe, written once the report is: the runner need not wait for the teardown.
REPORTED_FD = -1
# pytest's own output is not shown (the runner shows it only with --verbose): its progress
# line need not be written.
QUIET = False
# How to take the progress line out, set by a warm worker on its accelerated path
# (pyroad_worker.pytest_internals: it reaches into pluggy). Elsewhere, the cold path included,
# which stages this file alone, pytest writes the line and nobody reads it.
HIDE_PROGRESS = None
HIDDEN = ""


def _read_environment():
    global REPORT, CURRENT, LEARNER, REPORTED_FD, QUIET, ROOT, HIDDEN
    ROOT = os.getcwd()
    # The folder of a grader's hidden tests, beside the check's (empty: none staged).
    HIDDEN = os.environ.pop("PYROAD_HIDDEN", "")
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


def _dump_stack_before_the_limit():
    """Has Python write its stack to PYROAD_STACKS shortly before the runner's time limit, so a
    timeout's verdict can name the learner's line that was running. faulthandler's watchdog is
    a C thread: it writes even while the learner's code spins in a loop that never yields."""
    path = os.environ.pop("PYROAD_STACKS", "")
    try:
        after = float(os.environ.pop("PYROAD_STACKS_AFTER", ""))
    except ValueError:
        return
    if not path or after <= 0:
        return
    try:
        import faulthandler

        # Kept open for the watchdog; the process ends with the check.
        handle = open(path, "w")
        faulthandler.dump_traceback_later(after, repeat=False, file=handle, exit=False)
    except Exception:
        pass


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
    return {"file": _shown_path(entry.path), "line": entry.lineno + 1, "source": source}


def _points(item):
    """What the test is worth when graded: `@pytest.mark.points(n)` (n a positive integer), or
    None without the marker. A malformed marker is reported as a string for `dev check`."""
    marker = item.get_closest_marker("points")
    if marker is None:
        return None
    args = marker.args
    if len(args) == 1 and type(args[0]) is int and 0 < args[0] <= 1000 and not marker.kwargs:
        return args[0]
    return "points marker needs one whole number from 1 to 1000, got %r" % (args,)


# Each test file's functions by the line their source starts on (the first decorator's, as
# `co_firstlineno` has it) -> the line they end on: one parse per file, where
# `inspect.getsource` tokenized again for every test (some 10 ms of a 31-test check).
_FUNCTION_SPANS = {}


def _code(item):
    """The test function's source (for Exercism-style reports), at most 2000 characters."""
    try:
        import ast
        import inspect
        import linecache

        code = inspect.unwrap(item.obj).__code__
        filename = code.co_filename
        lines = linecache.getlines(filename)
        spans = _FUNCTION_SPANS.get(filename)
        if spans is None:
            spans = {}
            for node in ast.walk(ast.parse("".join(lines))):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    first = min([d.lineno for d in node.decorator_list] + [node.lineno])
                    spans[first] = node.end_lineno
            _FUNCTION_SPANS[filename] = spans
        end = spans.get(code.co_firstlineno)
        if end is None:
            return ""
        return "".join(lines[code.co_firstlineno - 1 : end])[:2000]
    except Exception:
        return ""


def _shown_path(path):
    """A file's path inside the check's folder (`templates/profile.html`), which is laid out as
    the exercise's; a file elsewhere by its name alone. The folder is where pytest started: a
    test may change the working folder."""
    path = os.path.abspath(str(path))
    here = ROOT or os.getcwd()
    if HIDDEN and path.startswith(HIDDEN + os.sep):
        return "hidden/" + os.path.basename(path)
    if path.startswith(here + os.sep):
        return os.path.relpath(path, here).replace(os.sep, "/")
    return os.path.basename(path)


# What an input is shown as: short reprs only, a few of them.
MAX_INPUT_REPR = 120
MAX_INPUTS = 6


def _short_repr(value):
    try:
        text = repr(value)
    except Exception:
        return None
    if "\n" in text or len(text) > MAX_INPUT_REPR:
        return None
    return text


def _inputs(item, frame):
    """The values that made this case: its parametrize arguments, then the test's own simple
    local variables where it failed (a loop's current input), as (name, repr) pairs."""
    out = []
    params = getattr(getattr(item, "callspec", None), "params", {}) or {}
    for name, value in params.items():
        text = _short_repr(value)
        if text is not None:
            out.append([name, text])
    if frame is not None:
        try:
            local_vars = frame.locals
        except Exception:
            local_vars = {}
        fixtures = set(getattr(item, "fixturenames", ()))
        for name, value in local_vars.items():
            # pytest's rewritten asserts keep `@py_assert1` and the like: not names.
            if not name.isidentifier() or name.startswith("_") or name in params or name in fixtures:
                continue
            if isinstance(value, (str, bytes, int, float, bool, type(None), tuple, list, dict, set)):
                text = _short_repr(value)
                if text is not None:
                    out.append([name, text])
    return out[:MAX_INPUTS]


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
        _dump_stack_before_the_limit()
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
            path = os.path.abspath(str(getattr(item, "path", None) or item.fspath))
            hidden = bool(HIDDEN) and path.startswith(HIDDEN + os.sep)
            self.tests[nodeid] = {
                # A hidden test lies outside the check's folder, where pytest names it by no
                # path at all (pytest 9) or one up and out (older ones).
                "nodeid": "hidden/%s::%s" % (os.path.basename(path), item.name) if hidden else nodeid,
                "hidden": hidden,
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
                "inputs": [],
                "stdout": "",
                "stderr": "",
                "duration": 0.0,
                "points": _points(item),
                "code": _code(item),
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
            message = excinfo.exconly()
            entry["message"] = (
                message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "\n[...]"
            )
        except Exception:
            entry["message"] = excinfo.typename
        try:
            frames = list(excinfo.traceback)
        except Exception:
            frames = []
        # `path` from pytest 7; `fspath`, its name before, only where there is no `path`.
        test_file = os.path.basename(str(getattr(item, "path", None) or item.fspath))
        # The test's line is its deepest frame above the learner's code: a time-limit handler
        # or a callback of the test's that runs inside the learner's code is not where the test
        # failed, the call into that code is.
        first_learner = next(
            (i for i, frame in enumerate(frames) if _is_learner(frame.path)), len(frames)
        )
        test_frame = None
        for frame in frames[:first_learner] or frames:
            if os.path.basename(str(frame.path)) == test_file:
                test_frame = frame
        if test_frame is not None:
            entry["test"] = _frame(test_frame)
        for frame in frames:
            if _is_learner(frame.path):
                entry["learner"] = _frame(frame)
        entry["inputs"] = _inputs(item, test_frame)

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
    # Assertion explanations in full: pytest cuts them at its terminal's default verbosity
    # ("Use -v to get more diff", "...Full output truncated"), advice about flags a learner
    # cannot pass. pyroad decides how much of a comparison to show (ui::render). pytest reads
    # this option when it explains a failed assertion (and from pytest 8 through
    # `verbosity_assertions`, whose default follows it).
    config.option.verbose = max(config.option.verbose, 2)
    config.pluginmanager.register(Recorder(), "pyroad-recorder")
    if QUIET and HIDE_PROGRESS is not None:
        HIDE_PROGRESS(config.pluginmanager)
