"""tally: count the words in some text. Nothing to do in this file."""

__version__ = "0.3.0"
