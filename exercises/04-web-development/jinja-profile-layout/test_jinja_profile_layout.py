import re

import pytest
from jinja2 import ChoiceLoader, DictLoader, TemplateNotFound, UndefinedError

from jinja_profile_layout import make_environment, render_profile

ADA = {
    "name": "Ada",
    "website": "https://ada.dev",
    "bio": "Counts things.",
    "tags": ["math", "engines"],
}


def squash(html: str) -> str:
    """Drop the whitespace around tags, so template indentation does not matter."""
    html = re.sub(r"\s*(<[^>]*>)\s*", r"\1", html)
    return re.sub(r"\s+", " ", html).strip()


def profile(**changes) -> str:
    return squash(render_profile({**ADA, **changes}))


def test_make_environment_finds_the_templates_folder():
    env = make_environment()
    assert "<footer>" in env.get_template("base.html").render()


def test_templates_are_found_next_to_the_module_not_in_the_working_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        html = profile()
    except TemplateNotFound as error:
        pytest.fail(
            f"run from another folder, the templates were not found ({error}): load them "
            "from TEMPLATES (Path(__file__).parent / 'templates'), not from a relative path"
        )
    assert "<h1>Ada</h1>" in html


def test_profile_page_sits_in_the_base_layout():
    html = profile()
    assert html.startswith("<!doctype html>")
    assert "<title>Profile of Ada · Pyroad Social</title>" in html
    assert '<nav><a href="/">Home</a>' in html
    assert "<footer>Pyroad Social · be kind</footer>" in html


def test_profile_page_extends_base_instead_of_copying_it():
    env = make_environment()
    other_layout = "<article>[{% block title %}{% endblock %}]{% block content %}{% endblock %}</article>"
    env.loader = ChoiceLoader([DictLoader({"base.html": other_layout}), env.loader])
    html = squash(render_profile(ADA, env))
    assert html.startswith("<article>[Profile of Ada]<h1>Ada</h1>"), (
        "with another base.html the page should change its layout too: "
        'start profile.html with {% extends "base.html" %} and fill its blocks'
    )
    assert "<footer>" not in html, "profile.html should not contain its own copy of the layout"


def test_profile_content_shows_the_users_data():
    html = profile()
    assert "<h1>Ada</h1>" in html
    assert '<p class="bio">Counts things.</p>' in html
    assert '<a class="website" href="https://ada.dev">Website</a>' in html
    assert '<ul class="tags"><li>math</li><li>engines</li></ul>' in html


def test_a_user_without_a_bio_gets_the_default_text():
    user = {key: value for key, value in ADA.items() if key != "bio"}
    assert '<p class="bio">No bio yet.</p>' in squash(render_profile(user))


@pytest.mark.parametrize("bio", [None, ""], ids=["none-from-the-database", "empty-string"])
def test_an_empty_bio_gets_the_default_text_too(bio):
    assert '<p class="bio">No bio yet.</p>' in profile(bio=bio), (
        "a bio of None or '' is no bio: default() alone only replaces a MISSING value, "
        "default(\"No bio yet.\", true) also replaces empty ones (and never prints 'None')"
    )


@pytest.mark.parametrize(
    "website",
    ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.test"],
    ids=["javascript-url", "mixed-case-javascript", "data-url", "no-scheme"],
)
def test_a_website_that_is_not_http_is_not_linked(website):
    html = profile(website=website)
    assert 'class="website"' not in html, (
        f"{website!r} was put in an href: escaping does not stop a javascript: URL from running when clicked, "
        "so link only http:// and https:// websites"
    )
    assert "<h1>Ada</h1>" in html, "the rest of the profile is still shown"


@pytest.mark.parametrize("website", ["http://ada.dev", "HTTPS://ADA.DEV/about"], ids=["http", "upper-case-https"])
def test_http_and_https_websites_are_linked_in_any_case(website):
    assert f'<a class="website" href="{website}">Website</a>' in profile(website=website)


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ([], '<ul class="tags"><li class="empty">No tags yet</li></ul>'),
        (["solo"], '<ul class="tags"><li>solo</li></ul>'),
        (["café", "日本語"], '<ul class="tags"><li>café</li><li>日本語</li></ul>'),
        ([f"t{n}" for n in range(50)],
         '<ul class="tags">' + "".join(f"<li>t{n}</li>" for n in range(50)) + "</ul>"),
    ],
    ids=["no-tags", "one-tag", "unicode-tags", "fifty-tags"],
)
def test_tags_are_listed_in_order(tags, expected):
    assert expected in profile(tags=tags)


def test_unicode_names_are_shown_unchanged():
    html = profile(name="Zoë Ångström 🚀")
    assert "<h1>Zoë Ångström 🚀</h1>" in html
    assert "<title>Profile of Zoë Ångström 🚀 · Pyroad Social</title>" in html


XSS = '<script>alert("pwned")</script>'
ESCAPED = "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;"


@pytest.mark.parametrize("field", ["name", "bio"], ids=["in-the-name", "in-the-bio"])
def test_a_script_in_user_data_is_escaped(field):
    html = profile(**{field: XSS})
    assert "<script>" not in html, "user data reached the page as HTML: turn on autoescape"
    assert ESCAPED in html


def test_a_script_in_a_tag_is_escaped():
    html = profile(tags=['<img src=x onerror="alert(1)">'])
    assert "<img" not in html
    assert "<li>&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</li>" in html


def test_a_quote_cannot_break_out_of_the_href_attribute():
    html = profile(website='https://evil.example" onmouseover="alert(1)')
    assert 'onmouseover="' not in html, "a quote in the website closed the href attribute"
    assert 'href="https://evil.example&#34; onmouseover=&#34;alert(1)"' in html


def test_ampersands_are_escaped():
    assert "<h1>Tom &amp; Jerry</h1>" in profile(name="Tom & Jerry")


@pytest.mark.parametrize("missing", ["name", "website", "tags"])
def test_a_missing_required_field_raises_instead_of_printing_nothing(missing):
    user = {key: value for key, value in ADA.items() if key != missing}
    with pytest.raises(UndefinedError, match=missing):
        render_profile(user)
