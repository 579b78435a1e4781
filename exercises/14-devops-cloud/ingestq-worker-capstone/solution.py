"""The ingestq worker: receive, summarise, record once, delete; drain on SIGTERM."""
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
        outcome = "failed"
        self.metrics.in_flight.inc()
        start = self.clock()
        try:
            body = json.loads(message["Body"])
            job_id, key = body["job_id"], body["key"]
            if not isinstance(job_id, str) or not JOB_ID.fullmatch(job_id):
                raise ValueError("job_id must be 1..64 letters, digits or '-'")
            result = summarize_object(self.s3, self.settings.input_bucket, key)
            result_key = save_result(self.s3, self.settings.results_bucket, job_id, result)
            first = record_done(self.dynamodb, self.settings.table, job_id, result_key)
            self.sqs.delete_message(QueueUrl=self.settings.queue_url, ReceiptHandle=message["ReceiptHandle"])
            outcome = "processed" if first else "duplicate"
        except Exception:
            log.exception("message %s failed", message["MessageId"])
        finally:
            self.metrics.seconds.observe(self.clock() - start)
            self.metrics.in_flight.dec()
            self.metrics.messages.labels(outcome).inc()
        return outcome

    def run_once(self, stop: threading.Event) -> int:
        self.health.beat()
        response = self.sqs.receive_message(
            QueueUrl=self.settings.queue_url,
            MaxNumberOfMessages=self.settings.batch_size,
            VisibilityTimeout=self.settings.visibility_timeout,
            WaitTimeSeconds=self.settings.wait_seconds,
        )
        messages = response.get("Messages", [])
        for index, message in enumerate(messages):
            if stop.is_set():
                for left in messages[index:]:
                    self.sqs.change_message_visibility(
                        QueueUrl=self.settings.queue_url, ReceiptHandle=left["ReceiptHandle"], VisibilityTimeout=0
                    )
                return index
            self.handle(message)
        return len(messages)

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.run_once(stop)
        self.health.start_draining()


def install_sigterm(stop: threading.Event, health: Health):
    def on_sigterm(signum, frame):
        health.start_draining()
        stop.set()

    return signal.signal(signal.SIGTERM, on_sigterm)
