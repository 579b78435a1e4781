# Attack: a child that leaves the check's process group and session with setsid() at import,
# then lingers (still holding the check's stdout and stderr) and tries the network, while the
# check itself ends quickly with a failing test. It must not survive the check.
import ctypes
import os
import socket
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

if os.fork() == 0:
    try:
        os.setsid()
        try:
            socket.create_connection(("127.0.0.1", {{PORT}}), timeout=0.5).sendall(b"escaped")
        except OSError:
            pass
        time.sleep(30)
    finally:
        os._exit(0)


def add(a, b):
    return a - b
