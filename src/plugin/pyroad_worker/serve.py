"""The serving loop: a child forked per check request, several running at once, each reported
to pyroad as it starts, as it has written its report (if asked) and as it ends. The worker
itself never imports learner code and stays single-threaded."""

import json
import os
import select
import signal

from pyroad_worker import check, protocol
from pyroad_worker.confine import open_fds, sweep_orphans


class Running:
    """A running check: the request's id, the child's pid, a pidfd to wait on (if any), and the
    read end of its "reported" pipe (if it has one and it has not spoken yet)."""

    def __init__(self, ident, pid, reported=None):
        self.ident = ident
        self.pid = pid
        self.reported = reported
        try:
            self.pidfd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            self.pidfd = None

    def close_reported(self):
        if self.reported is not None:
            os.close(self.reported)
            self.reported = None


class Forked:
    """What a freshly forked check holds of its request's preparation: its Landlock rules,
    whether it is already the first process of its own PID namespace, its ends of the gate and
    "reported" pipes (or None), and the worker's descriptors it inherited (to close)."""

    def __init__(self, rules, own_pid_namespace, gate, reported, inherited):
        self.rules, self.own_pid_namespace = rules, own_pid_namespace
        self.gate, self.reported, self.inherited = gate, reported, inherited


class BecomeCheck(BaseException):
    """Raised in a child forked by a template: unwinds it out of the template's loop into the
    pytest session, as the check."""

    def __init__(self, request, forked):
        super().__init__()
        self.request, self.forked = request, forked


class Server:
    """Answers requests until pyroad closes the pipe.

    `template`, when this serves inside one (template.Template), says which requests it can
    serve and where its checks see their folder; its children become checks by raising
    BecomeCheck. `hand_over`, if given, is called with the first check request (and the
    channel) before anything else runs: it may serve everything from then on and never return
    (see template.Templates), or return for this loop to go on."""

    def __init__(self, channel, confinement, accel, template=None, hand_over=None):
        self.channel = channel
        self.confinement = confinement
        self.accel = accel
        self.template = template
        self.hand_over = hand_over
        self.running = []
        # The write ends of the gates of prepared checks, by request id.
        self.gates = {}

    def serve(self):
        channel = self.channel
        while True:
            line = channel.pop()
            if line is not None:
                if line.strip():
                    message = json.loads(line)
                    if protocol.is_gate_message(message):
                        self.open_gate(message.get("go", message.get("drop")), go="go" in message)
                    else:
                        if self.hand_over is not None and not self.running and not self.gates:
                            hand_over, self.hand_over = self.hand_over, None
                            hand_over(message, channel)
                        self.start(message)
                continue
            if channel.closed:
                # The checks still running end with the worker.
                for c in self.running:
                    try:
                        os.killpg(c.pid, signal.SIGKILL)
                    except OSError:
                        pass
                if self.template is not None:
                    os._exit(0)
                return
            fds = [c.pidfd for c in self.running if c.pidfd is not None]
            # Without pidfds (Linux before 5.3), poll for ended checks.
            polling = len(fds) < len(self.running)
            said = [c.reported for c in self.running if c.reported is not None]
            ready, _, _ = select.select([channel.requests, *fds, *said], [], [], 0.005 if polling else None)
            for fd in ready:
                if fd == channel.requests:
                    channel.fill()
                    continue
                running = next((c for c in self.running if fd in (c.pidfd, c.reported)), None)
                if running is None:
                    continue
                if fd == running.reported:
                    # A byte: the report is written. End of file: the child ended without one
                    # (its exit is reported as usual).
                    if os.read(fd, 1):
                        channel.reply({"id": running.ident, "reported": True})
                    running.close_reported()
                else:
                    self.reap(running)
            if polling:
                self.reap()

    def start(self, request):
        """Forks the child for one request and reports its pid. In a template, the child goes on
        into the template's pytest session (BecomeCheck) instead of starting its own."""
        template = self.template
        if template is not None and not template.fits(request):
            # No pid: the runner runs this one cold.
            self.channel.reply({"id": request.get("id")})
            return
        self.accel.precompile(request.get("rewrite", []))
        confine = request.get("confine", True)
        rules, transient = self.confinement.prepare_landlock(request.get("landlock")) if confine else (None, [])
        gate = os.pipe() if request.get("gated") else None
        # Close-on-exec: a process the learner's code starts never holds it.
        reported = os.pipe2(os.O_CLOEXEC) if request.get("early") else None
        inherited = open_fds()
        pid, own_pid_namespace = self.confinement.fork_check() if confine else (os.fork(), False)
        if pid == 0:
            forked = None
            try:
                # Nothing of the other checks (their pidfds, their gates) or of the worker's
                # pipes stays open in this one.
                for other in self.running:
                    if other.pidfd is not None:
                        os.close(other.pidfd)
                    other.close_reported()
                for fd in self.gates.values():
                    os.close(fd)
                if gate is not None:
                    os.close(gate[1])
                if reported is not None:
                    os.close(reported[0])
                forked = Forked(rules, own_pid_namespace, gate[0] if gate is not None else None,
                                reported[1] if reported is not None else None, inherited)
                if template is None:
                    check.run(request, self.confinement, self.accel, forked)
            except BaseException:
                pass
            else:
                if template is not None:
                    raise BecomeCheck(request, forked)
            # Never back into the worker's loop as a second worker, whatever went wrong.
            os._exit(3)
        for fd in transient:
            os.close(fd)
        if gate is not None:
            os.close(gate[0])
            self.gates[request.get("id")] = gate[1]
        if reported is not None:
            os.close(reported[1])
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        self.running.append(Running(request.get("id"), pid, reported[0] if reported is not None else None))
        answer = {"id": request.get("id"), "pid": pid}
        if template is not None:
            answer["work"] = template.work
        self.channel.reply(answer)

    def open_gate(self, ident, go):
        """Lets a prepared check run (`go`), or makes it end without running anything."""
        fd = self.gates.pop(ident, None)
        if fd is None:
            return
        try:
            if go:
                os.write(fd, b"g")
        except OSError:
            pass
        finally:
            os.close(fd)

    def finish(self, running, status):
        self.running.remove(running)
        running.close_reported()
        self.open_gate(running.ident, go=False)
        if running.pidfd is not None:
            os.close(running.pidfd)
        # What an ended check left re-parented here (only possible without a PID namespace).
        sweep_orphans(keep={c.pid for c in self.running})
        if os.WIFSIGNALED(status):
            self.channel.reply({"id": running.ident, "signal": os.WTERMSIG(status)})
        else:
            self.channel.reply({"id": running.ident, "exit": os.WEXITSTATUS(status)})

    def reap(self, running=None):
        """Collects the checks that ended (only `running` when given)."""
        for c in [running] if running else list(self.running):
            try:
                pid, status = os.waitpid(c.pid, 0 if running else os.WNOHANG)
            except InterruptedError:
                continue
            except ChildProcessError:
                pid, status = c.pid, signal.SIGKILL
            if pid == c.pid:
                self.finish(c, status)
