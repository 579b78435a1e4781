"""A small bookmarks service: settings, models, security, repository and templates."""
