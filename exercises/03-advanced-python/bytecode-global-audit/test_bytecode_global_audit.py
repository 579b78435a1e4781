import pytest

from bytecode_global_audit import audit, global_names

TAX = 0.2
EMPTY = {"globals": [], "builtins": [], "missing": []}


def price(net):
    return round(net * (1 + TAX)) + shipping_fee(net)  # noqa: F821 - undefined on purpose


def define(source, **module_globals):
    """Compile `source` as if it were a module holding `module_globals`; return its function `f`."""
    namespace = dict(module_globals)
    exec(source, namespace)
    return namespace["f"]


def test_the_docstring_example_sorts_names_into_globals_builtins_and_missing():
    assert audit(price) == {"globals": ["TAX"], "builtins": ["round"], "missing": ["shipping_fee"]}


def test_parameters_and_local_variables_are_not_globals():
    f = define("def f(a, b=2):\n    c = a * b\n    return c")
    assert audit(f) == EMPTY


def test_each_name_appears_once_and_the_lists_are_sorted():
    # enough names that a set's order (which changes with the hash seed) is never sorted by luck
    f = define(
        "def f(x):\n    return zip(len(x), abs(x), sum(x), len(x), repr(x), all(x), abs(x), min(x), any(x), "
        "sorted(x), max(x), ord(x), hex(x))"
    )
    assert audit(f) == {
        "globals": [],
        "builtins": ["abs", "all", "any", "hex", "len", "max", "min", "ord", "repr", "sorted", "sum", "zip"],
        "missing": [],
    }, "each list must be sorted: a set comes out in an order that changes from run to run"


def test_only_the_module_name_counts_not_the_attributes_read_from_it():
    import os

    f = define("def f(a, b):\n    return os.path.join(a, b)", os=os)
    assert audit(f) == {"globals": ["os"], "builtins": [], "missing": []}, (
        "`path` and `join` are attributes (LOAD_ATTR), not global names"
    )


def test_a_module_global_that_shadows_a_builtin_counts_as_a_global():
    f = define("def f(x):\n    return len(x)", len=lambda x: 0)
    assert audit(f) == {"globals": ["len"], "builtins": [], "missing": []}


@pytest.mark.parametrize(
    "source",
    [
        "def f(xs):\n    return lambda: helper(xs)",
        "def f(xs):\n    def inner():\n        return helper(xs)\n    return inner",
        "def f(xs):\n    return [helper(x) for x in xs]",
        "def f(xs):\n    return list(helper(x) for x in xs)",
    ],
    ids=["lambda", "inner-function", "list-comprehension", "generator-expression"],
)
def test_names_read_inside_nested_code_are_found(source):
    code = compile(source, "<test>", "exec")
    outer = next(c for c in code.co_consts if hasattr(c, "co_name") and c.co_name == "f")

    assert "helper" in global_names(outer), (
        "the name is read by a nested code object: look inside code.co_consts too"
    )


@pytest.mark.parametrize(
    "source",
    [
        "def f(xs):\n    def inner():\n        return lambda: helper(xs)\n    return inner",
        "def f(xs):\n    def a():\n        def b():\n            def c():\n                return helper(xs)\n"
        "            return c\n        return b\n    return a",
        "def f(rows):\n    return lambda: [[helper(x) for x in row] for row in rows]",
    ],
    ids=["lambda-in-an-inner-function", "three-levels-of-inner-functions", "comprehension-in-a-comprehension-in-a-lambda"],
)
def test_names_read_at_any_depth_of_nesting_are_found(source):
    code = compile(source, "<test>", "exec")
    outer = next(c for c in code.co_consts if hasattr(c, "co_name") and c.co_name == "f")

    assert "helper" in global_names(outer), (
        "code objects nest inside code objects: a lambda inside an inner function is two levels down. "
        "Call global_names on each nested code object (recursion) rather than reading one level only"
    )


def test_a_variable_of_an_enclosing_function_is_not_a_global():
    f = define("def f(xs):\n    rate = 2\n    return lambda: [rate * x for x in xs]")
    assert audit(f) == EMPTY, "`rate` is a local of f read by the lambda (a closure), not a global name"


def test_a_typo_in_a_nested_function_is_reported_as_missing():
    f = define(
        "def f(rows):\n    return sorted(rows, key=lambda r: totl(r))",
        total=sum,
    )
    assert audit(f) == {"globals": [], "builtins": ["sorted"], "missing": ["totl"]}


def test_unicode_names_are_reported_as_written():
    f = define("def f():\n    return größe * 2", größe=3)
    assert audit(f)["globals"] == ["größe"]


def test_bound_methods_are_audited_through_their_function():
    class Cart:
        def total(self):
            return round(sum(self.items) * (1 + TAX))

    assert audit(Cart().total) == {"globals": ["TAX"], "builtins": ["round", "sum"], "missing": []}


@pytest.mark.parametrize("thing", [len, 42, dict], ids=["builtin-function", "a-number", "a-class"])
def test_things_without_bytecode_are_rejected(thing):
    with pytest.raises(TypeError, match="not a Python function"):
        audit(thing)
