r"""Request reviews from CODEOWNERS for the files a pull request changes.

A CODEOWNERS file maps path patterns to the people who must review
changes to those paths. Each line is a pattern, then zero or more owners
("@user", "@org/team" or an email), separated by whitespace; blank lines
and lines starting with "#" are skipped. For a path, the LAST matching
line wins; a matching line with no owners means nobody owns the path.

Patterns (the rules GitHub documents):
* `*` matches any characters except "/", `?` exactly one character
  except "/", `**/` any number of folders (also none), a final `**`
  anything; every other character is literal ("." is a dot).
* A pattern with a "/" at the start or in the middle is anchored at the
  repository root ("/scripts/", "docs/*", "**/logs"); otherwise it matches
  at any depth ("*.js", "apps/", "*").
* A pattern ending in "/" matches everything inside such a folder, never
  a file of that name ("apps/" owns "web/apps/main.py", not a file "apps").
* Otherwise, if the pattern's last segment has a wildcard ("*.js",
  "docs/*"), it matches files only: "docs/*" owns "docs/a.md", NOT
  "docs/build/b.md".
* Otherwise (a plain last segment: "/apps/github", "**/logs") it matches
  that file, or everything inside a folder of that name - the whole name:
  "/apps/github" does not own "apps/github2/x".

1. parse_codeowners(text) -> rules (any representation you like; a list
   of (compiled regex, owners tuple) works well). An owner that is not
   "@" + name, "@" + org + "/" + team (names of letters, digits, "_", "."
   and "-"), or an email (something@something.tld) raises
       ValueError("line 2: 'octocat' is not an @user, @org/team or email")
2. owners_of(rules, path) -> tuple of owners, () when no rule matches.
3. changed_paths(repo, base, head) -> sorted list of the paths a pull
   request from head into base changes, from real git:
       git diff --name-status -z -M <base>...<head>
   Three dots: the diff from the merge base, so changes made on base after
   the branch point are not the pull request's. The output is fields
   ending with NUL: a status ("M", "A", "D", "R100"...) then its path, or
   for a rename ("R" + similarity) the old path AND the new path; both
   count. -z gives paths unquoted ("docs/café notes.md"). Run git with an
   argument list and check=True (an unknown branch raises
   subprocess.CalledProcessError).
4. review_requests(repo, base, head, codeowners, author) ->
   {owner: sorted paths they must review}, for every changed path and every
   owner of it, except the author of the pull request (GitHub names ignore
   case: "@Alice" is "@alice"). An owner with nothing to review is absent.
       {"@js-owner": ["src/app.js"], "@acme/core": ["README.md"]}
"""
import re
import subprocess
from pathlib import Path


def parse_codeowners(text: str) -> list:
    # TODO: one rule per line that is not blank or a comment; check the owners.
    raise NotImplementedError


def owners_of(rules: list, path: str) -> tuple[str, ...]:
    # TODO: the owners of the last rule that matches the whole path.
    raise NotImplementedError


def changed_paths(repo: Path, base: str, head: str) -> list[str]:
    # TODO: git diff --name-status -z -M base...head; a rename has two paths.
    raise NotImplementedError


def review_requests(repo: Path, base: str, head: str, codeowners: str, author: str) -> dict[str, list[str]]:
    # TODO: owners of each changed path, the author left out.
    raise NotImplementedError
