"""Pytest acceleration: the work that is the same for every check, done once in the worker.

Two paths, with the same methods, chosen as the worker starts (see pytest_internals):
Accelerated rewrites each test file's assertions once per content, builds pytest's plugin
manager and Config once, scans pytest's own plugins for fixtures once and works out the argument
names of pytest's own functions once, and serves checks from a template. Plain does none of that:
each check runs pytest.main as a fresh interpreter would, only forked.

Every reach into pytest's internals goes through pytest_internals.Internals; this module holds
what is cached and why.
"""

import builtins
import hashlib
import importlib.util
import marshal
import os
import pathlib
import sys
import types

import pytest

import pyroad_plugin


class Plain:
    """Checks run pytest as it is: nothing of pytest's is replaced or called ahead of time."""

    name = "plain"
    templates = False

    def __init__(self, reason):
        self.reason = reason

    def before_warm_up(self):
        pass

    def after_preload(self):
        pass

    def precompile(self, paths):
        pass

    def enter_check(self):
        pass

    def check_plugins(self):
        # Registered as pytest.main's `plugins`, so the check's `-p pyroad_plugin` finds it
        # registered: importing it again would only warn that the worker imported it already
        # (and so pytest cannot rewrite its asserts).
        return [pyroad_plugin]


class Accelerated:
    """Checks run on what the worker prepared: see the module's docstring."""

    name = "accelerated"
    templates = True
    reason = None

    def __init__(self, internals, blocked_args, rewrite_cache):
        self.internals = internals
        self.rewrites = Rewrites(internals, rewrite_cache)
        self.fixture_scan = FixtureScan(internals)
        self.argnames = ArgNames(internals)
        self.prebuilt = Prebuilt(internals, blocked_args)

    def before_warm_up(self):
        # Before the warm-up, whose session fills the fixture scan's table for every plugin a
        # check registers.
        self.internals.install_fixture_dir(self.fixture_scan.dir)
        self.argnames.install()
        pyroad_plugin.HIDE_PROGRESS = self.internals.hide_progress

    def after_preload(self):
        self.prebuilt.build()

    def precompile(self, paths):
        self.rewrites.precompile(paths)

    def enter_check(self):
        """In a check's process (or a template's), before its pytest session."""
        self.prebuilt.install()
        self.rewrites.install()

    def check_plugins(self):
        # The prebuilt plugin manager has it registered already; without one, as Plain.
        return [] if self.prebuilt.manager is not None else [pyroad_plugin]


class Rewrites:
    """Assertion-rewritten code of the curriculum's test files, by content, compiled in the
    worker (parsing and compiling run no code) so a check does not rewrite the same test file
    again.

    Also kept on disk between runs (`cache_dir`; empty: not kept). Rewriting is pure Python and
    costs about 17 ms per curriculum test file here, loading the stored code 0.4 ms; pytest keeps
    the same in __pycache__, which a check cannot write. One folder per interpreter byte-code
    version and pytest version, as the rewritten code depends on both."""

    # Test files kept in memory at most.
    LIMIT = 512

    def __init__(self, internals, cache_dir):
        self.internals = internals
        self.cache_dir = cache_dir
        self.by_content = {}

    def precompile(self, paths):
        """Rewrites and compiles test files not seen before."""
        for path in paths:
            try:
                source = pathlib.Path(path).read_bytes()
                key = hashlib.sha256(source).digest()
                if key not in self.by_content and len(self.by_content) < self.LIMIT:
                    self.by_content[key] = self.stored(path, key)
            except BaseException:
                pass

    def stored(self, path, key):
        """The rewritten code of a test file: from the cache folder if it is there and sound,
        else rewritten now and stored (atomically: a half-written file is never read)."""
        if not self.cache_dir:
            return self.internals.rewrite(path)
        tag = "%s-%s-pytest-%s" % (sys.implementation.cache_tag, importlib.util.MAGIC_NUMBER.hex(),
                                   pytest.__version__)
        stored = os.path.join(self.cache_dir, tag, key.hex() + ".code")
        try:
            with open(stored, "rb") as handle:
                code = marshal.loads(handle.read())
            if isinstance(code, types.CodeType):
                return code
        except (OSError, ValueError, EOFError, TypeError):
            pass
        code = self.internals.rewrite(path)
        try:
            os.makedirs(os.path.dirname(stored), mode=0o700, exist_ok=True)
            partial = "%s.%d.tmp" % (stored, os.getpid())
            with open(partial, "wb") as handle:
                handle.write(marshal.dumps(code))
            os.replace(partial, stored)
        except (OSError, ValueError):
            pass
        return code

    def answer(self, source, filename):
        """The rewritten code of a test file with this source, where it is now; None if not
        precompiled."""
        code = self.by_content.get(hashlib.sha256(source).digest())
        return None if code is None else retarget(code, filename)

    def install(self):
        self.internals.install_rewrite(self.answer)


