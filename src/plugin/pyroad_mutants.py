#!/usr/bin/env python3
"""Mutation testing for pyroad's reference solutions (`pyroad dev mutants`).

A *mutant* is the reference solution with one small, plausible mistake in it: a comparison or
boolean operator swapped, a constant moved by one, an `x or default` that lost its default, a
statement or call removed, two arguments swapped, a returned value dropped. The exercise's tests
should fail on every mutant ("kill" it); a mutant they pass ("survives") is a mistake a learner
could make and still be told they are right, unless the author judged it equivalent (no test can
tell it from the solution) and listed it in `info.toml` with a reason:

    [[equivalent_mutants]]
    mutant = "in_canary: bucket < percent -> bucket <= percent"
    reason = "bucket is a whole number and percent a float: they are never equal"

Mutant ids are `"<scope>: <original> -> <mutated>"`: the dotted name of the enclosing
function or class (`module` at the top level; a file other than the main module puts its dotted
module path first, `inventory.stock.total_value`), then `ast.unparse` of the smallest node that
changed, before and after (a removed statement shows as `-> pass`, a removed decorator as
`-> (removed)`). An id that occurs more than once in a file gets ` #2`, ` #3`... in source order.
Ids name what changed, not where, so they survive edits elsewhere in the file.

Only the standard library; Python 3.10+. The edits are made on the source text (the changed
node's span replaced by the unparsed new node), so a mutant differs from the solution only where
it was mutated and its diff is a few lines; each mutant is re-parsed and compared with the
intended tree, and one whose text edit does not mean what was intended is dropped.

Two ways in:
- standalone, for authors: `python3 pyroad_mutants.py EXERCISE_DIR` runs the exercise's tests
  on every mutant with plain pytest in a scratch copy (slow: a fresh interpreter per mutant);
- `--generate`, for `pyroad dev mutants`: a JSON request on stdin (the files, the mode), the
  mutants as JSON on stdout; pyroad runs them through its warm workers.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import copy
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

DEFAULT_PYTHON = "/work/main/target/test-venv/bin/python"

# Decorators whose removal only breaks the program's structure (every test fails at once) or
# changes nothing observable: mutating them costs a run and teaches nothing.
_STRUCTURAL_DECORATORS = {
    "abstractmethod",
    "overload",
    "override",
    "final",
    "staticmethod",
    "classmethod",
    "property",
    "dataclass",
    "setter",
    "getter",
    "deleter",
    "fixture",
    "runtime_checkable",
}

_LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}

_COMPARE_SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}

_BINOP_SWAPS: dict[type, type] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.LShift: ast.RShift,
    ast.RShift: ast.LShift,
    ast.BitAnd: ast.BitOr,
    ast.BitOr: ast.BitAnd,
    ast.BitXor: ast.BitAnd,
}


@dataclass(frozen=True)
class Options:
    """What matters to the exercise's tests, which decides what is worth mutating."""

    # `print` calls: always in output mode; in pytest mode only when the tests capture output.
    prints_matter: bool = True
    # logging calls: when the tests capture logs.
    logs_matter: bool = True
    # The `if __name__ == "__main__":` block: only when the program itself is run.
    main_matters: bool = False


@dataclass
class Mutant:
    id: str
    path: str  # the file, relative to the exercise folder
    line: int
    source: str  # the whole mutated file
    diff: str


@dataclass
class _Candidate:
    scope: str
    node: ast.AST  # the node of the original tree that changes
    new: ast.AST | None  # what replaces it; None removes it from its list (a decorator)
    original_text: str
    mutated_text: str
    order: int = 0


# ---------------------------------------------------------------------------------------------
# Finding what to mutate


