import pytest

from closure_compile_expression import compile_expr


def num(value):
    return ("num", value)


def var(name):
    return ("var", name)


@pytest.mark.parametrize(
    ("tree", "env", "expected"),
    [
        (num(2.5), {}, 2.5),
        (var("x"), {"x": 7}, 7),
        (("+", var("x"), num(1)), {"x": 41}, 42),
        (("-", num(10), var("y")), {"y": 4}, 6),
        (("*", var("x"), var("x")), {"x": -3}, 9),
        (("/", num(7), num(2)), {}, 3.5),
        (("-", ("-", num(10), num(4)), num(3)), {}, 3),
        (("/", ("/", num(8), num(4)), num(2)), {}, 1),
    ],
    ids=["number", "variable", "plus", "minus-keeps-order", "times", "divide-keeps-order",
         "minus-nested-left", "divide-nested-left"],
)
def test_computes_each_kind_of_node(tree, env, expected):
    assert compile_expr(tree)(env) == expected


def test_one_compiled_function_runs_with_many_environments():
    run = compile_expr(("+", ("*", var("x"), num(2)), var("y")))

    assert [run({"x": x, "y": 1}) for x in range(4)] == [1, 3, 5, 7]


@pytest.mark.parametrize(
    ("tree", "expected"),
    [
        (("max", num(3)), 3),
        (("max", num(3), num(9), num(4)), 9),
        (("max", num(9), num(3), num(4)), 9),
        (("max", var("a"), var("b"), var("c")), 5),
        (("max", ("-", num(0), num(1)), ("-", num(0), num(5))), -1),
    ],
    ids=["one", "largest-in-middle", "largest-first", "variables", "negatives"],
)
def test_max_gives_the_largest_of_its_arguments(tree, expected):
    assert compile_expr(tree)({"a": 5, "b": 1, "c": 2}) == expected, (
        "every argument of max must keep its own compiled child: a closure made in a loop "
        "that looks the loop variable up later sees only the last one"
    )


def test_if_picks_then_when_the_test_is_not_zero():
    run = compile_expr(("if", var("flag"), num(1), num(2)))

    assert [run({"flag": f}) for f in (1, -1, 0.5, 0)] == [1, 1, 1, 2]


def test_if_evaluates_only_the_branch_it_picks():
    safe_divide = compile_expr(("if", var("d"), ("/", num(1), var("d")), num(0)))

    assert safe_divide({"d": 4}) == 0.25
    assert safe_divide({"d": 0}) == 0, "the 'then' branch divided by zero although d was 0"


def test_a_missing_variable_raises_name_error_when_run():
    run = compile_expr(("+", var("x"), var("total")))

    with pytest.raises(NameError, match="^unknown variable 'total'$"):
        run({"x": 1})


@pytest.mark.parametrize(
    ("tree", "message"),
    [
        (("pow", num(2), num(3)), "unknown node 'pow'"),
        (("+", num(1), ("sqrt", num(4))), "unknown node 'sqrt'"),
        (("if", num(1), num(2), ("oops",)), "unknown node 'oops'"),
        (("max", num(1), ("nope",)), "unknown node 'nope'"),
        (("max",), "max needs at least one argument"),
    ],
    ids=["unknown-at-the-top", "unknown-deep-down", "unknown-in-the-branch-not-taken",
         "unknown-in-max", "empty-max"],
)
def test_compiling_rejects_a_bad_tree_before_any_run(tree, message):
    try:
        compile_expr(tree)
    except ValueError as error:
        assert str(error) == message
    else:
        pytest.fail(f"compile_expr accepted {tree!r}: compile EVERY node at compile time "
                    f"(the branches of 'if' and the arguments of 'max' too) and raise {message!r}")


def test_compiling_does_not_run_anything():
    compile_expr(("/", num(1), num(0)))  # dividing by zero only happens when it is run
