"""Every place the warm worker reaches past pytest's and pluggy's public API, and the versions
they are known to hold for.

Each reach below makes a warm check cheaper and stands in exactly for what pytest would do
itself. None is public, so any pytest or pluggy release may move or change one. They are used
only on the accelerated path, when the installed versions are inside SUPPORTED_PYTEST and
SUPPORTED_PLUGGY, the versions the test suite has passed on. Anywhere else, or with
PYROAD_WORKER_PLAIN=1, the worker runs the plain path: each check still forks from the warm
worker and is still confined, then runs pytest.main as a fresh interpreter would. That is slower,
still correct, and imports nothing of `_pytest` itself. The worker's ready message names the path
it took.

The reaches, each marked "Reach N" where it is made:
 1. `_pytest.assertion.rewrite._rewrite_test`: called to rewrite a test file ahead of time,
    and replaced so a check loads that rewritten code instead of rewriting the file again.
 2. `_pytest.fixtures.dir`: a module global that shadows the builtin `dir` in pytest's fixture
    scan, so the scan skips the thousands of names in pytest's own plugins that cannot hold a
    fixture.
 3. How pytest marks a fixture (`FixtureFunctionDefinition` from pytest 8.4,
    `_pytestfixturefunction` before): what tells that scan which names to keep.
 4. `_pytest.fixtures.getfuncargnames`: memoized for pytest's own plain functions.
 5. `_pytest.config.PytestPluginManager`, `default_plugins`, `consider_preparse`,
    `import_plugin`, `Config(...)`, `Config._parser.prog` and `_pytest.config.get_config`:
    pytest's get_config done again here, so each check gets a plugin manager and Config
    built once in the worker.
 6. The template's session (template.py): `config.args`, `config.args_source`, and the terminal
    reporter's session clock (`_session_start`, `_sessionstarttime`, `_pytest.timing`) moved
    onto each check. The template also relies on how pytest's capture holds its descriptors:
    copies of fds 1 and 2, and unlinked temporary files.
 7. pluggy's `HookCaller._remove_plugin`: takes the terminal reporter out of three per-test
    hooks when pytest's output is not shown (pyroad_plugin.HIDE_PROGRESS).
Once a reach, no longer: pyroad_plugin used `item.fspath` (py.path, deprecated) and now uses
`item.path` (public since pytest 7.0). It falls back to `fspath`, the public name before 7.0.
"""

import importlib.util
import os
import pathlib

import pytest

# (major, minor) bounds, both included, of the pytest versions the test suite has passed on with
# the accelerated path; a patch release inside them counts as tested. The oldest is the oldest
# pytest that runs on Python 3.10, pyroad's oldest (6.0 and 6.1 cannot rewrite an assert there,
# on any path); every minor version from it to the newest was tried. CI runs the worker's tests
# against both ends (.ci/run). After trying a newer pytest with the whole suite, raise the top.
SUPPORTED_PYTEST = ((6, 2), (9, 2))
# pluggy 1.0, the first 1.x, is the oldest tried (CI pairs it with the oldest pytest); 1.7 the
# newest.
SUPPORTED_PLUGGY = ((1, 0), (1, 7))


def major_minor(version):
    """(major, minor) from a version string such as "9.2.0" or "8.0.0rc1", or None."""
    numbers = []
    for piece in str(version).split(".")[:2]:
        digits = ""
        for char in piece:
            if not char.isdigit():
                break
            digits += char
        if not digits:
            return None
        numbers.append(int(digits))
    return tuple(numbers) if len(numbers) == 2 else None


def pluggy_version():
    try:
        import pluggy
    except ImportError:
        return ""
    return str(getattr(pluggy, "__version__", ""))


def choose_path(environ):
    """("accelerated", None), or ("plain", why)."""
    if environ.get("PYROAD_WORKER_PLAIN", "") not in ("", "0"):
        return "plain", "PYROAD_WORKER_PLAIN is set"
    for name, version, (low, high) in (("pytest", pytest.__version__, SUPPORTED_PYTEST),
                                       ("pluggy", pluggy_version(), SUPPORTED_PLUGGY)):
        found = major_minor(version)
        if found is None or not low <= found <= high:
            return "plain", "%s %s is outside %d.%d to %d.%d" % (name, version or "(unknown)", *low, *high)
    return "accelerated", None


