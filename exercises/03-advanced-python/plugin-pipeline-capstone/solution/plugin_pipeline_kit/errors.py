"""The errors of plugin_pipeline_kit: one base class, specific subclasses."""


class PipelineError(Exception):
    """Base class: `except PipelineError` catches every error of the kit."""


class SpecError(PipelineError, ValueError):
    """A step spec (text) or a step's options are wrong."""


class DuplicateStepError(PipelineError, ValueError):
    """Two factories registered under one name."""


class UnknownStepError(PipelineError, LookupError):
    """No step is registered under that name."""

    def __init__(self, name: str, suggestion: str | None = None) -> None:
        message = f"unknown step {name!r}"
        if suggestion is not None:
            message += f" (did you mean {suggestion!r}?)"
        super().__init__(message)
        self.name = name
        self.suggestion = suggestion


class StepFailed(PipelineError):
    """A step raised while processing a record."""

    def __init__(self, index: int, step_name: str, record_number: int) -> None:
        super().__init__(f"step {index} ({step_name}) failed on record {record_number}")
        self.index = index
        self.step_name = step_name
        self.record_number = record_number
