"""The only exceptions library code raises; the CLI maps them to exit codes."""


class TimelineError(Exception):
    """Base class: a problem the user can act on, with a message that says how."""


class ConfigError(TimelineError):
    """Invalid configuration or flags."""


class InputError(TimelineError):
    """An input file cannot be used (only raised in strict mode or for a single file)."""


class PipelineError(TimelineError):
    """A stage failed in a way that is not the input's fault (missing model, broken install)."""
