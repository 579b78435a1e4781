"""Clean code with a linter: make ruff report nothing, keep the behaviour.

This module WORKS (mostly), but a reviewer would send it back, and so would ruff, the
linter most Python teams run in CI. The tests run this (one line):

    python -m ruff check --isolated --line-length 100 --select E,F,W,B,D,N,ANN
        --config "lint.pydocstyle.convention='google'" ruff_lint_sensor_readings.py

and show you its findings (run the same command yourself; `pyroad doctor` prints the Python
that has ruff). Make it report nothing, WITHOUT silencing it (no `# noqa`, no `# ruff: noqa`)
and WITHOUT changing what the functions do, except the two bugs that ruff's findings point to:

- parse_reading(line) turns "kitchen = 21.5" into ("kitchen", 21.5) (name stripped, value a
  float) and returns None for a str that is not "name=number" ("oops", "a=b=1", "t=warm").
  Only THAT failure (a ValueError) means None: a line that is not a str at all, such as None,
  is a bug in the caller and its error must propagate (the bare `except:` hides it, and would
  even swallow Ctrl-C).
- collect(lines, into=None) appends the parsed readings of `lines` (skipping the None ones)
  to `into` and returns it; with no `into`, to a NEW list on every call. The `into=[]` default
  is created once, when `def` runs, so today every call without `into` shares one list.
- average(readings, sensor) is the mean of the values whose name is `sensor`, e.g.
  average([("a", 1.0), ("b", 5.0), ("a", 2.0)], "a") == 1.5; with no such reading it raises
  ValueError("no readings for 'a'") (the sensor's repr in the message).

ruff's D rules ask for docstrings (Google convention): a module docstring at the very top,
and one per function: a summary line ending in a period, a blank line, then `Args:` with
EVERY parameter (`line: The text to parse.`), `Returns:`, and `Raises:` where it raises.
The tests also check that each function's docstring names all its parameters under Args:.
ANN asks for type hints on every parameter and return
(`def average(readings: list[tuple[str, float]], sensor: str) -> float:`), and E741 for a
name for `l` that says what it holds.
"""

import json
import os


def parse_reading(line):
    try:
        name, value = line.split("=")
        return name.strip(), float(value)
    except:
        return None


def collect(lines, into=[]):
    for line in lines:
        r = parse_reading(line)
        if r == None:
            continue
        into.append(r)
    return into


def average(readings, sensor):
    l = [v for n, v in readings if n == sensor]
    total = sum(l)
    if len(l) == 0:
        raise ValueError(f"no readings")
    return total / len(l)
