import pytest
from jinja2 import UndefinedError
from jinja2.sandbox import SecurityError

from jinja_sandbox_email_templates import check_template, format_money, make_environment, render_email


@pytest.fixture
def context():
    return {
        "customer": {"name": "Ann", "email": "ann@example.org"},
        "order": {"number": "A-17", "total": 123456, "currency": "EUR", "lines": ["mug", "tea"]},
    }


# --- the money filter ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("cents", "currency", "text"),
    [
        (1250, "EUR", "€12.50"),
        (5, "EUR", "€0.05"),
        (0, "EUR", "€0.00"),
        (100, "EUR", "€1.00"),
        (123456789, "EUR", "€1,234,567.89"),
        (-305, "EUR", "-€3.05"),
        (-5, "USD", "-$0.05"),
        (99900, "GBP", "£999.00"),
        (100000, "GBP", "£1,000.00"),
        (1999, "CHF", "19.99 CHF"),
        (-1999, "CHF", "-19.99 CHF"),
    ],
    ids=["euros", "cents-only", "zero", "one-euro", "thousands", "negative", "negative-cents", "pounds",
         "one-thousand", "code-without-symbol", "negative-code"],
)
def test_format_money_writes_cents_as_an_amount(cents, currency, text):
    assert format_money(cents, currency) == text, (
        "split with divmod(abs(cents), 100), never float division (0.1 + 0.2 != 0.3); the sign goes first"
    )


@pytest.mark.parametrize("cents", [9007199254740993, 10**17 + 5], ids=["2**53+1", "ten-to-the-17-plus-5"])
def test_format_money_is_exact_for_huge_amounts(cents):
    units, rest = divmod(cents, 100)
    assert format_money(cents) == f"€{units:,}.{rest:02d}", (
        "cents / 100 is a float and floats have 53 bits: large amounts come out a few cents wrong; "
        "use integer arithmetic (divmod)"
    )


def test_format_money_defaults_to_euros():
    assert format_money(250) == "€2.50"


def test_money_is_a_filter_of_both_environments(context):
    for html in (True, False):
        env = make_environment(html)
        assert env.from_string("{{ order.total | money }}").render(context) == "€1,234.56"
        assert env.from_string("{{ 7 | money('USD') }}").render() == "$0.07"


# --- the sandbox ----------------------------------------------------------------------------

def test_a_normal_template_renders(context):
    subject, body = render_email(
        "Order {{ order.number }} for {{ customer.name }}",
        "<p>Hello {{ customer.name }},</p><ul>{% for line in order.lines %}<li>{{ line }}</li>{% endfor %}</ul>"
        "<p>Total: {{ order.total | money(order.currency) }}</p>",
        context,
    )
    assert subject == "Order A-17 for Ann"
    assert body == "<p>Hello Ann,</p><ul><li>mug</li><li>tea</li></ul><p>Total: €1,234.56</p>"


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ customer.__class__ }}",
        "{{ render_email.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
    ids=["string-subclasses", "dict-class", "function-globals", "cycler-globals"],
)
def test_a_template_cannot_reach_python_internals(context, source):
    with pytest.raises(SecurityError):
        render_email("s", source, {**context, "render_email": render_email})


def test_a_template_cannot_change_the_data_it_is_given(context):
    with pytest.raises(SecurityError):
        render_email("s", "{{ order.lines.append('free gift') }}{{ order.lines.clear() }}", context)
    assert context["order"]["lines"] == ["mug", "tea"], (
        "a customer's template must not change the order: use ImmutableSandboxedEnvironment, whose sandbox "
        "also refuses list.append, dict.update and friends"
    )


def test_the_sandbox_stops_huge_loops(context):
    with pytest.raises(OverflowError):
        render_email("s", "{% for i in range(10**9) %}x{% endfor %}", context)


@pytest.mark.parametrize("html", [True, False], ids=["html", "text"])
def test_both_environments_are_sandboxed(html):
    with pytest.raises(SecurityError):
        make_environment(html).from_string("{{ ''.__class__ }}").render()


# --- escaping ---------------------------------------------------------------------------------

def test_the_body_escapes_what_customers_typed(context):
    context["customer"]["name"] = '<script>alert("hi")</script> & Co'
    _, body = render_email("s", "<p>{{ customer.name }}</p>", context)
    assert body == "<p>&lt;script&gt;alert(&#34;hi&#34;)&lt;/script&gt; &amp; Co</p>", (
        "the body is HTML: autoescape=True"
    )


def test_the_subject_is_plain_text_and_not_escaped(context):
    context["customer"]["name"] = "Tom & Jerry <Ltd>"
    subject, _ = render_email("  Hi {{ customer.name }}!  ", "b", context)
    assert subject == "Hi Tom & Jerry <Ltd>!", (
        "a subject line is plain text, not HTML: render it with autoescape=False, or the reader sees &amp; "
        "(and strip the spaces around it)"
    )


@pytest.mark.parametrize("name", ["Ann\r\nBcc: everyone@example.org", "Ann\nX", "Ann\rX"],
                         ids=["crlf-header-injection", "newline", "carriage-return"])
def test_a_subject_must_stay_one_line(context, name):
    context["customer"]["name"] = name
    with pytest.raises(ValueError, match="single line"):
        render_email("Hi {{ customer.name }}", "b", context)


def test_a_typo_in_a_variable_fails_loudly(context):
    with pytest.raises(UndefinedError):
        render_email("s", "{{ customer.nmae }}", context)
    with pytest.raises(UndefinedError):
        render_email("{{ customre }}", "b", context)


# --- checking a template when the customer saves it --------------------------------------------

@pytest.mark.parametrize(
    "source",
    ["Hello {{ customer.name }}", "{% for line in order.lines %}{{ line }}{% endfor %}",
     "{% set greeting = 'Hi' %}{{ greeting }} {{ customer.name }}", "no variables at all", ""],
    ids=["variable", "loop-variable", "set-variable", "plain-text", "empty"],
)
def test_check_template_accepts_good_templates(source):
    assert check_template(source) == []


def test_check_template_lists_unknown_variables_sorted():
    assert check_template("{{ custmer.name }} {% if order %}{{ total }}{% endif %} {{ custmer.email }}") == [
        "unknown variable 'custmer'", "unknown variable 'total'"
    ], "use jinja2.meta.find_undeclared_variables on env.parse(source); report each name once, sorted"


@pytest.mark.parametrize(
    ("source", "start"),
    [("Hello {{ customer.name", "line 1: "), ("first\nsecond\n{% for x in order.lines %}", "line 3: "),
     ("{{ order.total | }}", "line 1: ")],
    ids=["unclosed-print", "unclosed-for-on-line-3", "empty-filter"],
)
def test_check_template_reports_a_syntax_error_with_its_line(source, start):
    problems = check_template(source)
    assert len(problems) == 1 and problems[0].startswith(start), (
        f"got {problems}: catch jinja2.TemplateSyntaxError and report f'line {{error.lineno}}: {{error.message}}'"
    )
    assert len(problems[0]) > len(start), "say what is wrong after the line number"


def test_check_template_knows_the_money_filter_and_no_other():
    assert check_template("{{ order.total | money }}") == [], "check with the same environment that renders"
    problems = check_template("Hi\n{{ order.total | mony }}")
    assert len(problems) == 1 and problems[0].startswith("line 2: ") and "mony" in problems[0], (
        f"got {problems}: an unknown filter only shows when the template is compiled: env.compile(tree) "
        "after env.parse(source), in the same try"
    )
