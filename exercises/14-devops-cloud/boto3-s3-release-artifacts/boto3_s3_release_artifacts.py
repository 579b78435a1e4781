"""Publish release artifacts to S3 with boto3, tested against moto.

Every function takes a boto3 S3 client `s3` as its first argument: the caller
builds it (the tests build one inside moto's `mock_aws` with fake credentials
from the environment), so this module never talks to real AWS and never holds
a credential. Keys look like  releases/<app>/<version>/<filename>

1. content_type(filename): mimetypes.guess_type(filename)[0], or
   "application/octet-stream" when unknown; a "text/..." type gets
   "; charset=utf-8" appended.
       content_type("notes.txt") == "text/plain; charset=utf-8"
       content_type("app.json") == "application/json"
2. release_key(app, version, filename) -> "releases/<app>/<version>/<filename>".
   app and filename must fully match [A-Za-z0-9][A-Za-z0-9._-]* and version
   [0-9]+.[0-9]+.[0-9]+ (like "1.10.0"); otherwise ValueError("invalid app
   name ..."), ValueError("invalid version ...") or ValueError("invalid
   filename ..."). ("../etc", "web/admin" or "1.2.0\n" never reach S3.)
3. publish(s3, bucket, app, version, filename, data) -> the key. One
   put_object with
       ContentType=content_type(filename)
       CacheControl="public, max-age=31536000, immutable"  (a release never changes)
       Metadata={"sha256": hashlib.sha256(data).hexdigest()}
   A published release is NEVER overwritten, not even when two builds publish
   the same version at the same moment: make the write itself conditional
   with IfNoneMatch="*" (head_object first, then put, is a race). S3 then
   answers with a ClientError whose error code
   (error.response["Error"]["Code"]) is "PreconditionFailed": raise
   ReleaseExists(key) from it. Any other ClientError propagates unchanged.
4. download_url(s3, bucket, key, expires=3600): a presigned GET URL
   (s3.generate_presigned_url) valid for `expires` seconds that makes the
   browser save the file under its own name:
   ResponseContentDisposition='attachment; filename="<last part of key>"'.
   expires outside 1..604800 (the 7-day SigV4 maximum) raises
   ValueError("expires must be between 1 and 604800 seconds ...").
5. versions(s3, bucket, app, page_size=1000) -> the versions of app that have
   at least one file, each once, oldest first by number ("1.9.0" before
   "1.10.0"). Only this app: "web" must not pick up "web-admin". List with
   the list_objects_v2 paginator and PaginationConfig={"PageSize": page_size}:
   one call returns at most one page. app is validated as in release_key.

    >>> publish(s3, "builds", "web", "1.2.0", "web.tar.gz", b"...")
    'releases/web/1.2.0/web.tar.gz'
    >>> versions(s3, "builds", "web")
    ['1.2.0']
"""
import hashlib
import mimetypes
import re

from botocore.exceptions import ClientError

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")
MAX_EXPIRES = 7 * 24 * 3600


class ReleaseExists(Exception):
    """This version of the artifact is already published."""


def content_type(filename: str) -> str:
    # TODO: guess with mimetypes; octet-stream when unknown; charset for text/*.
    raise NotImplementedError


def release_key(app: str, version: str, filename: str) -> str:
    # TODO: validate with NAME.fullmatch / VERSION.fullmatch, then build the key.
    raise NotImplementedError


def publish(s3, bucket: str, app: str, version: str, filename: str, data: bytes) -> str:
    # TODO: one conditional put_object; PreconditionFailed -> ReleaseExists.
    raise NotImplementedError


def download_url(s3, bucket: str, key: str, expires: int = 3600) -> str:
    # TODO: validate expires, then s3.generate_presigned_url("get_object", ...).
    raise NotImplementedError


def versions(s3, bucket: str, app: str, page_size: int = 1000) -> list[str]:
    # TODO: paginate list_objects_v2 under "releases/<app>/", sort numerically.
    raise NotImplementedError
