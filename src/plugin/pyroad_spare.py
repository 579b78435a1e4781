"""A spare interpreter: started ahead of a check, it imports pytest (and a heavy run's libraries)
while nothing waits for it, then serves exactly one check and exits.

This is the fast path where pyroad does not fork checks from a warm worker (macOS, Windows,
and Linux's portable backend; see `src/exec/spare.rs`). pyroad started this process already
confined as the check will be (its process group and resource limits, or its Windows Job
Object); it sends one request, a JSON line on stdin:

    {"cwd": ..., "env": {...}, "argv": [...], "seatbelt": null | {"profile": ..., "params": [...]}}

The process then becomes what `python ARGV...` would have been in that folder with that
environment: on macOS it first enters the check's Seatbelt profile (nothing of the check has
run yet), then it takes the check's environment, folder and `sys.path`, and runs pytest's
`__main__` as `python -m pytest` does. An end of input before a request (pyroad went away, or
no longer wants this spare) ends it quietly.

Nothing here may print before the request: the check's stdout and stderr are this process's.
"""

import sys

# Why a request was refused, as the first line of stderr with exit status 86: pyroad then runs
# the check in a fresh interpreter and says why. Nothing of the check has run at that point.
REFUSED = "pyroad-spare: refused: "
REFUSED_STATUS = 86


def refuse(why):
    sys.stderr.write(REFUSED + why + "\n")
    sys.stderr.flush()
    import os

    os._exit(REFUSED_STATUS)


def preload(names):
    import importlib

    for name in ["pytest", "_pytest.config", "_pytest.main", "_pytest.python"] + names:
        try:
            importlib.import_module(name)
        except BaseException:
            # The check imports it again and reports what is wrong in its own words.
            pass


def enter_seatbelt(profile, params):
    """Applies macOS's Seatbelt profile to this process, with its parameters (each path a
    parameter, as `sandbox-exec -D` passes them). Refuses the check if it cannot."""
    import ctypes

    try:
        # libsystem_sandbox's, re-exported by libSystem (in the shared cache, not on disk).
        lib = ctypes.CDLL("/usr/lib/libSystem.B.dylib")
        init = lib.sandbox_init_with_parameters
    except (OSError, AttributeError) as e:
        refuse("cannot load Seatbelt (%s)" % e)
    init.restype = ctypes.c_int
    init.argtypes = [
        ctypes.c_char_p,
        ctypes.c_uint64,
        ctypes.POINTER(ctypes.c_char_p),
        ctypes.POINTER(ctypes.c_char_p),
    ]
    flat = []
    for key, value in params:
        flat.append(key.encode())
        flat.append(value.encode())
    array = (ctypes.c_char_p * (len(flat) + 1))(*flat, None)
    error = ctypes.c_char_p()
    if init(profile.encode(), 0, array, ctypes.byref(error)) != 0:
        refuse("Seatbelt refused the profile (%s)" % (error.value or b"no reason").decode())


def serve():
    import json
    import os

    line = sys.stdin.buffer.readline()
    if not line.strip():
        os._exit(0)
    try:
        request = json.loads(line)
        cwd = request["cwd"]
        env = request["env"]
        argv = request["argv"]
    except (ValueError, KeyError, TypeError) as e:
        refuse("unreadable request (%s)" % e)
    if argv[:2] != ["-m", "pytest"]:
        refuse("only `python -m pytest` is served")
    seatbelt = request.get("seatbelt")
    if seatbelt is not None:
        enter_seatbelt(seatbelt["profile"], seatbelt["params"])
    # The check's stdin is empty, as a cold check's is: the request pipe is closed.
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    import tempfile

    tempfile.tempdir = None  # TMPDIR is the check's now
    # `python -m pytest` in `cwd`: the folder first, then PYTHONPATH, then the rest; this
    # process's own first entry (`-c`'s empty string) goes.
    rest = [p for p in sys.path[1:]]
    extra = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    sys.path[:] = [cwd] + extra + [p for p in rest if p not in extra]
    sys.argv = ["-m"] + argv[2:]
    import runpy

    runpy.run_module("pytest", run_name="__main__", alter_sys=True)


def main():
    preload(sys.argv[1:])
    serve()


main()
