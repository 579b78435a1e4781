r"""Decide what a .gitignore ignores, exactly as git does.

The tests build real repositories and compare your answers with
`git check-ignore` on many paths, so every rule below is git's own
(https://git-scm.com/docs/gitignore). Only one .gitignore, at the root.

Reading the file, line by line:
* A blank line, or one starting with "#", is not a pattern ("\#x" is the
  pattern "#x"). Trailing spaces are dropped unless escaped with a
  backslash ("bar\ " is the name "bar ").
* A leading "!" negates the pattern ("\!x" is the pattern "!x").
* A trailing "/" makes the pattern match folders only (then drop it).
* A "/" at the start or in the middle anchors the pattern at the root
  ("/TODO", "docs/*.html"); without one it matches at any depth
  ("*.log" matches "logs/deep/x.log", "build/" matches "src/build").

Globs, matched against the WHOLE path (folders joined with "/"):
* "*" any characters except "/", "?" one character except "/",
  "[a-c]" / "[!a-c]" a character (not) in the set, "\x" the literal x;
  every other character is literal ("." is a dot).
* "**/" at the start or after a "/" matches any number of folders, none
  included ("**/cache", "a/**/b" matches "a/b" and "a/x/y/b"); "/**" at
  the end matches everything inside ("out/**" matches "out/f", not "out").
  Other "**" are two ordinary "*" ("x**y" matches "xaby", not "xa/by").

Deciding for a path:
* The LAST pattern that matches wins: ignored, or not if it is negated.
  No matching pattern: not ignored.
* A path inside an ignored folder is ignored, whatever comes later:
  git does not even look into that folder, so "!logs/keep.txt" cannot
  bring back a file under an ignored "logs/". Check the folders leading to
  the path first ("a", then "a/b"), each as a folder.

GitIgnore(text).is_ignored(path, is_dir=False) -> bool. path is relative,
"/"-separated, with no empty, "." or ".." part and no trailing "/"; else
ValueError("'/etc/passwd' is not a clean relative path").
    GitIgnore("*.log\n!important.log\n").is_ignored("logs/app.log") -> True
    GitIgnore("build/\n").is_ignored("build", is_dir=False)         -> False
"""
import re


class GitIgnore:
    def __init__(self, text: str) -> None:
        # TODO: turn each pattern line into (compiled regex, negated, folders only).
        raise NotImplementedError

    def is_ignored(self, path: str, is_dir: bool = False) -> bool:
        # TODO: the leading folders first, then the path; the last matching rule wins.
        raise NotImplementedError