def _is_docstring(stmt: ast.stmt, body: list[ast.stmt]) -> bool:
    return (
        body
        and stmt is body[0]
        and isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _call_name(call: ast.Call) -> str:
    f = call.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return ""


def _is_print(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == "print"


def _is_log(call: ast.Call) -> bool:
    f = call.func
    if not (isinstance(f, ast.Attribute) and f.attr in _LOG_METHODS):
        return False
    owner = f.value
    name = ""
    if isinstance(owner, ast.Name):
        name = owner.id
    elif isinstance(owner, ast.Attribute):
        name = owner.attr
    elif isinstance(owner, ast.Call):
        name = _call_name(owner)
    return "log" in name.lower()


def _is_main_guard(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _raises_not_implemented(stmt: ast.Raise) -> bool:
    exc = stmt.exc
    if isinstance(exc, ast.Call):
        exc = exc.func
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _decorator_name(dec: ast.expr) -> str:
    if isinstance(dec, ast.Call):
        dec = dec.func
    if isinstance(dec, ast.Attribute):
        return dec.attr
    if isinstance(dec, ast.Name):
        return dec.id
    return ""


class _Finder:
    """Walks one module in source order and collects the candidate mutations."""

    def __init__(self, options: Options, top_scope: str) -> None:
        self.options = options
        self.top_scope = top_scope
        self.found: list[_Candidate] = []

    def _add(self, scope: str, node: ast.AST, new: ast.AST | None, mutated_text: str) -> None:
        self.found.append(
            _Candidate(scope, node, new, ast.unparse(node), mutated_text, len(self.found))
        )

    def _replace(self, scope: str, node: ast.AST, new: ast.AST) -> None:
        text = ast.unparse(new)
        if text != ast.unparse(node):
            self._add(scope, node, new, text)

    def _remove_statement(self, scope: str, stmt: ast.stmt) -> None:
        self._add(scope, stmt, ast.Pass(), "pass")

    # statements

    def body(self, stmts: list[ast.stmt], scope: str) -> None:
        for stmt in stmts:
            if _is_docstring(stmt, stmts):
                continue
            self.stmt(stmt, scope)

    def decorators(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, scope: str):
        for dec in node.decorator_list:
            if _decorator_name(dec) not in _STRUCTURAL_DECORATORS:
                self.found.append(
                    _Candidate(
                        scope, dec, None, "@" + ast.unparse(dec), "(removed)", len(self.found)
                    )
                )

    def stmt(self, stmt: ast.stmt, scope: str) -> None:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.decorators(stmt, scope)
            child = self._child_scope(scope, stmt.name)
            for default in [*stmt.args.defaults, *stmt.args.kw_defaults]:
                if default is not None:
                    self.expr(default, child)
            self.body(stmt.body, child)
        elif isinstance(stmt, ast.ClassDef):
            self.decorators(stmt, scope)
            self.body(stmt.body, self._child_scope(scope, stmt.name))
        elif isinstance(stmt, ast.Expr):
            value = stmt.value
            if isinstance(value, ast.Constant):
                return  # a stray string or `...`
            if isinstance(value, ast.Call) and not self._call_matters(value):
                return
            self._remove_statement(scope, stmt)
            self.expr(value, scope)
        elif isinstance(stmt, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in stmt.targets):
                return
            if any(isinstance(t, (ast.Attribute, ast.Subscript)) for t in stmt.targets):
                self._remove_statement(scope, stmt)
            for target in stmt.targets:
                self.target(target, scope)
            self.expr(stmt.value, scope)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is None:
                return
            if isinstance(stmt.target, (ast.Attribute, ast.Subscript)):
                self._remove_statement(scope, stmt)
            self.target(stmt.target, scope)
            self.expr(stmt.value, scope)
        elif isinstance(stmt, ast.AugAssign):
            swap = _BINOP_SWAPS.get(type(stmt.op))
            if swap is not None:
                new = copy.deepcopy(stmt)
                new.op = swap()
                self._replace(scope, stmt, new)
            self.target(stmt.target, scope)
            self.expr(stmt.value, scope)
        elif isinstance(stmt, ast.Return):
            value = stmt.value
            if value is not None and not isinstance(value, ast.Constant):
                self._replace(scope, stmt, ast.Return(value=ast.Constant(value=None)))
            if value is not None:
                self.expr(value, scope)
        elif isinstance(stmt, ast.Raise):
            if _raises_not_implemented(stmt):
                return
            self._remove_statement(scope, stmt)
            if stmt.exc is not None:
                self.expr(stmt.exc, scope, in_raise=True)
        elif isinstance(stmt, ast.Delete):
            self._remove_statement(scope, stmt)
        elif isinstance(stmt, ast.Break):
            self._replace(scope, stmt, ast.Continue())
        elif isinstance(stmt, ast.Continue):
            self._replace(scope, stmt, ast.Break())
        elif isinstance(stmt, ast.If):
            if _is_type_checking(stmt.test):
                return
            if _is_main_guard(stmt.test):
                if self.options.main_matters:
                    self.body(stmt.body, scope)
                return
            self.expr(stmt.test, scope)
            self.body(stmt.body, scope)
            self.body(stmt.orelse, scope)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            self.expr(stmt.iter, scope)
            self.body(stmt.body, scope)
            self.body(stmt.orelse, scope)
        elif isinstance(stmt, ast.While):
            self.expr(stmt.test, scope)
            self.body(stmt.body, scope)
            self.body(stmt.orelse, scope)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                self.expr(item.context_expr, scope)
            self.body(stmt.body, scope)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            self.body(stmt.body, scope)
            for handler in stmt.handlers:
                self.body(handler.body, scope)
            self.body(stmt.orelse, scope)
            self.body(stmt.finalbody, scope)
        elif type(stmt).__name__ == "Match":
            self.expr(stmt.subject, scope)
            for case in stmt.cases:
                if case.guard is not None:
                    self.expr(case.guard, scope)
                self.body(case.body, scope)
        # Import, Global, Nonlocal, Pass, Assert: nothing a learner's mistake looks like.

    def _child_scope(self, scope: str, name: str) -> str:
        if scope == "module":
            return name
        return f"{scope}.{name}"

    def target(self, target: ast.expr, scope: str) -> None:
        # Only the expressions inside a target (an index, an attribute's owner) are read.
        if isinstance(target, ast.Subscript):
            self.expr(target.value, scope)
            self.expr(target.slice, scope)
        elif isinstance(target, ast.Attribute):
            self.expr(target.value, scope)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self.target(elt, scope)

    def _call_matters(self, call: ast.Call) -> bool:
        if _is_print(call):
            return self.options.prints_matter
        if _is_log(call):
            return self.options.logs_matter
        return True

    # expressions

    def expr(self, node: ast.expr, scope: str, in_raise: bool = False) -> None:
        if isinstance(node, ast.JoinedStr):
            # The literal parts of an f-string have no positions of their own before 3.12;
            # the expressions in its braces do.
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    self.expr(part.value, scope, in_raise)
            return
        if isinstance(node, ast.Constant):
            self.constant(node, scope, in_raise)
            return
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                swap = _COMPARE_SWAPS.get(type(op))
                if swap is not None:
                    new = copy.deepcopy(node)
                    new.ops[i] = swap()
                    self._replace(scope, node, new)
        elif isinstance(node, ast.BoolOp):
            new = copy.deepcopy(node)
            new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            self._replace(scope, node, new)
            if isinstance(node.op, ast.Or):
                # `x or default` -> `x`: the default that eats a legitimate 0, "" or [].
                kept = node.values[:-1]
                shorter = copy.deepcopy(kept[0]) if len(kept) == 1 else ast.BoolOp(ast.Or(), copy.deepcopy(kept))
                self._replace(scope, node, shorter)
        elif isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not) or (
                isinstance(node.op, ast.USub) and not isinstance(node.operand, ast.Constant)
            ):
                self._replace(scope, node, copy.deepcopy(node.operand))
        elif isinstance(node, ast.BinOp):
            swap = _BINOP_SWAPS.get(type(node.op))
            printf = isinstance(node.op, ast.Mod) and isinstance(node.left, (ast.Constant, ast.JoinedStr))
            if swap is not None and not printf:
                new = copy.deepcopy(node)
                new.op = swap()
                self._replace(scope, node, new)
        elif isinstance(node, ast.Call):
            if not self._call_matters(node):
                return
            positional = node.args
            if not any(isinstance(a, ast.Starred) for a in positional):
                for i in range(len(positional) - 1):
                    new = copy.deepcopy(node)
                    new.args[i], new.args[i + 1] = new.args[i + 1], new.args[i]
                    self._replace(scope, node, new)
        elif isinstance(node, ast.Slice):
            for name in ("lower", "upper"):
                bound = getattr(node, name)
                if bound is not None and not isinstance(bound, (ast.Constant, ast.UnaryOp)):
                    new = copy.deepcopy(node)
                    setattr(new, name, ast.BinOp(copy.deepcopy(bound), ast.Add(), ast.Constant(1)))
                    self._replace(scope, node, new)
        elif isinstance(node, ast.Lambda):
            for default in [*node.args.defaults, *node.args.kw_defaults]:
                if default is not None:
                    self.expr(default, scope, in_raise)
            self.expr(node.body, scope, in_raise)
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.expr(child, scope, in_raise)
            elif isinstance(child, ast.comprehension):
                self.expr(child.iter, scope, in_raise)
                for cond in child.ifs:
                    self.expr(cond, scope, in_raise)
            elif isinstance(child, ast.keyword):
                self.expr(child.value, scope, in_raise)

    def constant(self, node: ast.Constant, scope: str, in_raise: bool) -> None:
        value = node.value
        news: list[object] = []
        if isinstance(value, bool):
            news = [not value]
        elif isinstance(value, int):
            news = [1] if value == 0 else [value + 1, value - 1]
        elif isinstance(value, float):
            news = [value + 1.0]
        elif isinstance(value, str):
            # In a raise, `match=` searches the message: "XX" around it would still match.
            news = [""] if in_raise and value else ["XX" + value + "XX" if value else "XX"]
        elif isinstance(value, bytes):
            news = [b"XX" + value + b"XX" if value else b"XX"]
        for new in news:
            self._replace(scope, node, ast.Constant(value=new))


# ---------------------------------------------------------------------------------------------
# Applying a mutation to the text, and proving it means what was intended


class _Lines:
    """Converts the AST's (line, UTF-8 byte column) positions to offsets in the text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def offset(self, lineno: int, col: int) -> int:
        line = self.lines[lineno - 1] if lineno - 1 < len(self.lines) else ""
        chars = len(line.encode("utf-8")[:col].decode("utf-8", errors="replace"))
        return self.starts[lineno - 1] + chars


def _span(lines: _Lines, cand: _Candidate) -> tuple[int, int]:
    node = cand.node
    start = lines.offset(node.lineno, node.col_offset)
    end = lines.offset(node.end_lineno, node.end_col_offset)
    if cand.new is None:
        # A decorator: from its `@` to the end of its line.
        at = lines.source.rfind("@", 0, start)
        line_start = lines.source.rfind("\n", 0, at) + 1
        if not lines.source[line_start:at].strip():
            at = line_start  # its indentation goes with it
        newline = lines.source.find("\n", end)
        return at, len(lines.source) if newline < 0 else newline + 1
    return start, end


def _parents(tree: ast.Module) -> dict[int, tuple[ast.AST, str, int | None]]:
    """Where each node hangs: (parent, field, index in the field's list or None)."""
    out: dict[int, tuple[ast.AST, str, int | None]] = {}
    for parent in ast.walk(tree):
        for name, value in ast.iter_fields(parent):
            if isinstance(value, ast.AST):
                out[id(value)] = (parent, name, None)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        out[id(item)] = (parent, name, i)
    return out


def _anchor_path(parents: dict, node: ast.AST) -> list[tuple[str, int | None]]:
    """The path from the module to the innermost statement that holds `node` (not `node`
    itself): the part of the tree a text edit of `node` may change. Comparing only that part
    keeps each mutant's proof cheap; dumping the whole module for each cost seconds."""
    path: list[tuple[str, int | None]] = []
    current = node
    climbed_past_node = False
    while id(current) in parents:
        parent, name, index = parents[id(current)]
        if climbed_past_node and isinstance(current, ast.stmt):
            break
        path.append((name, index))
        current = parent
        climbed_past_node = True
    # `path` now leads from the anchor down to `node`; what is wanted is module -> anchor.
    anchor_path: list[tuple[str, int | None]] = []
    while id(current) in parents:
        parent, name, index = parents[id(current)]
        anchor_path.append((name, index))
        current = parent
    return list(reversed(anchor_path))


def _follow(tree: ast.AST, path: list[tuple[str, int | None]]) -> ast.AST | None:
    node: object = tree
    for name, index in path:
        node = getattr(node, name, None)
        if index is not None:
            node = node[index] if isinstance(node, list) and index < len(node) else None
        if not isinstance(node, ast.AST):
            return None
    return node


def _expected_dump(tree: ast.Module, parents: dict, anchor: ast.AST, cand: _Candidate) -> str:
    """`ast.dump` of `anchor` with the candidate's change made on the tree itself: made in
    place, dumped and undone (a copy of the tree per mutant cost more than all the rest)."""
    parent, name, index = parents[id(cand.node)]
    if index is None:
        setattr(parent, name, cand.new)
        try:
            return ast.dump(anchor)
        finally:
            setattr(parent, name, cand.node)
    items = getattr(parent, name)
    if cand.new is None:
        del items[index]
    else:
        items[index] = cand.new
    try:
        return ast.dump(anchor)
    finally:
        if cand.new is None:
            items.insert(index, cand.node)
        else:
            items[index] = cand.node


def _apply(source: str, tree: ast.Module, parents: dict, lines: _Lines, cand: _Candidate) -> str | None:
    start, end = _span(lines, cand)
    path = _anchor_path(parents, cand.node)
    anchor = _follow(tree, path)
    if anchor is None:
        return None
    expected = _expected_dump(tree, parents, anchor, cand)
    texts = [""] if cand.new is None else [cand.mutated_text, f"({cand.mutated_text})"]
    for text in texts:
        mutated = source[:start] + text + source[end:]
        try:
            twin = ast.parse(mutated)
        except SyntaxError:
            continue
        same_shape = len(twin.body) == len(tree.body)
        found = _follow(twin, path)
        if same_shape and found is not None and ast.dump(found) == expected:
            return mutated
    return None


def unified_diff(old: list[str], new: list[str], path: str) -> str:
    """The unified diff (one line of context) of two versions of a file that differ in one
    run of lines, as `difflib.unified_diff` writes it, without its search for matches: a
    mutant changes one place."""
    shortest = min(len(old), len(new))
    head = 0
    while head < shortest and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < shortest - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    if head == len(old) == len(new):
        return ""
    before = old[max(0, head - 1) : head]
    after = old[len(old) - tail : len(old) - tail + 1]
    removed = old[head : len(old) - tail]
    added = new[head : len(new) - tail]

    def span(start: int, length: int) -> str:
        if length == 1:
            return f"{start + 1}"
        if length == 0:
            return f"{start},0"
        return f"{start + 1},{length}"

    first = head - len(before)
    lines = [
        f"--- a/{path}\n",
        f"+++ b/{path}\n",
        f"@@ -{span(first, len(before) + len(removed) + len(after))} "
        f"+{span(first, len(before) + len(added) + len(after))} @@\n",
    ]
    lines += [" " + line for line in before]
    lines += ["-" + line for line in removed]
    lines += ["+" + line for line in added]
    lines += [" " + line for line in after]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def mutate_source(source: str, path: str, options: Options, top_scope: str = "module") -> list[Mutant]:
    """Every mutant of one file, in source order, with their ids."""
    tree = ast.parse(source, filename=path)
    finder = _Finder(options, top_scope)
    finder.body(tree.body, top_scope)
    lines = _Lines(source)
    parents = _parents(tree)
    source_lines = source.splitlines(keepends=True)
    out: list[Mutant] = []
    seen: dict[str, int] = {}
    ordered = sorted(
        finder.found,
        key=lambda c: (c.node.lineno, c.node.col_offset, c.order),
    )
    for cand in ordered:
        mutated = _apply(source, tree, parents, lines, cand)
        if mutated is None or mutated == source:
            continue
        base = f"{cand.scope}: {cand.original_text} -> {cand.mutated_text}".replace("\n", "\\n")
        seen[base] = seen.get(base, 0) + 1
        ident = base if seen[base] == 1 else f"{base} #{seen[base]}"
        diff = unified_diff(source_lines, mutated.splitlines(keepends=True), path)
        out.append(Mutant(ident, path, cand.node.lineno, mutated, diff))
    return out


def module_scope(path: str, main: str) -> str:
    """The top scope of a file: `module` for the main module, its dotted path otherwise."""
    if path == main:
        return "module"
    dotted = path[:-3] if path.endswith(".py") else path
    parts = [p for p in dotted.replace("\\", "/").split("/") if p]
    if parts and parts[0] == "src" and len(parts) > 1:
        parts = parts[1:]
    if parts and parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "module"


def generate(files: list[tuple[str, str]], main: str, options: Options) -> list[Mutant]:
    """The mutants of every Python file of a solution; `files` is (path, source) pairs."""
    out: list[Mutant] = []
    for path, source in files:
        if not path.endswith(".py"):
            continue
        out.extend(mutate_source(source, path, options, module_scope(path, main)))
    return out


def options_for(mode: str, tests: str) -> Options:
    """What matters, from the exercise's mode and the text of its tests."""
    output = mode in ("output", "both")
    captures = any(word in tests for word in ("capsys", "capfd", "redirect_stdout", "stdout"))
    logs = any(word in tests for word in ("caplog", "assertLogs", "logging", "logger"))
    return Options(prints_matter=output or captures, logs_matter=logs, main_matters=output)


# ---------------------------------------------------------------------------------------------
# The standalone runner


@dataclass
class Exercise:
    folder: Path
    module: str
    mode: str
    expected_output: str | None
    stdin: str
    args: list[str]
    timeout: float
    # (path in the check, path of the reference version in the curriculum)
    learner_files: list[tuple[str, Path]]
    # Files staged as they are (data, a fake driver): (path in the check, path in the curriculum)
    fixtures: list[tuple[str, Path]]
    equivalents: dict[str, str] = field(default_factory=dict)

    @property
    def main(self) -> str:
        return f"{self.module}.py"

    @property
    def test_file(self) -> str:
        return f"test_{self.module}.py"


class UsageError(Exception):
    pass


def _load_toml(path: Path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError as err:
            raise UsageError(
                f"reading {path} needs Python 3.11+ (tomllib) or the tomli package; "
                "run this tool with python3.11 or newer"
            ) from err
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, ValueError) as err:
        raise UsageError(f"cannot read {path}: {err}") from err


def load_exercise(folder: Path) -> Exercise:
    info_path = folder / "info.toml"
    if not info_path.is_file():
        raise UsageError(f"{folder} has no info.toml: give the folder of one exercise")
    info = _load_toml(info_path)
    module = folder.name.replace("-", "_")
    solution = folder / "solution.py"
    if not solution.is_file():
        raise UsageError(f"{folder} has no solution.py")
    learner: list[tuple[str, Path]] = [(f"{module}.py", solution)]
    fixtures: list[tuple[str, Path]] = []
    for entry in info.get("files", []):
        entry = entry.rstrip("/")
        reference = folder / "solution" / entry
        # Only a file with a `solution/` copy is the learner's work; one without is a fixture,
        # staged as it is and never mutated.
        into = learner if reference.exists() else fixtures
        source = reference if reference.exists() else folder / entry
        if source.is_dir():
            for p in sorted(source.rglob("*")):
                if p.is_file() and "__pycache__" not in p.parts:
                    into.append((str(Path(entry) / p.relative_to(source)), p))
        elif source.is_file():
            into.append((entry, source))
        else:
            raise UsageError(f"{info_path}: `files` names {entry}, which does not exist")
    equivalents = {}
    for item in info.get("equivalent_mutants", []):
        if isinstance(item, dict) and isinstance(item.get("mutant"), str):
            equivalents[item["mutant"]] = str(item.get("reason", ""))
    return Exercise(
        folder=folder,
        module=module,
        mode=info.get("mode", "pytest"),
        expected_output=info.get("expected_output"),
        stdin=info.get("stdin", ""),
        args=[str(a) for a in info.get("args", [])],
        timeout=float(info.get("timeout", 10)),
        learner_files=learner,
        fixtures=fixtures,
        equivalents=equivalents,
    )


def _reference_files(ex: Exercise) -> list[tuple[str, str]]:
    out = []
    for rel, path in ex.learner_files:
        if rel.endswith(".py"):
            try:
                out.append((rel, path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return out


def _stage(ex: Exercise, into: Path) -> None:
    """What a check sees: the learner's files (here the reference ones) and the tests."""
    for rel, path in [*ex.learner_files, *ex.fixtures]:
        dest = into / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    if ex.mode in ("pytest", "both"):
        shutil.copyfile(ex.folder / ex.test_file, into / ex.test_file)


def _run(cmd: list[str], cwd: Path, timeout: float, stdin: str | None = None) -> tuple[str, int | None, str]:
    """Runs a command in its own process group; (ended, exit status, stdout)."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(stdin.encode() if stdin is not None else None, timeout=timeout)
        return "exit", proc.returncode, out.decode("utf-8", errors="replace")
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        proc.communicate()
        return "timeout", None, ""


def _passes(ex: Exercise, python: str, work: Path, timeout: float) -> tuple[bool, str]:
    """Whether the staged files pass the exercise's checks, and if not why (one word)."""
    if ex.mode in ("pytest", "both"):
        ended, status, _ = _run(
            [python, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"], work, timeout
        )
        if ended == "timeout":
            return False, "timeout"
        if status != 0:
            return False, "tests failed"
    if ex.mode in ("output", "both"):
        ended, status, out = _run([python, ex.main, *ex.args], work, timeout, ex.stdin or "")
        if ended == "timeout":
            return False, "timeout"
        if status != 0:
            return False, "crashed"
        if out.replace("\r\n", "\n") != (ex.expected_output or ""):
            return False, "output differs"
    return True, ""


def _check_mutant(ex: Exercise, python: str, pristine: Path, mutant: Mutant, timeout: float) -> tuple[bool, str]:
    # A fresh copy per mutant: a file one run wrote must not make the next one pass.
    with tempfile.TemporaryDirectory(prefix="pyroad-mutant-") as tmp:
        work = Path(tmp) / "work"
        shutil.copytree(pristine, work)
        (work / mutant.path).write_text(mutant.source, encoding="utf-8")
        return _passes(ex, python, work, timeout)


def run_standalone(args: argparse.Namespace) -> int:
    folder = Path(args.exercise)
    ex = load_exercise(folder)
    tests = ""
    if ex.mode in ("pytest", "both"):
        test_path = folder / ex.test_file
        if not test_path.is_file():
            raise UsageError(f"{folder} has no {ex.test_file}")
        tests = test_path.read_text(encoding="utf-8")
    options = options_for(ex.mode, tests)
    mutants = generate(_reference_files(ex), ex.main, options)
    if args.k:
        mutants = [m for m in mutants if args.k in m.id]
    if args.list:
        for m in mutants:
            print(m.id)
            print(m.diff)
        print(f"{len(mutants)} mutants")
        return 0
    python = args.python
    if not Path(python).exists() and shutil.which(python) is None:
        raise UsageError(f"no interpreter at {python}: give one with pytest installed (--python)")
    with tempfile.TemporaryDirectory(prefix="pyroad-mutants-") as tmp:
        pristine = Path(tmp) / "stage"
        pristine.mkdir()
        _stage(ex, pristine)
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="pyroad-mutant-") as base:
            work = Path(base) / "work"
            shutil.copytree(pristine, work)
            ok, why = _passes(ex, python, work, ex.timeout * 3)
        baseline = time.monotonic() - started
        if not ok:
            print(f"error: the reference solution itself does not pass ({why}); fix it first", file=sys.stderr)
            return 2
        # An infinite loop is a kill, and should cost little.
        timeout = max(args.min_timeout, 5 * baseline)
        started = time.monotonic()
        results: list[tuple[Mutant, bool, str]] = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = [pool.submit(_check_mutant, ex, python, pristine, m, timeout) for m in mutants]
            for m, fut in zip(mutants, futures):
                survived, why = fut.result()
                results.append((m, survived, why))
        elapsed = time.monotonic() - started
    survivors = [m for m, survived, _ in results if survived]
    unlisted = [m for m in survivors if m.id not in ex.equivalents]
    equivalent = [m for m in survivors if m.id in ex.equivalents]
    ids = {m.id for m in mutants}
    stale = [i for i in ex.equivalents if i not in ids] if not args.k else []
    for m in unlisted:
        print(f"SURVIVED {m.id}")
        print(m.diff)
    for i in stale:
        print(f"STALE equivalent_mutants entry (no such mutant any more; remove it): {i}")
    killed = len(mutants) - len(survivors)
    print(
        f"{len(mutants)} mutants, {killed} killed, {len(unlisted)} survived"
        + (f", {len(equivalent)} listed as equivalent" if equivalent else "")
        + f" ({elapsed:.1f}s; solution {baseline:.2f}s, timeout per mutant {timeout:.1f}s)"
    )
    return 1 if unlisted or stale else 0


def _generate_one(request: dict) -> list[dict]:
    options = options_for(request.get("mode", "pytest"), request.get("tests", ""))
    files = [(str(p), str(s)) for p, s in request["files"]]
    return [m.__dict__ for m in generate(files, str(request["main"]), options)]


def run_generate() -> int:
    """`--generate`, for pyroad: on stdin a list of requests, one per exercise, each
    `{"files": [[path, source], ...], "main": "m.py", "mode": "pytest", "tests": "..."}`; on
    stdout a list (the same order) of lists of `{"id", "path", "line", "source", "diff"}`. A
    file that does not parse gives `{"error": "..."}` in place of its exercise's list."""
    requests = json.load(sys.stdin)
    answers: list[object] = []
    for request in requests:
        try:
            answers.append(_generate_one(request))
        except SyntaxError as err:
            answers.append({"error": f"{err.filename or ''}:{err.lineno}: {err.msg}"})
    json.dump(answers, sys.stdout)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mutate.py",
        description=(
            "Mutation testing of one pyroad exercise: applies small mistakes to its reference "
            "solution (swapped comparisons and boolean operators, constants off by one, "
            "`x or default` -> `x`, removed statements and calls, swapped arguments, "
            "`return None`, break/continue, slice bounds) and runs the exercise's tests on "
            "each mutant in a scratch copy. Prints every surviving mutant with its id and a "
            "diff, then `N mutants, K killed, S survived`. Exit 0 when no mutant survives "
            "(survivors listed under [[equivalent_mutants]] in info.toml do not count), 1 "
            "otherwise, 2 for usage errors."
        ),
        epilog=(
            "Mutant ids: '<scope>: <original> -> <mutated>', e.g. "
            "'in_canary: bucket < percent -> bucket <= percent'; a repeated id gets ' #2', "
            "' #3' in source order; in a file other than the main module the scope starts with "
            "its dotted module path ('inventory.stock.item_from_row: ...'). Files under `files` "
            "with a `solution/` copy are mutated too; fixtures are not. A timeout or crash counts "
            "as killed. `print` calls are mutated in output mode or when the tests capture output "
            "(capsys...), logging calls when they capture logs; the __main__ block only in output "
            "mode."
        ),
    )
    parser.add_argument("exercise", nargs="?", help="the exercise folder (holding info.toml)")
    parser.add_argument("--python", default=DEFAULT_PYTHON, help=f"interpreter with pytest (default {DEFAULT_PYTHON})")
    parser.add_argument("--list", action="store_true", help="only list the mutants' ids and diffs")
    parser.add_argument("-k", metavar="TEXT", help="only the mutants whose id contains TEXT")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="mutants run at once (default 2)")
    parser.add_argument("--min-timeout", type=float, default=3.0, help="least seconds per mutant (default 3; else 5x the solution's time)")
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.generate:
            return run_generate()
        if not args.exercise:
            parser.error("give an exercise folder")
        return run_standalone(args)
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
