"""Templates: checks forked from a pytest session already configured (accelerated path only).

Most of a warm check's own work before it reads any of the learner's files is pytest's: parsing
its options, registering and configuring its plugins, starting the session (some 20 ms of 50
here). All of it is the same for every check of a run but for the paths of the check's folder.
A template is a process that has done it once, for a folder of its own (its root), and stopped
where collection starts; each check is forked from it, mounts its own folder over the
template's in its private mount namespace (so every path pytest keeps names the check's files),
takes its own output files and environment, and goes on into collection. The worker forks the
template from its first check request and hands it the pipes to pyroad; where a template cannot
be made, the worker serves as before.
"""

import gc
import os
import stat
import sys
import tempfile

import pytest

import pyroad_plugin
from pyroad_worker import check
from pyroad_worker.confine import (LIBC, PR_SET_CHILD_SUBREAPER, PR_SET_PDEATHSIG, bind,
                                   enter_check_group, enter_namespaces, open_fds, close_inherited,
                                   private_shm, private_tmp)
from pyroad_worker.serve import BecomeCheck, Server

# The exit status of a template that could not start serving: the worker then serves itself.
TEMPLATE_UNAVAILABLE = 86
# Variables that differ between checks of a run; a check sets them for itself (the last: when
# the plugin dumps the stack for a timeout's verdict, from the exercise's own time limit).
PER_CHECK_ENV = ("PYROAD_REPORT", "PYROAD_LEARNER", "PYROAD_STACKS_AFTER", "PYROAD_HIDDEN")
# Paths outside the stage (whose root's name they start with), kept as they are.
UNTRANSLATED_ENV = ("PYROAD_HIDDEN",)


def test_files(args):
    """The test files at the end of a check's arguments (after `--rootdir DIR`): the exercise's
    test file, then any hidden tests (absolute paths beside the stage)."""
    try:
        return args[args.index("--rootdir") + 2:]
    except ValueError:
        return args[-1:]


def stage_root(request):
    """The folder of a check's stage: its working folder's parent."""
    return os.path.dirname(request.get("cwd", "").rstrip("/"))


class Templates:
    """Hands a worker's serving over to a template made for its first check request."""

    def __init__(self, root, confinement, accel):
        self.root = root
        self.confinement = confinement
        self.accel = accel

    def hand_over(self, first, channel):
        """Forks a template for requests like `first` and waits for it: it serves every request
        from now on, and this worker ends as it does. Returns if it could not start serving."""
        if not first.get("confine", True) or not first.get("args"):
            return
        pid = os.fork()
        if pid == 0:
            template = None
            try:
                template = Template(self.root, first, channel, self.confinement, self.accel)
                template.main()
            except BaseException:
                pass
            os._exit(1 if template is not None and template.serving else TEMPLATE_UNAVAILABLE)
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except InterruptedError:
                continue
            except ChildProcessError:
                return
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == TEMPLATE_UNAVAILABLE:
            return
        # The template served and ended (pyroad closed the pipe, or it died): so does the worker.
        os._exit(0)


