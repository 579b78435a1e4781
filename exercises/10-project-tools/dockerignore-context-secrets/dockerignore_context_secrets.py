"""Which files end up inside a Docker image? .dockerignore, build context, multi-stage COPY.

``docker build .`` first sends the *build context* (the folder, minus what
``.dockerignore`` excludes) to the daemon; then every ``COPY``/``ADD`` of the FINAL stage
puts context files into the image you ship. A ``.env`` or a private key that gets that
far is published with the image. No Docker here: compute it, as Docker does.

1. ``is_ignored(path, dockerignore)``: path is a file of the context, relative with '/'
   ("src/app.py"). Rules of .dockerignore, one pattern a line:
   * strip each line; skip blank lines and lines starting with '#' (even '#*#');
   * a leading '!' makes the line an exception (the file is sent after all);
   * clean the pattern like Go's filepath.Clean: ``posixpath.normpath`` then drop
     leading '/' ("./build/" -> "build", "/secrets" -> "secrets");
   * '*' matches any run of characters except '/', '?' one character except '/',
     and '**' any number of folders: "**/" matches zero or more folders, a final
     "**" anything (so "*.pem" is only the TOP folder's .pem files; "**/*.pem" all);
   * a pattern matches a file when it matches the whole path OR one of the folders
     the file is in ("node_modules" excludes "node_modules/a/b.js");
   * the LAST line that matches decides; no line matching means the file is sent.
2. ``build_context(paths, dockerignore)``: the paths that are sent, sorted.
3. ``final_stage_copies(dockerfile, context)``: the context files that COPY or ADD put
   into the final stage (the instructions after the last FROM), sorted. Instructions:
   join lines ending with a backslash; skip blank and '#' lines, also in the middle of
   a continued instruction (Docker does); keyword = first word (any case).
   ``COPY [--flags] src... dest``: skip the leading --flags, and skip the whole
   instruction if one of them is ``--from=...`` (it copies from another stage or
   image, not from the context). The JSON form ``COPY ["src", "dest"]`` works too.
   Every argument but the last is a source: a cleaned pattern with the same matching
   as above (a folder copies everything in it; "." is everything).
4. ``leaked_secrets(dockerfile, paths, dockerignore)``: the files of
   ``final_stage_copies`` (over the build context) whose base name matches one of
   SECRET_NAMES (``fnmatch.fnmatchcase``), except names ending in ".example"
   (".env.example" is a template, not a secret); sorted.

    >>> leaked_secrets("FROM python:3.12-slim\\nCOPY . /app\\n",
    ...                ["app.py", ".env", "certs/tls.pem"], "*.pem\\n")
    ['.env', 'certs/tls.pem']
"""

# TODO: import what you need (json, posixpath, re, fnmatch.fnmatchcase)

SECRET_NAMES = (".env", ".env.*", "*.pem", "*.key", "id_rsa", "id_ed25519", ".npmrc", ".pypirc")


def is_ignored(path: str, dockerignore: str) -> bool:
    """Return whether .dockerignore keeps path out of the build context."""
    # TODO: turn each pattern into a regular expression; try it on the path and its folders
    raise NotImplementedError


def build_context(paths: list[str], dockerignore: str) -> list[str]:
    """Return the files sent to the Docker daemon, sorted."""
    # TODO
    raise NotImplementedError


def final_stage_copies(dockerfile: str, context: list[str]) -> list[str]:
    """Return the context files that COPY or ADD put into the final stage, sorted."""
    # TODO
    raise NotImplementedError


def leaked_secrets(dockerfile: str, paths: list[str], dockerignore: str) -> list[str]:
    """Return the secret files the final image would contain, sorted."""
    # TODO
    raise NotImplementedError
