"""The AWS side of the worker. Every function gets its boto3 client as an argument.

summarize_object(s3, bucket, key) -> dict: get_object, read the bytes, decode
    them as UTF-8 and return
        {"key": key, "bytes": <number of bytes>, "lines": len(text.splitlines()),
         "words": len(text.split()), "sha256": <hex digest of the bytes>}
    (a missing object raises S3's ClientError: let it propagate).

save_result(s3, bucket, job_id, result) -> the key "results/<job_id>.json":
    put_object the result as json.dumps(result, sort_keys=True), UTF-8, with
    ContentType="application/json". The same job always writes the same key,
    so writing it twice does no harm.

record_done(dynamodb, table, job_id, result_key) -> bool: ONE put_item of
    {"job_id": {"S": job_id}, "result_key": {"S": result_key}} with
    ConditionExpression="attribute_not_exists(job_id)". True when this call
    recorded the job; False when the job was already recorded (the
    ClientError's code is "ConditionalCheckFailedException"; a get_item first
    and a put after is a race between two workers). Any other ClientError
    propagates.
"""
import hashlib
import json

from botocore.exceptions import ClientError


def summarize_object(s3, bucket: str, key: str) -> dict:
    # TODO
    raise NotImplementedError


def save_result(s3, bucket: str, job_id: str, result: dict) -> str:
    # TODO
    raise NotImplementedError


def record_done(dynamodb, table: str, job_id: str, result_key: str) -> bool:
    # TODO: a conditional write, so exactly one worker records each job.
    raise NotImplementedError
