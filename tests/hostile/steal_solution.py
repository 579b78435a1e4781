# Attack: reading the reference solution from the curriculum on disk at import (the workspace's
# pyroad.toml says where it is) and running it, which would pass every test. A check must not
# be able to read outside its sandbox, so this must not pass.
import ctypes

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)


def add(a, b):
    return a - b


for path in ("{{CURRICULUM}}/01-fundamentals/demo/solution.py",
             "{{WORKSPACE}}/solutions/01-fundamentals/demo/demo.py"):
    try:
        with open(path) as handle:
            exec(handle.read())
        break
    except OSError:
        pass
