"""Runs when someone types `python -m tally`."""

# TODO: import main from the sibling module cli (a relative import), and when this
#       file runs as a program (not when it is merely imported), exit with the number
#       main() returns.
