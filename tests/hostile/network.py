# Attack: the network. Connects to a listener the test opened on the machine's loopback and
# sends data, at import (for a second) and inside each test (for a quarter of a second), trying
# every spelling of the address. A check has a loopback of its own: the listener must receive
# no connection.
import ctypes
import socket
import time

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

PORT = {{PORT}}


def phone_home(seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for host in ("127.0.0.1", "localhost", "::ffff:127.0.0.1", "127.0.0.2"):
            try:
                with socket.create_connection((host, PORT), timeout=0.2) as conn:
                    conn.sendall(b"hostile check says hello")
                    return True
            except OSError:
                pass
        time.sleep(0.05)
    return False


phone_home(1.0)


def add(a, b):
    phone_home(0.25)
    return a - b
