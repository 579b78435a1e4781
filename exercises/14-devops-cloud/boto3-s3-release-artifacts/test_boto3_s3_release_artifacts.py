"""Every test runs against moto's fake AWS: fake credentials, no network, no bill."""
import hashlib
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError
from moto import mock_aws

from boto3_s3_release_artifacts import (
    ReleaseExists,
    content_type,
    download_url,
    publish,
    release_key,
    versions,
)

BUCKET = "builds-bucket"
# One boto3 session for the file: it loads the S3 service model once, so each test's client is quick.
SESSION = boto3.session.Session()


@pytest.fixture
def s3(monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with mock_aws():
        client = SESSION.client("s3", config=Config(signature_version="s3v4"))
        client.create_bucket(Bucket=BUCKET)
        yield client


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("notes.txt", "text/plain; charset=utf-8"),
        ("index.html", "text/html; charset=utf-8"),
        ("app.json", "application/json"),
        ("logo.png", "image/png"),
        ("LICENSE", "application/octet-stream"),
        ("web.zzunknown", "application/octet-stream"),
    ],
    ids=["text-gets-charset", "html-gets-charset", "json", "png", "no-extension", "unknown-extension"],
)
def test_content_type_is_guessed_from_the_filename(filename, expected):
    assert content_type(filename) == expected


def test_release_key_joins_app_version_and_filename():
    assert release_key("web", "1.2.0", "web.tar.gz") == "releases/web/1.2.0/web.tar.gz"
    assert release_key("Web_2", "10.0.31", "a-b_c.ZIP") == "releases/Web_2/10.0.31/a-b_c.ZIP"


@pytest.mark.parametrize(
    ("app", "version", "filename", "message"),
    [
        ("../etc", "1.0.0", "x.txt", "invalid app name"),
        ("web/admin", "1.0.0", "x.txt", "invalid app name"),
        ("", "1.0.0", "x.txt", "invalid app name"),
        ("web\n", "1.0.0", "x.txt", "invalid app name"),
        ("web", "1.0", "x.txt", "invalid version"),
        ("web", "1.0.0-rc1", "x.txt", "invalid version"),
        ("web", "v1.0.0", "x.txt", "invalid version"),
        ("web", "1.0.0\n", "x.txt", "invalid version"),
        ("web", "1.0.0", "../x.txt", "invalid filename"),
        ("web", "1.0.0", "a/b.txt", "invalid filename"),
        ("web", "1.0.0", '"x.txt', "invalid filename"),
        ("web", "1.0.0", ".env", "invalid filename"),
    ],
    ids=["app-dotdot", "app-slash", "app-empty", "app-trailing-newline", "version-two-parts",
         "version-suffix", "version-v-prefix", "version-trailing-newline", "filename-dotdot",
         "filename-slash", "filename-quote", "filename-hidden"],
)
def test_release_key_rejects_unsafe_parts(app, version, filename, message):
    with pytest.raises(ValueError, match=message):
        release_key(app, version, filename)


def test_publish_stores_the_bytes_with_type_cache_and_checksum(s3):
    data = b'{"ok": true}'
    key = publish(s3, BUCKET, "web", "1.2.0", "manifest.json", data)
    assert key == "releases/web/1.2.0/manifest.json"
    stored = s3.get_object(Bucket=BUCKET, Key=key)
    assert stored["Body"].read() == data
    assert stored["ContentType"] == "application/json", "set ContentType, or S3 serves binary/octet-stream"
    assert stored["CacheControl"] == "public, max-age=31536000, immutable"
    assert stored["Metadata"] == {"sha256": hashlib.sha256(data).hexdigest()}, (
        "Metadata must hold the sha256 hex digest of the bytes"
    )


def test_publish_a_text_file_sends_its_charset(s3):
    key = publish(s3, BUCKET, "web", "1.2.0", "CHANGELOG.txt", "café\n".encode())
    assert s3.head_object(Bucket=BUCKET, Key=key)["ContentType"] == "text/plain; charset=utf-8"


def test_publish_validates_before_writing_anything(s3):
    with pytest.raises(ValueError, match="invalid app name"):
        publish(s3, BUCKET, "../web", "1.2.0", "web.tar.gz", b"x")
    assert "Contents" not in s3.list_objects_v2(Bucket=BUCKET), "nothing may be written for a rejected name"


def test_publish_never_overwrites_a_release(s3):
    publish(s3, BUCKET, "web", "1.2.0", "web.tar.gz", b"first build")
    with pytest.raises(ReleaseExists, match="releases/web/1.2.0/web.tar.gz"):
        publish(s3, BUCKET, "web", "1.2.0", "web.tar.gz", b"second build")
    body = s3.get_object(Bucket=BUCKET, Key="releases/web/1.2.0/web.tar.gz")["Body"].read()
    assert body == b"first build", "a published release must never change"