class Internals:
    """The reaches, bound to the installed pytest. Made only on the accelerated path: importing
    `_pytest` modules by name is itself a reach. Raises if a name the reaches use is missing."""

    def __init__(self):
        from _pytest import config, fixtures
        from _pytest.assertion import rewrite

        self.config_module = config
        self.fixtures_module = fixtures
        self.rewrite_module = rewrite
        # The originals, taken before anything here replaces them.
        self.original_rewrite_test = rewrite._rewrite_test
        self.original_get_config = config.get_config
        self.original_getfuncargnames = getattr(fixtures, "getfuncargnames", None)
        for name in ("PytestPluginManager", "Config", "default_plugins"):
            getattr(config, name)
        version = major_minor(pytest.__version__)
        # What _rewrite_test returns first (only used to write a .pyc, which a check never
        # does): the source's hash from pytest 9.2, os.stat's result before.
        self.rewrite_returns_hash = version is not None and version >= (9, 2)

    # Reach 1: the assertion rewriter.

    def rewrite(self, path):
        """pytest's rewritten code of a test file, compiled. Without a Config it rewrites as by
        default; parsing and compiling run none of the file's code."""
        return self.original_rewrite_test(pathlib.Path(path), None)[1]

    def install_rewrite(self, answer):
        """pytest's _rewrite_test, answered by `answer(source, filename)` (rewritten code, or None
        to let pytest rewrite it)."""
        original = self.original_rewrite_test
        by_hash = self.rewrite_returns_hash

        def rewrite_test(fn, config):
            source = fn.read_bytes()
            code = answer(source, str(fn))
            if code is None:
                return original(fn, config)
            return (importlib.util.source_hash(source) if by_hash else os.stat(fn)), code

        self.rewrite_module._rewrite_test = rewrite_test

    # Reach 2: the fixture scan's dir().

    def install_fixture_dir(self, scan):
        self.fixtures_module.dir = scan

    # Reach 3: how pytest marks a fixture.

    @staticmethod
    def holds_fixture(value):
        """Whether a value is a pytest fixture definition, or wraps one. Errs towards True: a name
        wrongly kept costs a lookup, a name wrongly dropped loses a fixture."""
        for _ in range(50):
            if value is None:
                return False
            if type(value).__name__ == "FixtureFunctionDefinition":
                return True
            try:
                if getattr(value, "_pytestfixturefunction", None) is not None:
                    return True
                value = getattr(value, "__wrapped__", None) or getattr(value, "__func__", None)
            except Exception:
                return True
        return True

    # Reach 4: getfuncargnames.

    def install_getfuncargnames(self, memoized):
        self.fixtures_module.getfuncargnames = memoized

    # Reach 5: pytest's get_config, on a plugin manager and Config built ahead.

    def new_plugin_manager(self, blocked_args, plugin):
        """A plugin manager with pytest's built-in plugins imported and registered, as
        get_config makes one, with `plugin` registered last, where `-p NAME` would put it:
        pytest then finds it registered and does not look for it among the entry points of
        every installed distribution (5 ms in an environment with 150 of them)."""
        config = self.config_module
        manager = config.PytestPluginManager()
        manager.consider_preparse(blocked_args, exclude_only=True)
        for spec in config.default_plugins:
            manager.import_plugin(spec)
        manager.register(plugin, plugin.__name__)
        return manager

    def invocation(self, args=None, plugins=None):
        """The invocation parameters get_config records, for a session started in this folder."""
        return self.config_module.Config.InvocationParams(args=args or (), plugins=plugins,
                                                          dir=pathlib.Path.cwd())

    def new_config(self, manager, params, prog=None):
        # `prog` only where given: pytest before 9 has no such parameter.
        extra = {} if prog is None else {"prog": prog}
        return self.config_module.Config(manager, invocation_params=params, **extra)

    def config_for_check(self, manager, config, args, plugins, prog):
        """What get_config returns for a check: `config` (built ahead by new_config, or None to
        build one now) on `manager`, with the check's invocation."""
        params = self.invocation(args, plugins)
        if config is None:
            config = self.new_config(manager, params, prog)
        else:
            config.invocation_params = params
            if prog is not None:
                # Only named in usage errors; a property on newer pytest, an attribute on older.
                config._parser.prog = prog
        if params.args:
            manager.consider_preparse(params.args, exclude_only=True)
        return config

    def fresh_config(self, args, plugins, prog):
        """pytest's own get_config."""
        if prog is None:
            return self.original_get_config(args, plugins)
        return self.original_get_config(args, plugins, prog=prog)

    def install_get_config(self, get_config):
        self.config_module.get_config = get_config

    # Reach 6: moving a template's session onto a check.

    def point_session_at(self, config, tests):
        """The session collects `tests` (the check's test files) instead of the template's
        arguments, as though they had been given on the command line."""
        config.args = list(tests)
        if hasattr(self.config_module.Config, "ArgsSource"):
            config.args_source = self.config_module.Config.ArgsSource.ARGS

    @staticmethod
    def restart_clock(config):
        """The session's duration counts from the check's start, not the template's."""
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is None:
            return
        from _pytest import timing
        if hasattr(reporter, "_session_start") and hasattr(timing, "Instant"):
            reporter._session_start = timing.Instant()
        if hasattr(reporter, "_sessionstarttime"):
            reporter._sessionstarttime = timing.time()

    # Reach 7: pluggy's _remove_plugin.

    @staticmethod
    def hide_progress(manager):
        """Takes the terminal reporter's per-test hooks out (the letter per test, the file name,
        the percentage): a sixth of the time of a test that does little, for output nobody reads.

        The reporter itself stays registered, with every other hook: pytest asks it for its
        terminal writer when it explains a failed assert, and it still reports collection and
        internal errors. pyroad_plugin calls this inside pytest_configure, a hook the reporter
        does not implement, so no hook call is walking a list this changes.
        """
        reporter = manager.get_plugin("terminalreporter")
        if reporter is None:
            return
        for name in ("pytest_runtest_logstart", "pytest_runtest_logreport", "pytest_runtest_logfinish"):
            remove = getattr(getattr(manager.hook, name, None), "_remove_plugin", None)
            if remove is not None:
                try:
                    remove(reporter)
                except ValueError:
                    pass

