"""plugin_pipeline_kit: steps registered by name, built from text specs."""

import logging

from .errors import DuplicateStepError, PipelineError, SpecError, StepFailed, UnknownStepError
from .registry import Record, Step, StepRegistry
from .steps import REGISTRY

# A library never configures logging (no basicConfig, no StreamHandler): the
# application does. The NullHandler only stops "no handler" warnings.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "REGISTRY",
    "DuplicateStepError",
    "PipelineError",
    "Record",
    "SpecError",
    "Step",
    "StepFailed",
    "StepRegistry",
    "UnknownStepError",
]
