# Attack: reaching other programs' shared memory through /dev/shm, which a check may write
# (multiprocessing keeps its semaphores there): reading, changing and deleting a file another
# program keeps there (the test's canary, which holds a secret) and leaving a file behind. Each
# check has a /dev/shm of its own, so none of it may reach the machine's; multiprocessing must
# still work in it, so the verdict is an honest `fail`, not an import error.
import ctypes
import multiprocessing
import os

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def attempt(action, *args):
    try:
        return action(*args)
    except OSError as err:
        return f"{err}"


def read(path):
    with open(path) as handle:
        return handle.read()


def write(path, text):
    with open(path, "w") as handle:
        handle.write(text)


SEEN = attempt(read, "{{SHM_CANARY}}")
attempt(write, "{{SHM_CANARY}}", "changed by a check\n")
attempt(os.remove, "{{SHM_CANARY}}")
attempt(write, "/dev/shm/{{MARK}}-left-behind", "left behind by a check\n")
# A semaphore lives in /dev/shm: this raises at import if the check's own is not writable.
LOCK = multiprocessing.Lock()


def add(a, b):
    with LOCK:
        print(SEEN)
        return a - b
