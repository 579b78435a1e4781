# Attack: output that is not UTF-8, at import and inside a test: raw bytes on file descriptors
# 1 and 2, and a failure message full of lone surrogates (which JSON cannot carry as text).
# pyroad must still report a verdict (and valid JSON), not crash or pass.
import ctypes
import os
import sys

ctypes.CDLL(None).prctl(15, b"{{MARK}}", 0, 0, 0)

BAD = b"\xff\xfe \xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80 \x80\x80 not utf-8\n"

os.write(1, BAD)
os.write(2, BAD)
sys.stdout.buffer.write(BAD)
sys.stdout.flush()


def add(a, b):
    os.write(1, BAD)
    os.write(2, BAD)
    try:
        print(BAD.decode("utf-8", "surrogateescape"), flush=True)
    except UnicodeError:
        pass
    raise AssertionError(BAD.decode("utf-8", "surrogateescape"))
