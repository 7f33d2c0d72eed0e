"""Spark engine: the same pipeline per partition, one model per executor process.

    detente code --engine spark --master local[2] INPUT... --out DIR

reads JSONL/NDJSON, CSV, Parquet or text from any Spark-readable path, codes
each partition with `mapInPandas` (the Pipeline is built once per Python
worker and reused across partitions), and writes Parquet partitioned by
`event_month`. Documents are normalised by the same code as the local readers,
so the events are identical to the local engine's on the same input.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from detente.model import EVENT_COLUMNS, Document
from detente.pipeline import Pipeline, PipelineConfig

_INT = {"sentence_index", "sentence_start", "quad_class", "trigger_start", "trigger_end", "source_start",
        "source_end", "target_start", "target_end"}
_DOUBLE = {"goldstein", "latitude", "longitude", "confidence"}


def event_schema() -> str:
    """Spark DDL schema of the event rows (same columns as the DuckDB events table)."""
    def typ(c: str) -> str:
        if c in _INT:
            return "int"
        if c in _DOUBLE:
            return "double"
        if c == "geonames_id":
            return "bigint"
        if c == "event_date":
            return "date"
        return "string"

    return ", ".join(f"{c} {typ(c)}" for c in EVENT_COLUMNS)


@lru_cache(maxsize=1)
def _executor_pipeline(config: PipelineConfig) -> Pipeline:
    return Pipeline(config)  # once per Python worker process, reused by every partition


def _documents(pdf, published: date | None) -> Iterator[Document]:
    from detente.ingest.readers import record_to_document

    for rec in pdf.to_dict("records"):
        rec = {k: (None if v is None or v != v else v) for k, v in rec.items()}  # NaN -> None
        kind = rec.pop("_kind", "record")
        path = rec.pop("_path", "<spark>")
        if kind == "text":
            text = (rec.get("text") or "").replace("\r\n", "\n").replace("\r", "\n")
            if text.strip():
                yield Document(Document.make_id(text), text, title=next(
                    (ln.strip()[:300] for ln in text.splitlines() if ln.strip()), None),
                    published=published, path=path)
            continue
        doc = record_to_document(rec, Path(path), 0, published)
        if isinstance(doc, Document):
            doc.line = None
            yield doc


def _code_partition(config: PipelineConfig, published: date | None):
    def run(frames):
        import pandas as pd

        pipe = _executor_pipeline(config)
        for pdf in frames:
            rows = [e.to_row() for _, evs, _ in pipe.run(_documents(pdf, published)) for e in evs]
            yield pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    return run


def _read(spark, path: str):
    from pyspark.sql import functions as F

    ext = Path(path.rstrip("/")).suffix.lower()
    if ext in (".jsonl", ".ndjson", ".json"):
        df = spark.read.json(path)
    elif ext == ".csv":
        df = spark.read.csv(path, header=True, multiLine=True, escape='"')
    elif ext == ".parquet":
        df = spark.read.parquet(path)
    else:  # text files or folders of them: one document per file
        df = spark.read.text(path, wholetext=True).withColumn("_kind", F.lit("text"))
        return df.withColumn("_path", F.input_file_name())
    keep = [c for c in ("id", "doc_id", "text", "title", "published", "date", "source", "url", "author")
            if c in df.columns]
    df = df.select(*[F.col(c).cast("string") for c in keep])
    return df.withColumn("_kind", F.lit("record")).withColumn("_path", F.lit(path))


def spark_session(master: str = "local[2]", app_name: str = "detente"):
    from pyspark.sql import SparkSession

    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate())


def code_frame(spark, inputs: Sequence[str], config: PipelineConfig, published: date | None = None):
    """A Spark DataFrame of coded events for the inputs (lazy)."""
    from functools import reduce

    from pyspark.sql import functions as F

    frames = [_read(spark, p) for p in inputs]
    cols = sorted({c for f in frames for c in f.columns})
    frames = [f.select(*[F.col(c) if c in f.columns else F.lit(None).cast("string").alias(c) for c in cols])
              for f in frames]
    df = reduce(lambda a, b: a.unionByName(b), frames)
    return df.mapInPandas(_code_partition(config, published), schema=event_schema())


def run_spark(inputs: Sequence[str], out_dir: str, master: str = "local[2]",
              config: PipelineConfig | None = None, published: date | None = None) -> int:
    """Code inputs on Spark and write Parquet partitioned by event month; returns the event count."""
    from pyspark.sql import functions as F

    spark = spark_session(master)
    events = code_frame(spark, [str(p) for p in inputs], config or PipelineConfig(), published)
    events = events.withColumn("event_month", F.coalesce(F.date_format("event_date", "yyyy-MM"), F.lit("unknown")))
    events = events.dropDuplicates(["event_id"]).cache()
    n = events.count()
    events.write.mode("overwrite").partitionBy("event_month").parquet(out_dir)
    events.unpersist()
    return n
