"""The error every course service raises on bad input."""

from core.errors import DomainError


class CourseError(DomainError):
    """A course rule was broken."""
