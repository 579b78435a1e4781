import re
import subprocess
import sys
from pathlib import Path

MAX_BYTES = 100_000
DEBUGGER = re.compile(r"\s*(?:breakpoint\(|pdb\.set_trace\(|import pdb\b)")


STAGED = ["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"]


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, check=True).stdout


def staged_files(repo: Path) -> list[str]:
    output = git(repo, *STAGED).decode()
    return output.split("\0")[:-1]


def problems(repo: Path, max_bytes: int = MAX_BYTES) -> list[str]:
    found = []
    for path in staged_files(repo):
        content = git(repo, "show", f":{path}")
        size = len(content)
        if size > max_bytes:
            found.append(f"{path}: {size} bytes is over the {max_bytes}-byte limit")
        elif path.endswith(".py"):
            text = content.decode("utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), start=1):
                if DEBUGGER.match(line):
                    found.append(f"{path}:{number}: leftover debugger call")
    return found


def main() -> int:
    found = problems(Path.cwd())
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


def install_hook(repo: Path) -> Path:
    relative = git(repo, "rev-parse", "--git-path", "hooks/pre-commit").decode().strip()
    hook = repo / relative
    hook.parent.mkdir(parents=True, exist_ok=True)
    here = Path(__file__).resolve().parent
    hook.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        f"sys.path.insert(0, {str(here)!r})\n"
        f"from {__name__} import main\n"
        "sys.exit(main())\n",
        encoding="utf-8",
    )
    hook.chmod(0o755)
    return hook
