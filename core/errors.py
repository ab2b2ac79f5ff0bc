"""The shape every app's domain error shares."""


class DomainError(Exception):
    """A rule of the programme was broken; nothing was saved.

    ``code`` is stable for programs and tests; ``message`` is for people; ``details``
    carry what a screen may need to explain it. Each app subclasses this once
    (``CourseError``, ``CertificateError``, ``HousingError``).
    """

    def __init__(self, code: str, message: str, **details):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details

    def __str__(self):
        return self.message
