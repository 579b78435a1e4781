import sys
import textwrap
import threading

import pytest

from faulthandler_crash_hang_dump import Diagnosis, Frame, ThreadStack, diagnose, dump_this_process, parse_dump

CRASH = """\
Fatal Python error: Segmentation fault

Current thread 0x00007f5158413b80 (most recent call first):
  File "/usr/lib/python3.11/ctypes/__init__.py", line 519 in string_at
  File "<string>", line 4 in crash
  File "<string>", line 7 in <module>

Extension modules: numpy.core._multiarray_umath (total: 1)
"""

TWO_THREADS = """\
Thread 0x00007fc499dad6c0 (most recent call first):
  File "/srv/my app, v2/worker \\"main\\".py", line 12 in <lambda>
  File "/srv/app/jobs.py", line 3 in run in loop

Current thread 0x0000000000000a1f (most recent call first):
  File "/srv/app/main.py", line 7 in <module>
"""


def test_a_crash_dump_gives_the_error_and_the_frames_innermost_first():
    assert parse_dump(CRASH) == Diagnosis(
        error="Segmentation fault",
        threads=[ThreadStack(thread_id=0x00007F5158413B80, current=True, frames=[
            Frame("/usr/lib/python3.11/ctypes/__init__.py", 519, "string_at"),
            Frame("<string>", 4, "crash"),
            Frame("<string>", 7, "<module>"),
        ])],
    )


def test_every_thread_is_read_with_its_hex_id_and_odd_file_names():
    diagnosis = parse_dump(TWO_THREADS)

    assert diagnosis.error is None
    assert [(t.thread_id, t.current) for t in diagnosis.threads] == [(0x7FC499DAD6C0, False), (0xA1F, True)], (
        "the thread id is hexadecimal: int(text, 16)"
    )
    assert diagnosis.threads[0].frames == [
        Frame('/srv/my app, v2/worker \\"main\\".py', 12, "<lambda>"),
        Frame("/srv/app/jobs.py", 3, "run in loop"),
    ], "a file name can hold spaces, commas and quotes; the function is everything after ' in '"


def test_a_timeout_dump_is_reported_as_a_timeout():
    text = 'Timeout (0:00:00.050000)!\nThread 0x00000000000000ff (most recent call first):\n  File "a.py", line 1 in f\n'
    diagnosis = parse_dump(text)
    assert diagnosis.error == "Timeout after 0:00:00.050000"
    assert diagnosis.threads == [ThreadStack(255, False, [Frame("a.py", 1, "f")])]


@pytest.mark.parametrize("text", ["", "Traceback (most recent call last):\n  ValueError\n"], ids=["empty", "not-a-dump"])
def test_text_without_a_dump_gives_nothing(text):
    assert parse_dump(text) == Diagnosis(error=None, threads=[])


def test_threads_do_not_share_their_frame_lists():
    first, second = parse_dump(TWO_THREADS).threads
    assert len(first.frames) == 2 and len(second.frames) == 1, "the first thread has 2 frames, the second 1: a frame belongs to the thread whose header came last"


def blocked_worker(started, release):
    started.set()
    release.wait()


def test_dump_this_process_shows_a_blocked_thread():
    started, release = threading.Event(), threading.Event()
    worker = threading.Thread(target=blocked_worker, args=(started, release))
    worker.start()
    started.wait()
    try:
        diagnosis = dump_this_process()
    finally:
        release.set()
        worker.join()

    assert diagnosis.error is None
    assert sum(t.current for t in diagnosis.threads) == 1, "exactly one thread is the current one"
    functions = {t.thread_id: [f.function for f in t.frames] for t in diagnosis.threads}
    assert "blocked_worker" in functions[worker.ident], "the worker's stack must show where it waits"
    current = next(t for t in diagnosis.threads if t.current)
    assert current.thread_id == threading.get_ident()
    assert any(f.function == "dump_this_process" for f in current.frames)


@pytest.mark.skipif(sys.platform == "win32", reason="the crash is reported differently on Windows")
def test_a_crashing_child_is_diagnosed():
    code = textwrap.dedent("""
        import ctypes

        def crash():
            ctypes.string_at(0)

        crash()
    """)
    exit_code, diagnosis = diagnose(code)

    assert exit_code != 0
    assert diagnosis.error == "Segmentation fault"
    assert [f.function for f in diagnosis.threads[0].frames][-2:] == ["crash", "<module>"], (
        "run the child with -X faulthandler so it dumps its stack when it crashes"
    )


def test_a_hanging_child_is_dumped_and_stopped():
    code = "import threading\ndef stuck():\n    threading.Event().wait()\nstuck()\n"
    exit_code, diagnosis = diagnose(code, hang_after=0.05, timeout=10)

    assert exit_code == 1, "dump_traceback_later(..., exit=True) ends the child with exit code 1"
    assert diagnosis.error == "Timeout after 0:00:00.050000"
    assert "stuck" in [f.function for f in diagnosis.threads[0].frames]


def test_a_healthy_child_exits_normally_with_nothing_to_report():
    assert diagnose("print('fine')", hang_after=5) == (0, Diagnosis(error=None, threads=[])), (
        "a watchdog that has not fired must not dump anything or change the exit code"
    )


def test_the_child_reports_a_normal_exit_code():
    assert diagnose("raise SystemExit(3)")[0] == 3
