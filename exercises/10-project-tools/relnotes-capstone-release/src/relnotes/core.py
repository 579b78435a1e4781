"""Group commit subjects into the sections of release notes, and render them.

A subject follows Conventional Commits: ``type(scope)!: text`` where type is lower-case
letters, ``(scope)`` and ``!`` are optional, and ": " separates the text (not empty).

* ``group(subjects)``: ``{section: entries}``, sections in the order of ORDER and only
  the non-empty ones; blank subjects are skipped, others are stripped. ``feat`` goes to
  "Features", ``fix`` to "Bug fixes", any subject with ``!`` to "Breaking changes",
  other types and subjects that do not follow the format (kept whole) to "Other
  changes". An entry is the text, prefixed with "scope: " when there is a scope.

      >>> group(["feat(cli): add --json", "fix: crash", "feat!: drop 3.9", "Merge x"])
      {'Breaking changes': ['drop 3.9'], 'Features': ['cli: add --json'],
       'Bug fixes': ['crash'], 'Other changes': ['Merge x']}

* ``render(version, subjects)``: the notes, from the package's template
  ``templates/notes.md`` (read it with ``importlib.resources.files("relnotes")``, never
  with a path to src/: installed, there is no src/), a ``string.Template`` with
  ``$version`` (normalised by ``packaging.version.Version``: "2.1.0-RC1" -> "2.1.0rc1")
  and ``$sections``: each section as ``"## Title\\n\\n"`` plus one ``"- entry\\n"`` per
  entry, the sections joined with ``"\\n"``; ``"No changes.\\n"`` when there are none. An invalid
  version raises ValueError("not a version: 'banana'").

Write real docstrings (reST, ``:param:``/``:returns:``): Sphinx documents both.
"""

ORDER = ("Breaking changes", "Features", "Bug fixes", "Other changes")


def group(subjects: list[str]) -> dict[str, list[str]]:
    """Sort commit subjects into the sections of the release notes."""
    # TODO
    raise NotImplementedError


def render(version: str, subjects: list[str]) -> str:
    """Render the Markdown release notes of one version."""
    # TODO
    raise NotImplementedError
