"""Find the global names a function reads - and the undefined ones - from its bytecode.

CPython compiles every function to a code object of bytecode instructions. A name that is not
local is fetched at run time by a LOAD_GLOBAL instruction, which looks first in the module's
globals (`func.__globals__`) and then in the `builtins` module. A typo in such a name is a
NameError waiting for the day that line finally runs; reading the bytecode finds it today.

1. `global_names(code)`: the set of names read by LOAD_GLOBAL in `code` AND in every code object
   nested in it, at any depth. Lambdas and inner functions (and, on some Python versions,
   comprehensions and generator expressions) are compiled to code objects of their own, kept in
   `code.co_consts` - and a lambda inside an inner function is kept in the inner one's co_consts.
2. `audit(func)`: a dict of three sorted lists, sorting each of those names into
       "globals"   found in func.__globals__
       "builtins"  not there, but found in the builtins module
       "missing"   found in neither: a bug waiting to happen

Example:
    TAX = 0.2
    def price(net):
        return round(net * (1 + TAX)) + shipping_fee(net)    # shipping_fee is never defined
    audit(price) -> {"globals": ["TAX"], "builtins": ["round"], "missing": ["shipping_fee"]}

Only functions written in Python have bytecode: audit(len) raises
TypeError("<built-in function len> is not a Python function").
"""

import builtins
import dis
import types


def global_names(code: types.CodeType) -> set[str]:
    # TODO: collect ins.argval for every LOAD_GLOBAL in dis.get_instructions(code).
    # TODO: do the same, recursively, for the code objects found in code.co_consts.
    raise NotImplementedError


def audit(func) -> dict[str, list[str]]:
    # TODO: get func.__code__ (TypeError when there is none).
    # TODO: sort each name of global_names(...) into "globals", "builtins" or "missing".
    raise NotImplementedError
