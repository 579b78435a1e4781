"""gitrelease: cut a release from a git repository's Conventional Commits."""
from .changelog import prepend_entry
from .release import Release, ReleaseError, release
from .tags import latest_version_tag

__all__ = ["Release", "ReleaseError", "latest_version_tag", "prepend_entry", "release"]
