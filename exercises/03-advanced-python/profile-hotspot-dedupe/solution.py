"""Find the hot function with cProfile, then fix a slow one (reference solution)."""

import cProfile
import pstats
from collections.abc import Callable, Hashable, Iterable
from typing import Any


def profile_call(func: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, pstats.FunctionProfile]:
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    profiles = pstats.Stats(profiler).get_stats_profile().func_profiles
    return {name: profile for name, profile in profiles.items() if profile.file_name != "~"}


def hottest_function(func: Callable[..., Any], *args: Any, **kwargs: Any) -> str:
    profiles = profile_call(func, *args, **kwargs)
    return max(profiles, key=lambda name: profiles[name].tottime)


def call_counts(func: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, int]:
    profiles = profile_call(func, *args, **kwargs)
    return {name: int(profile.ncalls.split("/")[0]) for name, profile in profiles.items()}


def dedupe(items: Iterable[Hashable]) -> list[Hashable]:
    return list(dict.fromkeys(items))
