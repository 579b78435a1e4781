import re

GLOB_TOKEN = re.compile(r"(?:^|(?<=/))\*\*/|(?<=/)\*\*$|\[!?\]?[^\]]*\]|\\.|.", re.DOTALL)
SPECIAL = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}


def translate(glob: str) -> str:
    """The regular expression of a gitignore glob."""
    parts = []
    for token in GLOB_TOKEN.findall(glob):
        if token in SPECIAL:
            parts.append(SPECIAL[token])
        elif token.startswith("[") and token.endswith("]"):
            negate = token.startswith("[!")
            parts.append("[" + "^" * negate + token[1 + negate : -1] + "]")
        elif token.startswith("\\"):
            parts.append(re.escape(token[-1]))
        else:
            parts.append(re.escape(token))
    return "".join(parts)


class GitIgnore:
    def __init__(self, text: str) -> None:
        self.rules = []
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            line = re.sub(r"(?<!\\) +$", "", line)  # unescaped trailing spaces
            negate = line.startswith("!")
            if negate:
                line = line[1:]
            dir_only = line.endswith("/")
            line = line.removesuffix("/")
            if not line:
                continue
            anchored = "/" in line
            regex = translate(line.removeprefix("/"))
            if not anchored:
                regex = "(?:.*/)?" + regex
            self.rules.append((re.compile(regex, re.DOTALL), negate, dir_only))

    def _matches(self, path: str, is_dir: bool) -> bool:
        for regex, negate, dir_only in reversed(self.rules):
            if (is_dir or not dir_only) and regex.fullmatch(path):
                return not negate
        return False

    def is_ignored(self, path: str, is_dir: bool = False) -> bool:
        parts = path.split("/")
        if any(part in ("", ".", "..") for part in parts):
            raise ValueError(f"{path!r} is not a clean relative path")
        for depth in range(1, len(parts)):
            if self._matches("/".join(parts[:depth]), True):
                return True
        return self._matches(path, is_dir)
