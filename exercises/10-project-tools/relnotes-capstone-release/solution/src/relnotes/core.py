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

import re
from importlib.resources import files
from string import Template

from packaging.version import InvalidVersion, Version

ORDER = ("Breaking changes", "Features", "Bug fixes", "Other changes")
SECTION_OF_TYPE = {"feat": "Features", "fix": "Bug fixes"}
SUBJECT = re.compile(r"(?P<type>[a-z]+)(?:\((?P<scope>[^()]+)\))?(?P<bang>!)?: (?P<text>\S.*)")


def group(subjects: list[str]) -> dict[str, list[str]]:
    """Sort commit subjects into the sections of the release notes.

    :param subjects: commit subjects such as ``"feat(cli): add --json"``, one per commit.
    :returns: ``{section: entries}`` with the sections in the order of ``ORDER``,
        leaving out empty sections.
    """
    sections: dict[str, list[str]] = {title: [] for title in ORDER}
    for subject in subjects:
        subject = subject.strip()
        if not subject:
            continue
        match = SUBJECT.fullmatch(subject)
        if match is None:
            sections["Other changes"].append(subject)
            continue
        entry = f"{match['scope']}: {match['text']}" if match["scope"] else match["text"]
        if match["bang"]:
            sections["Breaking changes"].append(entry)
        else:
            sections[SECTION_OF_TYPE.get(match["type"], "Other changes")].append(entry)
    return {title: entries for title, entries in sections.items() if entries}


def render(version: str, subjects: list[str]) -> str:
    """Render the Markdown release notes of one version.

    :param version: the version being released, normalised on the way (``"2.1.0-RC1"``
        becomes ``2.1.0rc1``).
    :param subjects: the commit subjects since the previous release.
    :returns: the notes, from the template ``templates/notes.md`` shipped in the package.
    :raises ValueError: if the version is not a valid version.
    """
    try:
        normalised = Version(version)
    except InvalidVersion as error:
        raise ValueError(f"not a version: {version!r}") from error
    blocks = [
        f"## {title}\n\n" + "".join(f"- {entry}\n" for entry in entries)
        for title, entries in group(subjects).items()
    ]
    template = files("relnotes").joinpath("templates/notes.md").read_text(encoding="utf-8")
    return Template(template).substitute(
        version=normalised, sections="\n".join(blocks) or "No changes.\n"
    )
