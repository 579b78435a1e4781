"""Publish release artifacts to S3 with boto3 (tested against moto)."""
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
    guessed = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if guessed.startswith("text/"):
        return f"{guessed}; charset=utf-8"
    return guessed


def release_key(app: str, version: str, filename: str) -> str:
    if not NAME.fullmatch(app):
        raise ValueError(f"invalid app name: {app!r}")
    if not VERSION.fullmatch(version):
        raise ValueError(f"invalid version: {version!r}")
    if not NAME.fullmatch(filename):
        raise ValueError(f"invalid filename: {filename!r}")
    return f"releases/{app}/{version}/{filename}"


def publish(s3, bucket: str, app: str, version: str, filename: str, data: bytes) -> str:
    key = release_key(app, version, filename)
    try:
        s3.put_object(
            Bucket=bucket,
            Key=key,
            Body=data,
            ContentType=content_type(filename),
            CacheControl="public, max-age=31536000, immutable",
            Metadata={"sha256": hashlib.sha256(data).hexdigest()},
            IfNoneMatch="*",
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "PreconditionFailed":
            raise ReleaseExists(key) from error
        raise
    return key


def download_url(s3, bucket: str, key: str, expires: int = 3600) -> str:
    if not 1 <= expires <= MAX_EXPIRES:
        raise ValueError(f"expires must be between 1 and {MAX_EXPIRES} seconds, got {expires}")
    filename = key.split("/")[-1]
    return s3.generate_presigned_url(
        "get_object",
        Params={
            "Bucket": bucket,
            "Key": key,
            "ResponseContentDisposition": f'attachment; filename="{filename}"',
        },
        ExpiresIn=expires,
    )


def versions(s3, bucket: str, app: str, page_size: int = 1000) -> list[str]:
    if not NAME.fullmatch(app):
        raise ValueError(f"invalid app name: {app!r}")
    found = set()
    paginator = s3.get_paginator("list_objects_v2")
    pages = paginator.paginate(
        Bucket=bucket, Prefix=f"releases/{app}/", PaginationConfig={"PageSize": page_size}
    )
    for page in pages:
        for item in page.get("Contents", []):
            found.add(item["Key"].split("/")[2])
    return sorted(found, key=lambda v: tuple(int(part) for part in v.split(".")))
