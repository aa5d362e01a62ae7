"""Errors the services raise. ``str(exc)`` is a message for the user, in Indonesian."""


class ServiceError(Exception):
    """A request the rules refuse; nothing was stored."""


class ValidationError(ServiceError):
    """A value is missing, malformed or out of range. ``field`` names it."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class NotFound(ServiceError):
    pass


class RuleError(ServiceError):
    """The SOP's order or a step's state forbids the action."""


class ReasonRequired(RuleError):
    """Allowed only with a reason (e.g. starting a step before the previous one is done)."""
