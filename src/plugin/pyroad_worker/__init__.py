"""pyroad's warm worker: a Python process that imports pytest once, then forks a child per check,
several at a time. pyroad writes this package into a folder of its own and starts it there as
`python -m pyroad_worker` (src/exec/warm/mod.rs).

One job per module:
  main              start-up: the path (accelerated or plain), the warm-up, the ready message
  protocol          the pipes to pyroad: requests in, replies out, one JSON object per line
  serve             the loop that forks a child per request and reports how each ended
  check             the forked child's side: its gate, its output, its pytest session
  confine           src/sandbox/linux/confine.rs in Python: namespaces, Landlock, private /dev/shm and tmp
  accel             work done once in the worker so that each check does less
  template          checks forked from a pytest session already configured
  pytest_internals  every reach into pytest's and pluggy's internals, and the versions they hold for
"""
