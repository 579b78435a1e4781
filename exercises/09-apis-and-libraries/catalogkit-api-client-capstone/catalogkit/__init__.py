"""catalogkit: a small typed client for the Catalog API.

    errors.py   ApiError and AuthError (done)
    models.py   Book, parse_book, book_payload: JSON in and out, validated
    retry.py    retry_after and RetryTransport: retries that are safe to make
    auth.py     ClientCredentialsAuth: OAuth2 client credentials as an httpx.Auth
The client that puts them together is catalogkit_api_client_capstone.CatalogClient.
"""
from catalogkit.auth import ClientCredentialsAuth
from catalogkit.errors import ApiError, AuthError
from catalogkit.models import Book, book_payload, parse_book
from catalogkit.retry import RetryTransport, retry_after

__all__ = [
    "ApiError",
    "AuthError",
    "Book",
    "ClientCredentialsAuth",
    "RetryTransport",
    "book_payload",
    "parse_book",
    "retry_after",
]