class Template:
    """A template process: pytest configured for `root`, then serving inside its session (see
    Gate); and, in each child forked from it, the check that child becomes."""

    def __init__(self, root, first, channel, confinement, accel):
        self.root = root
        # Where a check of this template sees its folder.
        self.work = os.path.join(root, "work")
        self.first = first
        self.channel = channel
        self.confinement = confinement
        self.accel = accel
        # The first request's arguments and environment as the template's folder sees them,
        # without the per-check parts (see as_template).
        self.args, self.env = self.as_template(first)
        # The template's output files (device, inode) and pytest's descriptors in it (its
        # capture files, its saved copies of stdout and stderr, faulthandler's), found where
        # serving starts.
        self.output = {}
        self.fds = frozenset()
        self.tmpfiles = frozenset()
        self.serving = False
        # Set in a child of the template once it is a check.
        self.is_check = False

    def translated(self, value, root):
        return value.replace(root, self.root) if isinstance(value, str) else value

    def as_template(self, request):
        """(args, env) of a check request as the template's folder sees them: its stage's path
        replaced by the template's root, without the test files (the last arguments) and the
        per-check variables."""
        root = stage_root(request)
        args = request.get("args", [])
        args = [self.translated(a, root) for a in args[:len(args) - len(test_files(args))]]
        env = {k: self.translated(v, root) for k, v in request.get("env", {}).items() if k not in PER_CHECK_ENV}
        return args, env

    def fits(self, request):
        """Whether a request can be served from the template: confined (its folder is mounted
        in a namespace of its own), for a stage laid out as the runner makes them, and with the
        same arguments and environment but for its paths."""
        root = stage_root(request)
        return (request.get("confine", True) and request.get("args") and len(root) > 1
                and request.get("cwd", "").rstrip("/") == os.path.join(root, "work")
                and self.as_template(request) == (self.args, self.env))

    def trial_mount(self):
        """Whether a child can make the mounts a check of the template needs."""
        pid = os.fork()
        if pid == 0:
            try:
                ids = os.getuid(), os.getgid()
                user, _ = enter_namespaces(pid_too=False)
                ok = private_shm(user, ids) and bind(self.root, self.root)
                os._exit(0 if ok else 1)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0

    def main(self):
        """pytest configured for the template's root, then serving inside its session. Raises
        (before serving) where it cannot be made."""
        LIBC.prctl(PR_SET_PDEATHSIG, 9)
        LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1)
        # mkdir, not makedirs: should pyroad have ended and removed the worker's folder
        # meanwhile, this must fail rather than make the folder again where nothing removes it.
        for path in (self.root, *(os.path.join(self.root, sub) for sub in ("work", "tmp", "plugin"))):
            try:
                os.mkdir(path)
            except FileExistsError:
                pass
        with open(os.path.join(self.root, "pytest.ini"), "w") as ini:
            # As the runner's stage writes it (`PYTEST_INI` in src/check/stage.rs).
            ini.write("[pytest]\nmarkers =\n    points(n): what the test is worth when graded\n")
        if not self.trial_mount():
            raise OSError("no mount namespace for the template's checks")
        # pytest writes to fds 1 and 2 and reads 0: the pipes to pyroad move out of its way.
        self.channel.step_aside()
        out = os.open(os.path.join(self.root, "..", "template-stdout"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(os.path.join(self.root, "..", "template-stderr"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        null = os.open(os.devnull, os.O_RDONLY)
        for fd, target in ((null, 0), (out, 1), (err, 2)):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.clear()
        os.environ.update(self.env)
        os.chdir(self.work)
        tempfile.tempdir = None
        sys.argv = ["pytest"]
        sys.path[0] = self.work
        self.accel.enter_check()
        code = 3
        try:
            code = int(pytest.main(self.args, plugins=[*self.accel.check_plugins(), Gate(self)]))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            code = 3
        if not self.is_check:
            raise RuntimeError("the template's session ended before collection")
        # A check's session is over: as a check of the worker's ends.
        check.end(code)

    def start_serving(self):
        """Serves every request from inside the template's session; returns only in a forked
        child, by BecomeCheck."""
        # Reach 6 (pytest_internals): what pytest holds open now is its capture's copies of fds
        # 1 and 2 and its unlinked temporary files, which become redirects each check replaces.
        fds, tmpfiles = set(), set()
        for fd in open_fds():
            try:
                info = os.fstat(fd)
            except OSError:
                continue
            if fd not in (self.channel.requests, self.channel.replies):
                fds.add(fd)
                if stat.S_ISREG(info.st_mode) and info.st_nlink == 0:
                    tmpfiles.add(fd)
        self.fds = frozenset(fds)
        self.tmpfiles = frozenset(tmpfiles)
        for fd in (1, 2):
            info = os.fstat(fd)
            self.output[(info.st_dev, info.st_ino)] = fd
        gc.freeze()
        self.serving = True
        server = Server(self.channel, self.confinement, self.accel, template=self)
        server.start(self.first)
        server.serve()

    def become(self, became, session):
        """Turns a child forked by the template into the check of its request."""
        self.is_check = True
        request, forked = became.request, became.forked
        root = stage_root(request)
        enter_check_group(request)
        out = os.open(request["stdout"], os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(request["stderr"], os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        # What the session printed before it stopped (its first line) opens the check's output,
        # as it would a check of its own.
        for source, target in ((1, out), (2, err)):
            copy_written(source, target)

        def mounts():
            if not bind(root, self.root):
                raise OSError("cannot mount the check's folder")
            private_tmp(os.path.join(self.root, "tmp"))
            os.chdir(self.work)

        self.confinement.apply(request, forked.rules, forked.own_pid_namespace, mounts)
        # Every descriptor pytest holds on the template's output now holds the check's, and its
        # capture files are the check's own (in the check's temp folder).
        for fd in self.fds:
            try:
                info = os.fstat(fd)
            except OSError:
                continue
            source = self.output.get((info.st_dev, info.st_ino))
            if source is not None:
                os.dup2(out if source == 1 else err, fd)
            elif fd in self.tmpfiles:
                fresh = os.open(os.path.join(self.root, "tmp"), os.O_TMPFILE | os.O_RDWR, 0o600)
                os.dup2(fresh, fd)
                os.close(fresh)
        stdin = os.open(os.devnull, os.O_RDONLY)
        os.dup2(stdin, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        for fd in (stdin, out, err):
            os.close(fd)
        close_inherited(forked.inherited, set(self.fds) | {0, 1, 2, forked.gate, forked.reported})
        os.environ.clear()
        # The hidden tests' folder lies beside the stage, not in it: never translated.
        os.environ.update({k: v if k in UNTRANSLATED_ENV else self.translated(v, root) for k, v in request["env"].items()})
        if forked.reported is not None:
            os.environ["PYROAD_REPORTED_FD"] = str(forked.reported)
        tempfile.tempdir = None
        for name in request.get("staged", []):
            sys.modules.pop(name, None)
        pyroad_plugin._read_environment()
        config = session.config
        # Untranslated: a hidden test's absolute path lies beside the stage, not in it.
        self.accel.internals.point_session_at(config, test_files(request["args"]))
        self.accel.internals.restart_clock(config)


class Gate:
    """Where the template stops (as collection starts) to serve, and where each check forked
    from it becomes itself and goes on."""

    def __init__(self, template):
        self.template = template

    @pytest.hookimpl(hookwrapper=True)
    def pytest_collection(self, session):
        gate = None
        try:
            self.template.start_serving()
        except BecomeCheck as became:
            try:
                self.template.become(became, session)
            except BaseException:
                os._exit(3)
            gate = became.forked.gate
        else:
            os._exit(1)
        check.wait_at_gate(gate)
        gc.freeze()
        yield


def copy_written(source, target):
    offset = 0
    while True:
        chunk = os.pread(source, 65536, offset)
        if not chunk:
            return
        os.write(target, chunk)
        offset += len(chunk)
