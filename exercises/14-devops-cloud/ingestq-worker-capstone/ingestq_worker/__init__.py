"""ingestq: a queue worker that summarises S3 objects (settings, aws, metrics, health)."""
