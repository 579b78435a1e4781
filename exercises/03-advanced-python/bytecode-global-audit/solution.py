"""Find the global names a function reads from its bytecode (reference solution)."""

import builtins
import dis
import types


def global_names(code: types.CodeType) -> set[str]:
    names = {ins.argval for ins in dis.get_instructions(code) if ins.opname == "LOAD_GLOBAL"}
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= global_names(const)
    return names


def audit(func) -> dict[str, list[str]]:
    code = getattr(func, "__code__", None)
    if code is None:
        raise TypeError(f"{func!r} is not a Python function")

    report: dict[str, list[str]] = {"globals": [], "builtins": [], "missing": []}
    for name in sorted(global_names(code)):
        if name in func.__globals__:
            report["globals"].append(name)
        elif name in vars(builtins):
            report["builtins"].append(name)
        else:
            report["missing"].append(name)
    return report
