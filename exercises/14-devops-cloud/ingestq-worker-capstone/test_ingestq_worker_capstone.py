"""The worker against moto's fake S3, SQS and DynamoDB: fake credentials, no network, no bill."""
import hashlib
import json
import logging
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from ingestq_worker.aws import record_done, save_result, summarize_object
from ingestq_worker.health import Health
from ingestq_worker.metrics import WorkerMetrics
from ingestq_worker.settings import Settings
from ingestq_worker_capstone import Worker, install_sigterm

INPUT, RESULTS, TABLE, QUEUE = "ingestq-input", "ingestq-results", "ingestq-jobs", "ingestq-jobs"
TEXT = "hello world\nzwei Wörter\n"
# One boto3 session for the file: it loads each service model once, so each test's clients are quick.
SESSION = boto3.session.Session()


class Ticker:
    """A clock that moves on by `step` seconds every time it is read."""

    def __init__(self, start=100.0, step=0.5):
        self.now, self.step = start - step, step

    def __call__(self):
        self.now += self.step
        return self.now


class ManualClock:
    def __init__(self):
        self.now = 500.0

    def __call__(self):
        return self.now


@pytest.fixture
def aws(monkeypatch):
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with mock_aws():
        s3, sqs, dynamodb = SESSION.client("s3"), SESSION.client("sqs"), SESSION.client("dynamodb")
        for bucket in (INPUT, RESULTS):
            s3.create_bucket(Bucket=bucket)
        dynamodb.create_table(
            TableName=TABLE, BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "job_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "job_id", "AttributeType": "S"}],
        )
        queue_url = sqs.create_queue(QueueName=QUEUE)["QueueUrl"]
        yield {"s3": s3, "sqs": sqs, "dynamodb": dynamodb, "queue_url": queue_url}


@pytest.fixture
def settings(aws):
    return Settings.from_env({
        "INGESTQ_QUEUE_URL": aws["queue_url"], "INGESTQ_INPUT_BUCKET": INPUT,
        "INGESTQ_RESULTS_BUCKET": RESULTS, "INGESTQ_TABLE": TABLE,
        "INGESTQ_VISIBILITY_TIMEOUT": "30", "INGESTQ_BATCH_SIZE": "10", "INGESTQ_WAIT_SECONDS": "0",
    })


@pytest.fixture
def registry():
    return CollectorRegistry()


@pytest.fixture
def health():
    return Health({}, clock=ManualClock())


@pytest.fixture
def worker(aws, settings, registry, health):
    return Worker(settings, s3=aws["s3"], sqs=aws["sqs"], dynamodb=aws["dynamodb"],
                  metrics=WorkerMetrics(registry), health=health, clock=Ticker())


def send(aws, job_id, key, **extra):
    aws["sqs"].send_message(QueueUrl=aws["queue_url"], MessageBody=json.dumps({"job_id": job_id, "key": key, **extra}))


def receive(aws, visibility=30):
    response = aws["sqs"].receive_message(QueueUrl=aws["queue_url"], MaxNumberOfMessages=10,
                                          VisibilityTimeout=visibility, WaitTimeSeconds=0)
    return response.get("Messages", [])