def test_publish_never_overwrites_a_release_written_by_a_concurrent_build(s3):
    key = "releases/web/1.2.0/web.tar.gz"
    other_build = SESSION.client("s3")
    raced = []

    def other_build_writes_first(**kwargs):
        # Between any check the learner makes and the learner's own PutObject, another build wins.
        if not raced:
            raced.append(True)
            other_build.put_object(Bucket=BUCKET, Key=key, Body=b"other build")

    s3.meta.events.register("before-call.s3.PutObject", other_build_writes_first)
    try:
        publish(s3, BUCKET, "web", "1.2.0", "web.tar.gz", b"my build")
        raised = None
    except ReleaseExists as error:
        raised = error
    body = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert body == b"other build", (
        "checking first (head_object) and then writing is a race: the other build's release was overwritten. "
        "Make the write itself conditional with IfNoneMatch='*'"
    )
    assert raised is not None, "the version was already published by the other build: raise ReleaseExists"


def test_publish_lets_other_s3_errors_through(s3):
    try:
        publish(s3, "no-such-bucket-here", "web", "1.2.0", "web.tar.gz", b"x")
    except ReleaseExists:
        pytest.fail("a missing bucket was reported as ReleaseExists: only the error code "
                    "'PreconditionFailed' means 'already published', every other ClientError must propagate")
    except ClientError as error:
        assert error.response["Error"]["Code"] == "NoSuchBucket"
    else:
        pytest.fail("publishing into a bucket that does not exist must raise S3's ClientError")


def test_download_url_is_presigned_and_downloads_under_the_file_name(s3):
    key = publish(s3, BUCKET, "web", "1.2.0", "web.tar.gz", b"tarball")
    url = download_url(s3, BUCKET, key, expires=900)
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["900"], "ExpiresIn must be the expires argument"
    assert query["response-content-disposition"] == ['attachment; filename="web.tar.gz"']
    response = requests.get(url)  # moto answers this too: no network
    assert response.status_code == 200 and response.content == b"tarball"
    assert response.headers["Content-Disposition"] == 'attachment; filename="web.tar.gz"'


def test_download_url_expires_after_an_hour_by_default(s3):
    url = download_url(s3, BUCKET, "releases/web/1.2.0/web.tar.gz")
    assert parse_qs(urlsplit(url).query)["X-Amz-Expires"] == ["3600"]


@pytest.mark.parametrize("expires", [1, 604800], ids=["one-second", "seven-days"])
def test_download_url_accepts_both_ends_of_the_allowed_range(s3, expires):
    url = download_url(s3, BUCKET, "releases/web/1.2.0/web.tar.gz", expires=expires)
    assert parse_qs(urlsplit(url).query)["X-Amz-Expires"] == [str(expires)]


@pytest.mark.parametrize("expires", [0, -60, 604801], ids=["zero", "negative", "over-seven-days"])
def test_download_url_rejects_an_expiry_sigv4_does_not_allow(s3, expires):
    with pytest.raises(ValueError, match="between 1 and 604800"):
        download_url(s3, BUCKET, "releases/web/1.2.0/web.tar.gz", expires=expires)


def test_versions_are_sorted_by_number_not_as_text(s3):
    for version in ["1.10.0", "1.9.0", "10.0.0", "2.0.0", "1.9.10", "1.9.2"]:
        publish(s3, BUCKET, "web", version, "web.tar.gz", b"x")
    publish(s3, BUCKET, "web", "1.9.0", "web.sha256", b"x")  # a second file of one version
    assert versions(s3, BUCKET, "web") == ["1.9.0", "1.9.2", "1.9.10", "1.10.0", "2.0.0", "10.0.0"], (
        "versions compare number by number (1.9.0 < 1.10.0), and a version with two files appears once"
    )


def test_versions_only_lists_the_requested_app(s3):
    publish(s3, BUCKET, "web", "1.0.0", "web.tar.gz", b"x")
    publish(s3, BUCKET, "web-admin", "9.0.0", "admin.tar.gz", b"x")
    publish(s3, BUCKET, "webx", "8.0.0", "webx.tar.gz", b"x")
    assert versions(s3, BUCKET, "web") == ["1.0.0"], (
        "the prefix must end with a slash: 'releases/web' also matches 'releases/web-admin/'"
    )
    assert versions(s3, BUCKET, "api") == []


def test_versions_follows_every_page_of_the_given_size(s3):
    for minor in range(5):
        publish(s3, BUCKET, "web", f"1.{minor}.0", "web.tar.gz", b"x")
    calls = []
    s3.meta.events.register("before-parameter-build.s3.ListObjectsV2", lambda params, **kwargs: calls.append(dict(params)))
    assert versions(s3, BUCKET, "web", page_size=2) == [f"1.{minor}.0" for minor in range(5)], (
        "one list_objects_v2 call returns one page only: use the paginator"
    )
    assert len(calls) == 3, f"5 files in pages of 2 take 3 requests, got {len(calls)}: pass PaginationConfig={{'PageSize': page_size}}"


def test_versions_validates_the_app_name(s3):
    with pytest.raises(ValueError, match="invalid app name"):
        versions(s3, BUCKET, "web/../admin")


def test_versions_asks_for_pages_of_1000_keys_by_default(s3):
    publish(s3, BUCKET, "web", "1.0.0", "web.tar.gz", b"x")
    calls = []
    s3.meta.events.register("before-parameter-build.s3.ListObjectsV2", lambda params, **kwargs: calls.append(dict(params)))
    assert versions(s3, BUCKET, "web") == ["1.0.0"]
    assert [call.get("MaxKeys") for call in calls] == [1000], "page_size defaults to 1000, S3's own maximum"
