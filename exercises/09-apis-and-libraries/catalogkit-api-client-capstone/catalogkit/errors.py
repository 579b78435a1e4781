"""The errors of catalogkit (done: nothing to change here)."""


class ApiError(Exception):
    """The API answered something the client cannot use. `status` is the HTTP status, if any."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class AuthError(ApiError):
    """No access token could be obtained. The message never holds a secret or a token."""
