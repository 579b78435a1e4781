import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from makefile_pages_incremental import render

ROOT = Path(__file__).parent
MODULE = "makefile_pages_incremental.py"
SOURCES = 1_000  # seconds ago: when the pages and the renderer were last edited
BUILT = 500  # seconds ago: when the pages were built (tests set it, so no test sleeps)
EDITED = 100  # seconds ago: an edit made after the build

PAGES = {
    "about.txt": "About us\n\nWe bake <bread> & cakes.\n",
    "index.txt": "Welcome\n\nFresh every morning.\nOpen at seven.\n\nCome in!\n",
}


# --- render -------------------------------------------------------------------------------


def test_render_turns_the_first_line_into_a_title_and_the_rest_into_paragraphs():
    got = render("Tea & cake\n\nFirst line\nsame paragraph\n\n\nSecond\n")
    assert got == "<h1>Tea &amp; cake</h1>\n<p>First line same paragraph</p>\n<p>Second</p>\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only a title", "<h1>Only a title</h1>\n"),
        ("  Café  \r\n\r\n  naïve   \r\n  text \r\n", "<h1>Café</h1>\n<p>naïve text</p>\n"),
        (
            'Q&A\n<script>alert("x")</script>',
            "<h1>Q&amp;A</h1>\n<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n",
        ),
        (
            "Title\nno blank line before\n   \nlast",
            "<h1>Title</h1>\n<p>no blank line before</p>\n<p>last</p>\n",
        ),
    ],
    ids=[
        "title-only",
        "unicode-and-windows-newlines",
        "html-is-escaped",
        "whitespace-line-separates",
    ],
)
def test_render_handles_edge_cases(text, expected):
    assert render(text) == expected


@pytest.mark.parametrize(
    "text", ["", "\nbody", "   \nbody"], ids=["empty-file", "empty-first-line", "blank-first-line"]
)
def test_render_refuses_a_page_without_a_title(text):
    with pytest.raises(ValueError, match="empty title"):
        render(text)


# --- the Makefile, run by real make --------------------------------------------------------


def set_age(path: Path, seconds_ago: int) -> None:
    stamp = time.time() - seconds_ago
    os.utime(path, (stamp, stamp))


def make(site: Path, *goals: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(
        ["make", "--no-print-directory", f"PYTHON={sys.executable}", *goals],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=20,
    )


def must_make(site: Path, *goals: str) -> None:
    result = make(site, *goals)
    assert result.returncode == 0, f"make {' '.join(goals)} failed:\n{result.stdout}{result.stderr}"


def rebuilt(site: Path) -> list[str]:
    """The pages built since the test aged them: their time is no longer BUILT seconds ago."""
    limit = time.time() - BUILT + 50
    return sorted(p.name for p in (site / "build").glob("*.html") if p.stat().st_mtime > limit)


def assert_rebuilt(site: Path, expected: list[str], why: str) -> None:
    got = rebuilt(site)
    if not got:
        why = (
            f"make rebuilt nothing: {why}. (And a target must be the file its recipe writes, "
            "build/NAME.html: the build folder as a target exists, so it is never rebuilt)"
        )
    assert got == expected, why


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """The site built once, from sources last edited SOURCES seconds ago."""
    site = tmp_path_factory.mktemp("site")
    shutil.copy(ROOT / "Makefile", site / "Makefile")
    shutil.copy(ROOT / MODULE, site / MODULE)
    (site / "pages").mkdir()
    for name, text in PAGES.items():
        (site / "pages" / name).write_text(text, encoding="utf-8")
    for path in [site / MODULE, *(site / "pages").iterdir()]:
        set_age(path, SOURCES)
    result = make(site)
    return site, result


@pytest.fixture
def site(first_build, tmp_path):
    """A copy of the built site whose pages were all built BUILT seconds ago."""
    built, result = first_build
    assert result.returncode == 0, f"`make` failed on a fresh site:\n{result.stdout}{result.stderr}"
    site = tmp_path / "site"
    shutil.copytree(built, site, symlinks=True)
    for page in (site / "build").glob("*.html"):
        set_age(page, BUILT)
    return site


def test_make_builds_one_html_file_per_page(first_build):
    site, result = first_build
    assert result.returncode == 0, f"`make` failed on a fresh site:\n{result.stdout}{result.stderr}"
    assert sorted(p.name for p in (site / "build").glob("*")) == ["about.html", "index.html"]
    assert (site / "build" / "about.html").read_text(encoding="utf-8") == (
        "<h1>About us</h1>\n<p>We bake &lt;bread&gt; &amp; cakes.</p>\n"
    )


def test_a_second_make_rebuilds_nothing(site):
    must_make(site)
    assert rebuilt(site) == [], (
        "nothing changed, yet make rebuilt pages: is the build folder a normal prerequisite? "
        "Its time changes whenever a file is added to it; make it order-only (after a '|')"
    )


def test_editing_one_page_rebuilds_only_that_page(site):
    set_age(site / "pages" / "about.txt", EDITED)
    (site / "pages" / "about.txt").write_text("About\n\nNew text.\n", encoding="utf-8")
    must_make(site)
    assert_rebuilt(site, ["about.html"], "each build/NAME.html depends on its own pages/NAME.txt")
    assert "New text." in (site / "build" / "about.html").read_text(encoding="utf-8")


def test_editing_the_renderer_rebuilds_every_page(site):
    set_age(site / MODULE, EDITED)
    must_make(site)
    assert_rebuilt(
        site,
        ["about.html", "index.html"],
        f"the pages are made by {MODULE}: list it as a prerequisite, so editing it rebuilds them",
    )


def test_a_new_page_is_built_without_rebuilding_the_others(site):
    (site / "pages" / "menu.txt").write_text("Menu\n\nSoup.\n", encoding="utf-8")
    must_make(site)
    assert_rebuilt(site, ["menu.html"], "find the pages with $(wildcard pages/*.txt)")
    assert (site / "build" / "menu.html").read_text(
        encoding="utf-8"
    ) == "<h1>Menu</h1>\n<p>Soup.</p>\n"


def test_make_clean_runs_even_when_a_file_named_clean_exists(site):
    (site / "clean").write_text("notes about cleaning\n", encoding="utf-8")
    must_make(site, "clean")
    assert not (site / "build").exists(), (
        "a file called 'clean' made `make clean` think it was up to date: declare .PHONY: all clean"
    )
    assert (site / "pages" / "about.txt").exists(), "make clean must delete only the build folder"


def test_a_page_that_fails_to_render_leaves_no_output_behind(site):
    (site / "pages" / "broken.txt").write_text("\nno title here\n", encoding="utf-8")
    result = make(site)
    assert result.returncode != 0, "a page that fails to render must make `make` fail"
    assert "empty title" in result.stderr
    assert not (site / "build" / "broken.html").exists(), (
        "the failed recipe left build/broken.html behind, and the next make would call it up "
        "to date: add the special target .DELETE_ON_ERROR: to the Makefile"
    )
    assert make(site).returncode != 0, "running make again must fail again, not skip the page"
