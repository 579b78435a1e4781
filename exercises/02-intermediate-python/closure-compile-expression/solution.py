"""Closures as compiled code: turn an expression tree into nested functions, once."""

import operator
from collections.abc import Callable
from typing import Any

Env = dict[str, float]

_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def compile_expr(tree: tuple[Any, ...]) -> Callable[[Env], float]:
    """Compile an expression tree into a function of the environment."""
    kind = tree[0]
    if kind == "num":
        value = tree[1]
        return lambda env: value
    if kind == "var":
        name = tree[1]

        def variable(env: Env) -> float:
            try:
                return env[name]
            except KeyError:
                raise NameError(f"unknown variable {name!r}") from None

        return variable
    if kind in _ARITHMETIC:
        apply = _ARITHMETIC[kind]
        left, right = compile_expr(tree[1]), compile_expr(tree[2])
        return lambda env: apply(left(env), right(env))
    if kind == "max":
        if len(tree) < 2:
            raise ValueError("max needs at least one argument")
        parts = [compile_expr(child) for child in tree[1:]]
        return lambda env: max(part(env) for part in parts)
    if kind == "if":
        test, then, otherwise = (compile_expr(child) for child in tree[1:])
        return lambda env: then(env) if test(env) != 0 else otherwise(env)
    raise ValueError(f"unknown node {kind!r}")
