"""Closures as compiled code: turn an expression tree into nested functions, once.

An expression is a tree of tuples:

    ("num", 2.5)                      a constant
    ("var", "x")                      the value of x in the environment
    ("+", a, b)  ("-", a, b)          arithmetic on two expressions
    ("*", a, b)  ("/", a, b)
    ("max", a, b, ...)                the largest of one or more expressions
    ("if", test, then, otherwise)     then if test is not 0, else otherwise

`compile_expr(tree)` walks the tree ONCE and returns a function `run(env)`
(env: a dict of variable values) that computes it. Each node becomes a small
closure that remembers what it needs, the closures of its children included:

    def compile_expr(tree):
        if tree[0] == "num":
            value = tree[1]
            return lambda env: value
        ...

    run = compile_expr(("+", ("var", "x"), ("num", 1)))
    run({"x": 41}), run({"x": 1})        # -> (42, 2)

Rules:
- compiling checks the whole tree: an unknown node kind raises
  ValueError(f"unknown node {kind!r}") from compile_expr itself, before any run;
  so does "max" with no argument (ValueError("max needs at least one argument"));
- "if" evaluates only the branch it picks (the other may divide by zero);
- a variable missing from env raises NameError(f"unknown variable {name!r}")
  when run;
- "max" with several arguments: beware late binding if you build closures in
  a loop or comprehension; each must keep its OWN child.
"""

from collections.abc import Callable
from typing import Any

Env = dict[str, float]


def compile_expr(tree: tuple[Any, ...]) -> Callable[[Env], float]:
    """Compile an expression tree into a function of the environment."""
    # TODO: one branch per node kind, each returning a closure.
    raise NotImplementedError
