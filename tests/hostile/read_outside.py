# Attack: reading a file outside the sandbox inside a test (the test's canary, which holds a
# secret) and smuggling its contents out through the test's output and failure message. The
# secret must appear nowhere in what pyroad reports.
import ctypes

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def add(a, b):
    leaked = []
    for path in ("{{OUTSIDE}}", "{{STATE}}", "{{WORKSPACE}}/pyroad.toml"):
        try:
            with open(path) as handle:
                leaked.append(handle.read())
        except OSError as err:
            leaked.append(f"{path}: {err.strerror}")
    print("\n".join(leaked))
    raise AssertionError("read: " + " | ".join(leaked))