def queue_counts(aws):
    attributes = aws["sqs"].get_queue_attributes(QueueUrl=aws["queue_url"], AttributeNames=["All"])["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]), int(attributes["ApproximateNumberOfMessagesNotVisible"])


def put_input(aws, key="incoming/report.txt", text=TEXT, bucket=INPUT):
    aws["s3"].put_object(Bucket=bucket, Key=key, Body=text.encode())


def outcomes(registry):
    text = generate_latest(registry).decode()
    return {
        sample.labels["outcome"]: sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "ingestq_messages_total"
    }


def job_record(aws, job_id):
    return aws["dynamodb"].get_item(TableName=TABLE, Key={"job_id": {"S": job_id}}).get("Item")


# --- settings.py (done) ------------------------------------------------------------------------


def test_settings_come_from_the_environment(settings, aws):
    assert (settings.queue_url, settings.visibility_timeout, settings.wait_seconds) == (aws["queue_url"], 30, 0)


# --- aws.py ------------------------------------------------------------------------------------


def test_summarize_object_counts_bytes_lines_and_words(aws):
    put_input(aws)
    assert summarize_object(aws["s3"], INPUT, "incoming/report.txt") == {
        "key": "incoming/report.txt", "bytes": len(TEXT.encode()), "lines": 2, "words": 4,
        "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
    }, "bytes count the UTF-8 bytes (ö is two), not the characters"


def test_summarize_object_lets_a_missing_object_fail(aws):
    with pytest.raises(ClientError, match="NoSuchKey"):
        summarize_object(aws["s3"], INPUT, "incoming/missing.txt")


def test_save_result_writes_sorted_json_with_its_content_type(aws):
    key = save_result(aws["s3"], RESULTS, "job-7", {"words": 4, "key": "a.txt", "lines": 2})
    assert key == "results/job-7.json"
    stored = aws["s3"].get_object(Bucket=RESULTS, Key=key)
    assert stored["ContentType"] == "application/json"
    assert stored["Body"].read() == b'{"key": "a.txt", "lines": 2, "words": 4}', "json.dumps(result, sort_keys=True)"


def test_record_done_records_a_job_once(aws):
    assert record_done(aws["dynamodb"], TABLE, "job-7", "results/job-7.json") is True
    assert record_done(aws["dynamodb"], TABLE, "job-7", "results/other.json") is False, "the second time: False"
    assert job_record(aws, "job-7") == {"job_id": {"S": "job-7"}, "result_key": {"S": "results/job-7.json"}}, (
        "the first record must stay: a conditional put never overwrites"
    )
    assert record_done(aws["dynamodb"], TABLE, "job-8", "results/job-8.json") is True


def test_record_done_is_safe_when_two_workers_race(aws):
    other_worker = SESSION.client("dynamodb")
    raced = []

    def other_worker_writes_first(**kwargs):
        if not raced:
            raced.append(True)
            other_worker.put_item(TableName=TABLE, Item={"job_id": {"S": "job-7"}, "result_key": {"S": "theirs"}})

    aws["dynamodb"].meta.events.register("before-call.dynamodb.PutItem", other_worker_writes_first)
    first = record_done(aws["dynamodb"], TABLE, "job-7", "mine")
    assert job_record(aws, "job-7")["result_key"] == {"S": "theirs"}, (
        "another worker recorded the job between your check and your write, and you overwrote it: "
        "make the put_item itself conditional (ConditionExpression='attribute_not_exists(job_id)')"
    )
    assert first is False


def test_record_done_lets_other_errors_through(aws):
    with pytest.raises(ClientError, match="ResourceNotFoundException"):
        record_done(aws["dynamodb"], "no-such-table", "job-7", "results/job-7.json")


# --- metrics.py --------------------------------------------------------------------------------


def test_metrics_have_their_names_types_and_help(registry):
    WorkerMetrics(registry)
    families = {f.name: (f.type, f.documentation) for f in text_string_to_metric_families(generate_latest(registry).decode())}
    assert families["ingestq_messages"] == ("counter", "Messages handled, by outcome.")
    assert families["ingestq_processing_seconds"] == ("histogram", "Time spent handling one message.")
    assert families["ingestq_in_flight"] == ("gauge", "Messages being handled right now.")


def test_metrics_start_every_outcome_at_zero(registry):
    WorkerMetrics(registry)
    assert outcomes(registry) == {"processed": 0.0, "duplicate": 0.0, "failed": 0.0}, (
        "touch messages.labels(outcome) for each outcome in __init__: an alert on failures needs a 0, "
        "not a missing series"
    )


def test_metrics_belong_to_the_given_registry():
    first, second = CollectorRegistry(), CollectorRegistry()
    WorkerMetrics(first).messages.labels("failed").inc()
    WorkerMetrics(second)
    assert outcomes(first)["failed"] == 1.0 and outcomes(second)["failed"] == 0.0


# --- health.py ---------------------------------------------------------------------------------


def test_health_is_live_only_while_the_loop_beats():
    clock = ManualClock()
    health = Health({}, clock=clock, max_silence=30.0)
    assert health.live() is False, "no beat yet: the loop never ran"
    health.beat()
    clock.now += 30.0
    assert health.live() is True, "exactly max_silence seconds since the beat is still live"
    clock.now += 0.5
    assert health.live() is False, "the loop is stuck: not live, so the orchestrator restarts it"
    health.beat()
    assert health.live() is True


def test_health_live_defaults_to_sixty_seconds():
    clock = ManualClock()
    health = Health({}, clock=clock)
    health.beat()
    clock.now += 60.0
    assert health.live() is True
    clock.now += 0.5
    assert health.live() is False


def test_ready_runs_every_check_on_every_call():
    calls = []
    state = {"sqs": True}

    def sqs_check():
        calls.append("sqs")
        if not state["sqs"]:
            raise ConnectionError("https://user:s3cr3t@sqs.internal unreachable")

    health = Health({"s3": lambda: calls.append("s3"), "sqs": sqs_check}, clock=ManualClock())
    health.beat()
    assert health.ready() == {"ready": True, "live": True, "draining": False, "checks": {"s3": "ok", "sqs": "ok"}}
    state["sqs"] = False
    report = health.ready()
    assert calls == ["s3", "sqs", "s3", "sqs"], "run every check on every ready() call: a cached 'ok' is a lie"
    assert report == {"ready": False, "live": True, "draining": False,
                      "checks": {"s3": "ok", "sqs": "failing: ConnectionError"}}, (
        "a failing check makes ready False and shows 'failing: <exception class name>'"
    )
    assert "s3cr3t" not in json.dumps(report), "never show an exception's message: it may hold a password"


def test_ready_is_false_while_draining_but_the_process_stays_live():
    health = Health({"s3": lambda: None}, clock=ManualClock())
    health.beat()
    health.start_draining()
    assert health.ready() == {"ready": False, "live": True, "draining": True, "checks": {"s3": "ok"}}, (
        "a draining worker takes no new work (not ready) but is not stuck (still live)"
    )


def test_ready_is_false_when_the_loop_is_not_live():
    clock = ManualClock()
    health = Health({"s3": lambda: None}, clock=clock, max_silence=10.0)
    assert health.ready()["ready"] is False, "before the first beat the worker is not ready"
    health.beat()
    clock.now += 11.0
    assert health.ready() == {"ready": False, "live": False, "draining": False, "checks": {"s3": "ok"}}


# --- the worker --------------------------------------------------------------------------------


def test_handle_processes_records_and_deletes_a_message(aws, worker, registry):
    put_input(aws)
    send(aws, "job-7", "incoming/report.txt")
    [message] = receive(aws)
    assert worker.handle(message) == "processed"
    result = json.loads(aws["s3"].get_object(Bucket=RESULTS, Key="results/job-7.json")["Body"].read())
    assert result["words"] == 4 and result["key"] == "incoming/report.txt"
    assert job_record(aws, "job-7")["result_key"] == {"S": "results/job-7.json"}
    assert queue_counts(aws) == (0, 0), "a processed message is deleted from the queue"
    assert outcomes(registry) == {"processed": 1.0, "duplicate": 0.0, "failed": 0.0}
    assert registry.get_sample_value("ingestq_in_flight") == 0.0
    assert registry.get_sample_value("ingestq_processing_seconds_sum") == 0.5, (
        "observe clock() after minus clock() before, from the worker's injected clock"
    )


def test_handle_a_job_delivered_twice_is_a_duplicate(aws, worker, registry):
    put_input(aws)
    send(aws, "job-7", "incoming/report.txt")
    send(aws, "job-7", "incoming/report.txt")
    first, second = receive(aws)
    assert [worker.handle(first), worker.handle(second)] == ["processed", "duplicate"]
    assert queue_counts(aws) == (0, 0), "a duplicate is done as well: delete it too"
    assert outcomes(registry) == {"processed": 1.0, "duplicate": 1.0, "failed": 0.0}


def test_handle_deletes_the_message_only_after_the_job_is_recorded(aws, worker):
    put_input(aws)
    send(aws, "job-7", "incoming/report.txt")
    [message] = receive(aws)
    seen = []
    aws["sqs"].meta.events.register(
        "before-call.sqs.DeleteMessage",
        lambda **kwargs: seen.append((job_record(aws, "job-7") is not None,
                                      "Contents" in aws["s3"].list_objects_v2(Bucket=RESULTS))),
    )
    worker.handle(message)
    assert seen == [(True, True)], (
        "delete the message LAST: deleted first, a crash in between loses the job for ever"
    )


def test_handle_a_failure_leaves_the_message_for_redelivery(aws, worker, registry, caplog):
    send(aws, "job-9", "incoming/missing.txt")
    [message] = receive(aws)
    with caplog.at_level(logging.ERROR, logger="ingestq"):
        try:
            outcome = worker.handle(message)
        except Exception as error:
            pytest.fail(f"handle let {type(error).__name__} escape: catch it, log it, and return 'failed' "
                        "(one bad message must not kill the worker)")
    assert outcome == "failed"
    assert queue_counts(aws) == (0, 1), (
        "a failed message is NOT deleted: it stays hidden for the visibility timeout, then SQS delivers it again"
    )
    assert receive(aws) == [], "and until then no other worker sees it"
    assert outcomes(registry) == {"processed": 0.0, "duplicate": 0.0, "failed": 1.0}
    assert registry.get_sample_value("ingestq_in_flight") == 0.0
    assert registry.get_sample_value("ingestq_processing_seconds_count") == 1.0, "a failure's duration is observed too"
    failures = [r for r in caplog.records if r.name == "ingestq" and r.getMessage() == f"message {message['MessageId']} failed"]
    assert failures, (
        "log.exception(\"message %s failed\", message[\"MessageId\"]) on the 'ingestq' logger, "
        f"got {[(r.name, r.getMessage()) for r in caplog.records]}"
    )
    assert failures[0].exc_info, "log.exception logs the traceback too"
    assert job_record(aws, "job-9") is None


@pytest.mark.parametrize(
    "body",
    ["not json", json.dumps({"key": "incoming/report.txt"}), json.dumps({"job_id": "job-1"}),
     json.dumps({"job_id": "../../results/x", "key": "incoming/report.txt"}),
     json.dumps({"job_id": "j" * 65, "key": "incoming/report.txt"}),
     json.dumps({"job_id": "job-1\n", "key": "incoming/report.txt"}),
     json.dumps({"job_id": "", "key": "incoming/report.txt"}),
     json.dumps({"job_id": 7, "key": "incoming/report.txt"}),
     json.dumps({"job_id": "job-1", "key": ["incoming/report.txt"]})],
    ids=["not-json", "no-job-id", "no-key", "job-id-path", "job-id-65-chars", "job-id-newline",
         "job-id-empty", "job-id-number", "key-list"],
)
def test_handle_a_malformed_message_fails_without_writing(aws, worker, body):
    put_input(aws)
    aws["sqs"].send_message(QueueUrl=aws["queue_url"], MessageBody=body)
    [message] = receive(aws)
    assert worker.handle(message) == "failed", (
        f"{body!r} is not a valid job: the body must be JSON with a job_id that FULLY matches [A-Za-z0-9-]{{1,64}} "
        "and a string key"
    )
    assert "Contents" not in aws["s3"].list_objects_v2(Bucket=RESULTS), "nothing may be written for a bad message"
    assert queue_counts(aws) == (0, 1), "a bad message is left for the dead-letter queue, not deleted"


def test_handle_accepts_a_64_character_job_id(aws, worker):
    put_input(aws)
    send(aws, "J-9" + "x" * 61, "incoming/report.txt")
    [message] = receive(aws)
    assert worker.handle(message) == "processed"


def test_handle_reads_only_the_input_bucket(aws, worker):
    aws["s3"].create_bucket(Bucket="other-team-bucket")
    put_input(aws, key="payroll.csv", text="secret salaries", bucket="other-team-bucket")
    send(aws, "job-1", "payroll.csv", bucket="other-team-bucket")
    [message] = receive(aws)
    assert worker.handle(message) == "failed", (
        "read from settings.input_bucket only: a message must not choose which bucket the worker reads"
    )


def test_handle_counts_itself_in_flight_while_it_works(aws, worker, registry):
    put_input(aws)
    send(aws, "job-7", "incoming/report.txt")
    [message] = receive(aws)
    seen = []
    aws["s3"].meta.events.register(
        "before-call.s3.GetObject", lambda **kwargs: seen.append(registry.get_sample_value("ingestq_in_flight")))
    worker.handle(message)
    assert seen == [1.0], "in_flight goes up before the work starts"


def test_run_once_receives_one_batch_with_the_settings(aws, worker, health):
    put_input(aws)
    for n in range(3):
        send(aws, f"job-{n}", "incoming/report.txt")
    asked = []
    aws["sqs"].meta.events.register(
        "before-parameter-build.sqs.ReceiveMessage", lambda params, **kwargs: asked.append(dict(params)))
    assert worker.run_once(threading.Event()) == 3
    assert len(asked) == 1, "one receive_message per run_once"
    assert {k: v for k, v in asked[0].items() if k != "QueueUrl"} == {
        "MaxNumberOfMessages": 10, "VisibilityTimeout": 30, "WaitTimeSeconds": 0}, (
        "pass batch_size, visibility_timeout and wait_seconds from the settings"
    )
    assert queue_counts(aws) == (0, 0)
    assert health.live() is True, "run_once calls health.beat()"


def test_run_once_on_an_empty_queue_handles_nothing(aws, worker):
    assert worker.run_once(threading.Event()) == 0


def test_run_once_drains_when_stopped_and_hands_the_rest_back(aws, worker, registry):
    put_input(aws)
    for n in range(3):
        send(aws, f"job-{n}", "incoming/report.txt")
    stop = threading.Event()
    aws["s3"].meta.events.register("before-call.s3.GetObject", lambda **kwargs: stop.set())  # SIGTERM mid-message
    assert worker.run_once(stop) == 1, "the message being handled is finished, no new one is started"
    assert outcomes(registry)["processed"] == 1.0
    assert len(receive(aws, visibility=30)) == 2, (
        "the two messages not handled must go back to the queue at once "
        "(change_message_visibility(..., VisibilityTimeout=0)), not stay hidden for 30 s"
    )


def test_run_loops_until_stopped_then_drains(aws, worker, health, registry):
    put_input(aws)
    send(aws, "job-1", "incoming/report.txt")
    stop = threading.Event()
    receives = []

    def count_receive(**kwargs):
        receives.append(1)
        if len(receives) == 3:
            stop.set()

    aws["sqs"].meta.events.register("before-call.sqs.ReceiveMessage", count_receive)
    worker.run(stop)
    assert len(receives) == 3, "run keeps calling run_once until stop is set"
    assert outcomes(registry)["processed"] == 1.0
    assert health.draining is True, "when the loop ends, health.start_draining()"


@pytest.fixture
def restore_sigterm():
    previous = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, previous)