def retarget(code, filename):
    """The code object with every (nested) co_filename set to where the file is now."""
    consts = tuple(retarget(c, filename) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def pytest_owned(holder):
    """A module or class of pytest (or pyroad's plugin): the same in every check."""
    if isinstance(holder, types.ModuleType):
        name = getattr(holder, "__name__", "")
    else:
        name = getattr(holder, "__module__", "")
    return isinstance(name, str) and (name in ("pytest", "pyroad_plugin") or name.startswith(("_pytest.", "pytest.")))


class FixtureScan:
    """dir() as pytest's fixture scan sees it: for pytest's own plugins, only the names that can
    hold a fixture (and an instance's own attributes); everything else in full. Every session
    registers some forty plugins and pytest scans every attribute of each (about 2,000) for
    fixtures, which cost 15 to 25 ms of each check; these modules do not change, so a check
    scans only the names that can matter."""

    def __init__(self, internals):
        self.holds_fixture = internals.holds_fixture
        # id(holder) -> (holder, names in dir() order); the holder is kept with its names, so its
        # id cannot be reused by another object.
        self.names = {}

    def fixture_names(self, holder):
        """The names of a pytest-owned module or class that may hold a fixture, computed once."""
        key = id(holder)
        found = self.names.get(key)
        if found is not None and found[0] is holder:
            return found[1]
        names = []
        for name in builtins.dir(holder):
            owners = [holder] if isinstance(holder, types.ModuleType) else getattr(holder, "__mro__", [holder])
            raw = next((o.__dict__[name] for o in owners if name in getattr(o, "__dict__", {})), None)
            try:
                bound = getattr(holder, name, None)
            except Exception:
                bound = None
            if self.holds_fixture(raw) or self.holds_fixture(bound):
                names.append(name)
        self.names[key] = (holder, names)
        return names

    def dir(self, holder):
        try:
            if isinstance(holder, types.ModuleType):
                if pytest_owned(holder):
                    return self.fixture_names(holder)
            elif not isinstance(holder, type) and pytest_owned(type(holder)):
                own = [n for n, v in getattr(holder, "__dict__", {}).items() if self.holds_fixture(v)]
                return sorted(set(self.fixture_names(type(holder))).union(own))
        except Exception:
            pass
        return builtins.dir(holder)


class ArgNames:
    """pytest's getfuncargnames, worked out once per function of pytest's own (a signature costs
    40 microseconds here, and a session asks for a hundred of them, plus two per test)."""

    def __init__(self, internals):
        self.internals = internals
        self.original = internals.original_getfuncargnames
        self.found = {}

    @staticmethod
    def key(function, kwargs):
        """What getfuncargnames' answer for a plain function of pytest's own depends on, or None.
        pytest makes such functions anew for every test (`lambda: request`), all with one code
        object; a function that is wrapped, or carries its own signature, is not plain."""
        if type(function) is not types.FunctionType or not pytest_owned(function):
            return None
        if "__wrapped__" in function.__dict__ or "__signature__" in function.__dict__:
            return None
        key = (function.__code__, function.__name__, function.__defaults__, function.__kwdefaults__,
               tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:
            return None
        return key

    def getfuncargnames(self, function, *args, **kwargs):
        key = None if args else self.key(function, kwargs)
        if key is None:
            return self.original(function, *args, **kwargs)
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = self.original(function, **kwargs)
        return found

    def install(self):
        if self.original is not None:
            self.internals.install_getfuncargnames(self.getfuncargnames)


class Prebuilt:
    """A plugin manager with pytest's built-in plugins imported and registered, and a Config
    made on it, both built once: every check forks a pristine copy of them instead of
    registering some thirty plugins and having each add its options and ini keys (some 8 ms in a
    forked check), which depends on nothing but the plugins. They serve a check's first session
    only; a test that runs pytest itself gets pytest's own, as in a fresh interpreter."""

    def __init__(self, internals, blocked_args):
        self.internals = internals
        self.blocked_args = blocked_args
        self.manager = None
        self.config = None
        self.used = False

    def build(self):
        try:
            self.manager = self.internals.new_plugin_manager(self.blocked_args, pyroad_plugin)
        except Exception:
            self.manager = None
            return
        try:
            self.config = self.internals.new_config(self.manager, self.internals.invocation())
        except Exception:
            self.config = None

    def get_config(self, args=None, plugins=None, *, prog=None):
        if self.used:
            return self.internals.fresh_config(args, plugins, prog)
        self.used = True
        config, self.config = self.config, None
        return self.internals.config_for_check(self.manager, config, args, plugins, prog)

    def install(self):
        if self.manager is not None:
            self.internals.install_get_config(self.get_config)
