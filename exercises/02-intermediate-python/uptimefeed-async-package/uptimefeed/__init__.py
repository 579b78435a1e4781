"""uptimefeed: gather status feeds from many sources at once and say what is up.

The public API, importable as `from uptimefeed import ...`:
    StatusEvent, Snapshot, ParseError     (from the submodule events)
    parse_line, parse_feed                (from the submodule parse)
    collect                               (from the submodule collect)
    current_status                        (from the submodule report)
"""

# TODO: re-export the public API above with RELATIVE imports (from .events import ...),
#       so the package still works when it is vendored under another name.
# TODO: __all__ = exactly those seven names, so `from uptimefeed import *` gives no submodules.
