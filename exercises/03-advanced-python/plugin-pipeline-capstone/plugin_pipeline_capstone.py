"""Capstone: a small plugin framework, plugin_pipeline_kit.

Data pipelines at work are often configured as text: a list of steps such
as ["strip", "require:field=sku", "cast:field=qty,to=int"]. Each name
refers to a plugin (a step factory) registered in a registry; the options
after ":" are passed to the factory as keyword arguments. This exercise
is a package plus this module; finish the TODOs in all of them.

plugin_pipeline_kit/ (read every file: the finished parts are examples)
  __init__.py   re-exports the public names. TODO: the package logger
                (logging.getLogger("plugin_pipeline_kit")) gets ONE
                logging.NullHandler - a library never calls basicConfig or
                adds real handlers; the application configures logging.
  errors.py     PipelineError is the base of every error. TODO: StepFailed(
                index, step_name, record_number) has the message
                "step 2 (cast) failed on record 3" and keeps the three
                values as attributes .index, .step_name, .record_number.
  registry.py   Step is a typing.Protocol: callable(record) -> record, or
                None to drop the record. StepRegistry TODOs:
                - register(name) is a decorator: it stores the factory
                  under name and returns the factory unchanged; a name
                  already taken raises DuplicateStepError (the first
                  factory stays). Each registry has its own factories.
                - create(name, **options): unknown name -> UnknownStepError
                  (name, suggestion) where suggestion is the closest
                  registered name by difflib.get_close_matches(n=1), or
                  None. Options the factory cannot take (unknown or
                  missing keyword) -> SpecError "bad options for step
                  'rename': ..." chained from the TypeError: check them
                  with inspect.signature(factory).bind(**options) BEFORE
                  calling it, so a TypeError raised inside a factory is
                  not mistaken for a bad option. Then return
                  factory(**options); its own errors propagate unchanged.
                - names(): sorted list of registered names.
  steps.py      REGISTRY with strip, require, rename (done). TODO: cast(
                field, to): `to` must be "int" or "float", else SpecError
                when the step is BUILT (not on every record); the step
                returns a new record with record[field] converted;
                records without field pass unchanged.

This module:
  parse_spec(spec) -> (name, options):
      "rename:old=qty,new=quantity" -> ("rename", {"old": "qty", "new": "quantity"})
      "strip" and "strip:" -> ("strip", {}); names, keys and values are
      stripped of spaces; a value may contain "=" ("k=a=b" -> {"k": "a=b"}).
      SpecError for: no name (""), an option without "=" or with an empty
      key, a key given twice.
  build_pipeline(specs, registry=REGISTRY) -> [(name, step), ...] in order.
  run_pipeline(pipeline, records) -> the records that come out of the last
      step. A step returning None drops the record: the later steps do not
      see it, and logger "plugin_pipeline_kit.run" logs at DEBUG
      "record 2 dropped by step 1 (require)". A step that raises
      (Exception) stops the run with StepFailed(step index from 1, name,
      record number from 1) chained (`from`) to the original error. At
      the end log at INFO "kept 2 of 3 records". Input records are never
      modified (the built-in steps return new dicts).
"""

import logging
from collections.abc import Iterable

from plugin_pipeline_kit import REGISTRY, Record, SpecError, Step, StepFailed, StepRegistry  # noqa: F401

logger = logging.getLogger("plugin_pipeline_kit.run")


def parse_spec(spec: str) -> tuple[str, dict[str, str]]:
    """'rename:old=a,new=b' -> ('rename', {'old': 'a', 'new': 'b'})."""
    raise NotImplementedError  # TODO


def build_pipeline(specs: Iterable[str], registry: StepRegistry = REGISTRY) -> list[tuple[str, Step]]:
    """Parse every spec and create its step, in order."""
    raise NotImplementedError  # TODO


def run_pipeline(pipeline: list[tuple[str, Step]], records: Iterable[Record]) -> list[Record]:
    """Send each record through the steps; keep what comes out of the last one."""
    raise NotImplementedError  # TODO
