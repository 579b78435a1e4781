# Attack: the double fork. A child forks a grandchild and exits at once, so the grandchild is
# orphaned (re-parented away from the check); the grandchild moves to a process group of its
# own and lingers. The check ends quickly with a failing test; the grandchild must not survive.
import ctypes
import os
import socket
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

child = os.fork()
if child == 0:
    try:
        if os.fork() == 0:
            os.setpgid(0, 0)
            try:
                socket.create_connection(("127.0.0.1", {{PORT}}), timeout=0.5).sendall(b"daemon")
            except OSError:
                pass
            time.sleep(30)
    finally:
        os._exit(0)
os.waitpid(child, 0)


def add(a, b):
    return a - b
