# Attack: deleting the sandbox at import: the check's working folder and the folder above it
# (where pyroad keeps the check's plugin, report and output). pyroad must still give a verdict
# that is not a pass, and leave nothing behind. As a safety net, it never deletes a folder that
# is a top-level folder or holds the workspace.
import ctypes
import os
import shutil

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

here = os.getcwd()
above = os.path.dirname(here)
workspace = "{{WORKSPACE}}"
for folder in (above, here):
    deep_enough = folder.count("/") >= 2
    holds_workspace = (workspace + "/").startswith(folder.rstrip("/") + "/")
    if deep_enough and not holds_workspace:
        shutil.rmtree(folder, ignore_errors=True)


def add(a, b):
    return a - b
