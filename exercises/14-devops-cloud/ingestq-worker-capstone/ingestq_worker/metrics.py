"""Prometheus metrics of the worker, on a registry the caller owns.

WorkerMetrics(registry) creates, each with registry=registry:
    messages   Counter   "ingestq_messages_total"     help "Messages handled, by outcome."
               one label, "outcome": one of OUTCOMES (never a job id or a key:
               every label value is a time series of its own)
    seconds    Histogram "ingestq_processing_seconds" help "Time spent handling one message."
               (the default buckets)
    in_flight  Gauge     "ingestq_in_flight"          help "Messages being handled right now."
and touches messages.labels(outcome) for every outcome, so that each series
exists at 0 from the start: a rate() or an alert on "failed" must see 0
before the first failure, not a missing series.
"""
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

OUTCOMES = ("processed", "duplicate", "failed")


class WorkerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        # TODO: self.messages, self.seconds, self.in_flight; pre-create the outcome series.
        raise NotImplementedError
