"""Capstone: the ingestq worker, a small cloud service in a package.

A producer drops text files into an S3 bucket and sends an SQS message
{"job_id": "job-7", "key": "incoming/report.txt"} for each. The worker
summarises each file, stores the summary in the results bucket, records the
job in DynamoDB exactly once, and exposes metrics and health. The package:

    ingestq_worker/settings.py  Settings.from_env: INGESTQ_* variables (done)
    ingestq_worker/aws.py       summarize_object, save_result, record_done  <- TODO
    ingestq_worker/metrics.py   WorkerMetrics: Prometheus metrics          <- TODO
    ingestq_worker/health.py    Health: liveness and readiness             <- TODO
Each says in its docstring what it must do. Here, tie them together:

Worker(settings, *, s3, sqs, dynamodb, metrics, health, clock=time.perf_counter)
  (the boto3 clients come in ready-made: tests pass moto-backed ones)

  handle(message) -> "processed", "duplicate" or "failed"; message is one
  item of receive_message's "Messages" (keys "Body", "ReceiptHandle",
  "MessageId"). In this order:
    1. parse the Body as JSON; job_id must fully match [A-Za-z0-9-]{1,64}
       (it becomes part of an S3 key; raise ValueError otherwise) and key
       must be a string (boto3 itself rejects any other type);
    2. summarize_object from settings.input_bucket (ONLY that bucket: a
       message must not make the worker read any bucket it names);
    3. save_result into settings.results_bucket;
    4. record_done in settings.table: True -> "processed", False ->
       "duplicate" (SQS delivers at least once: the same job can come twice);
    5. only now delete_message (with the message's ReceiptHandle).
  Any exception in 1..5 makes it "failed": log it with
  log.exception("message %s failed", message["MessageId"]), do NOT
  delete the message (after the visibility timeout SQS delivers it again, and
  after a few tries its redrive policy moves it to a dead-letter queue), and
  never let the exception escape. Metrics around it all: in_flight +1 before
  and -1 after, the duration (clock() after minus before) observed in
  seconds, and messages.labels(outcome) incremented once.

  run_once(stop) -> the number of messages handled. health.beat(), then ONE
  receive_message(QueueUrl=settings.queue_url,
  MaxNumberOfMessages=settings.batch_size,
  VisibilityTimeout=settings.visibility_timeout,
  WaitTimeSeconds=settings.wait_seconds); handle the messages in order, but
  before each one look at stop (a threading.Event): once it is set, hand
  every message not yet handled back to the queue at once with
  change_message_visibility(..., VisibilityTimeout=0) and return. (A message
  being handled is always finished: that is draining.)

  run(stop): run_once(stop) until stop is set, then health.start_draining().

install_sigterm(stop, health) -> the previous handler: install a SIGTERM
handler that calls health.start_draining() and stop.set(), and does
nothing else (no sys.exit: the loop finishes its message and returns).

    >>> stop = threading.Event(); install_sigterm(stop, health)
    >>> worker.run(stop)   # `kill -TERM <pid>` -> finishes, releases the rest, returns
"""
import json
import logging
import re
import signal
import threading
import time
from collections.abc import Callable

from ingestq_worker.aws import record_done, save_result, summarize_object
from ingestq_worker.health import Health
from ingestq_worker.metrics import WorkerMetrics
from ingestq_worker.settings import Settings

log = logging.getLogger("ingestq")
JOB_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


class Worker:
    def __init__(
        self,
        settings: Settings,
        *,
        s3,
        sqs,
        dynamodb,
        metrics: WorkerMetrics,
        health: Health,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.settings = settings
        self.s3, self.sqs, self.dynamodb = s3, sqs, dynamodb
        self.metrics = metrics
        self.health = health
        self.clock = clock

    def handle(self, message: dict) -> str:
        # TODO: steps 1..5, "failed" on any exception, metrics around it.
        raise NotImplementedError

    def run_once(self, stop: threading.Event) -> int:
        # TODO: beat, receive one batch, handle it; release the rest once stop is set.
        raise NotImplementedError

    def run(self, stop: threading.Event) -> None:
        # TODO
        raise NotImplementedError


def install_sigterm(stop: threading.Event, health: Health):
    # TODO: signal.signal(signal.SIGTERM, ...) with a handler that only drains.
    raise NotImplementedError
