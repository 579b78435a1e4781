"""Operators: when `or` is the right default, and when `is None` is."""


def coalesce(*values: object) -> object:
    """Return the first of `values` that is not None, else None."""
    for value in values:
        if value is not None:
            return value
    return None


def merge_settings(defaults: dict[str, object], overrides: dict[str, object]) -> dict[str, object]:
    """Return defaults updated with every override that is not None."""
    merged = dict(defaults)
    for key, value in overrides.items():
        if value is not None:
            merged[key] = value
    return merged


def display_name(user: dict[str, str | None]) -> str:
    """Return the non-blank nickname, else the non-blank name, else "anonymous"."""
    nickname = (user.get("nickname") or "").strip()
    name = (user.get("name") or "").strip()
    return nickname or name or "anonymous"
