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


class ConflictError(ServiceError):
    """A save based on an older version of a record: someone else saved it first.

    Nothing was stored. ``version`` is the record's stored version now (a save that means to
    keep the person's text anyway names it), ``by`` and ``at`` (aware UTC) who saved it and
    when, ``theirs`` the stored values the person may compare with theirs (by field label).
    """

    def __init__(self, message: str, *, version: int, by: str | None = None, at=None,
                 theirs: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.version = version
        self.by = by
        self.at = at
        self.theirs = dict(theirs or {})