@pytest.mark.skipif(not hasattr(signal, "raise_signal"), reason="needs signal.raise_signal")
def test_sigterm_sets_stop_and_drains_without_exiting(restore_sigterm):
    stop, health = threading.Event(), Health({}, clock=ManualClock())
    previous = install_sigterm(stop, health)
    assert previous == signal.SIG_DFL or callable(previous), "return the previous handler"
    try:
        signal.raise_signal(signal.SIGTERM)
    except SystemExit:
        pytest.fail("the SIGTERM handler exited at once: it must only ask the loop to stop (stop.set()), "
                    "so the message in hand is finished")
    assert stop.is_set(), "SIGTERM must set the stop event"
    assert health.draining is True, "SIGTERM starts draining: readiness turns False at once"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_child_process_stops_cleanly_on_sigterm():
    here = Path(__file__).resolve().parent
    child = textwrap.dedent("""
        import threading, time
        from ingestq_worker.health import Health
        from ingestq_worker_capstone import install_sigterm
        stop = threading.Event()
        health = Health({}, clock=time.monotonic)
        install_sigterm(stop, health)
        print("started", flush=True)
        while not stop.wait(0.01):
            pass
        print("drained" if health.draining else "not draining", flush=True)
    """)
    process = subprocess.Popen([sys.executable, "-c", child], cwd=here, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "started"
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("the worker ignored SIGTERM (swallowed it?): the orchestrator will SIGKILL it mid-message")
    assert (process.returncode, out.strip()) == (0, "drained"), (
        "after SIGTERM the loop ends, drains and the process exits with 0"
    )


def test_readiness_checks_real_dependencies(aws, settings):
    checks = {
        "s3": lambda: aws["s3"].head_bucket(Bucket=settings.input_bucket),
        "sqs": lambda: aws["sqs"].get_queue_attributes(QueueUrl=settings.queue_url, AttributeNames=["QueueArn"]),
    }
    health = Health(checks, clock=ManualClock())
    health.beat()
    assert health.ready()["ready"] is True
    aws["s3"].delete_bucket(Bucket=INPUT)
    assert health.ready()["checks"] == {"s3": "failing: ClientError", "sqs": "ok"}
