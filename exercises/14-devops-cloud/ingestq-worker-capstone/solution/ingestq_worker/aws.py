"""The AWS side of the worker: read an S3 object, store its summary, record the job once."""
import hashlib
import json

from botocore.exceptions import ClientError


def summarize_object(s3, bucket: str, key: str) -> dict:
    data = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    text = data.decode("utf-8")
    return {
        "key": key,
        "bytes": len(data),
        "lines": len(text.splitlines()),
        "words": len(text.split()),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def save_result(s3, bucket: str, job_id: str, result: dict) -> str:
    key = f"results/{job_id}.json"
    s3.put_object(
        Bucket=bucket,
        Key=key,
        Body=json.dumps(result, sort_keys=True).encode(),
        ContentType="application/json",
    )
    return key


def record_done(dynamodb, table: str, job_id: str, result_key: str) -> bool:
    try:
        dynamodb.put_item(
            TableName=table,
            Item={"job_id": {"S": job_id}, "result_key": {"S": result_key}},
            ConditionExpression="attribute_not_exists(job_id)",
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise
    return True
