"""Spark engine: the same readers and pipeline per partition, one model per Python worker.

    detente code --engine spark --master local[2] INPUT... --out DIR

Three stages, all lazy until the write:

1. read: JSONL/NDJSON (and line-delimited .json, optionally .gz/.bz2) as text
   lines, so they split across tasks; Parquet rows as JSON objects of their
   known columns; everything else (CSV, .txt/.md, HTML, folders, globs) as whole
   files (`binaryFile`, recursive). Each record or file is turned into Documents
   on the Python workers by the *local* readers (`read_text`, `read_csv`,
   `read_html`, `read_jsonl`, `read_tsv`, `record_to_document`), so ids, titles, dates and
   text normalisation are those of the local engine, byte for byte.
2. deduplicate documents by doc_id, keeping the first in input order (input,
   file, position): what the local store keeps.
3. code with `mapInArrow`: the Pipeline is built once per Python worker and
   reused across partitions (Python workers are reused by Spark); events are
   deduplicated by event_id within a document, first kept, as the store does.
   Since event_id hashes the doc_id, that makes them unique in the output.

Events are written as Parquet partitioned by ``event_month=YYYY-MM`` (or
``event_month=unknown``), with the columns of the DuckDB ``events`` table.
See docs/spark.md for running on a cluster.
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from detente.columns import EVENT_SCHEMA, arrow_schema, spark_ddl
from detente.model import Document, IngestIssue
from detente.pipeline import Pipeline, PipelineConfig

LINE_EXT = {".jsonl", ".ndjson", ".json"}  # one JSON object per line: split across tasks
PARQUET_EXT = {".parquet"}
COMPRESSED_EXT = {".gz", ".bz2"}  # decompressed by Spark's line reader
RECORD_COLUMNS = ("id", "doc_id", "text", "title", "published", "date", "source", "url", "author")
DEFAULT_ARROW_BATCH = 256  # documents per Arrow batch handed to a Python worker


def event_schema() -> str:
    """Spark DDL schema of the event rows (the columns and types of the DuckDB events table)."""
    return spark_ddl(EVENT_SCHEMA)


# Raw input rows (stage 1 input) and normalised documents (stage 1 output, stage 3 input).
RAW_SCHEMA = "_input int, _file string, _pos bigint, _kind string, line string, content binary"
DOC_SCHEMA = ("doc_id string, text string, title string, source string, url string, published date, "
              "author string, path string, _input int, _file string, _pos bigint")


def _arrow_doc_schema():
    import pyarrow as pa

    s, i, b = pa.string(), pa.int32(), pa.int64()
    return pa.schema([("doc_id", s), ("text", s), ("title", s), ("source", s), ("url", s),
                      ("published", pa.date32()), ("author", s), ("path", s),
                      ("_input", i), ("_file", s), ("_pos", b)])


# ---- per-Python-worker state ---------------------------------------------------------------
_PIPELINES: dict[str, Pipeline] = {}  # one per worker process (PipelineConfig is unhashable: key by repr)


def _executor_pipeline(config: PipelineConfig) -> Pipeline:
    key = repr(config)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(config)
    return _PIPELINES[key]


# ---- stage 1: raw rows -> Documents (the local readers, on the workers) --------------------------
def _local_path(uri: str) -> str:
    """'file:/a/b%20c.txt' -> '/a/b c.txt'; other schemes keep their URI (decoded)."""
    p = unquote(uri)
    if p.startswith("file:///"):
        return p[len("file://"):]
    if p.startswith("file:/") and not p.startswith("file://"):
        return p[len("file:"):]
    return p


def _file_documents(path: str, data: bytes, published: date | None) -> Iterator[Document | IngestIssue]:
    """One file, read by the local reader for its extension (as a folder walk would)."""
    from detente.ingest.discover import CSV_EXT, HTML_EXT, JSONL_EXT, PARQUET_EXT, TEXT_EXT, TSV_EXT
    from detente.ingest.readers import read_html, read_text
    from detente.ingest.tabular import read_csv, read_jsonl, read_parquet, read_tsv

    p = Path(path)
    ext = p.suffix.lower()
    if ext in TEXT_EXT:
        yield from read_text(p, data, published)
    elif ext in HTML_EXT:
        yield from read_html(p, data, published)
    elif ext in CSV_EXT:
        yield from read_csv(p, data, published)
    elif ext in TSV_EXT:
        yield from read_tsv(p, data, published)
    elif ext in PARQUET_EXT:  # a Parquet file inside a folder input
        yield from read_parquet(p, io.BytesIO(data), published)
    elif ext in JSONL_EXT:
        yield from read_jsonl(p, io.BytesIO(data), published)


def _line_document(path: str, line: str, published: date | None) -> Document | IngestIssue | None:
    """One JSONL line, exactly as `read_jsonl` treats it (blank lines skipped)."""
    from detente.ingest.tabular import parse_json_line, record_to_document

    line = line.lstrip("\ufeff")
    if not line.strip():
        return None
    rec = parse_json_line(line)
    if isinstance(rec, str):
        return IngestIssue(path, None, rec)
    return record_to_document(rec, Path(path), 0, published)


def _raw_documents(rows: Iterable[dict[str, Any]], published: date | None) -> Iterator[tuple[Document | IngestIssue, dict]]:
    for r in rows:
        path = _local_path(r["_file"] or "<spark>")
        if r["_kind"] == "file":
            for doc in _file_documents(path, r["content"] or b"", published):
                yield doc, r
        else:
            doc = _line_document(path, r["line"] or "", published)
            if doc is not None:
                yield doc, r


def _normalise(published: date | None, issues=None):
    def run(batches):
        import pyarrow as pa

        schema = _arrow_doc_schema()
        for batch in batches:
            out = []
            for doc, r in _raw_documents(batch.to_pylist(), published):
                if isinstance(doc, IngestIssue):
                    if issues is not None:
                        issues.add(1)
                    continue
                # order key: input, file (path parts, compared as Path objects compare), position
                pos = r["_pos"] if r["_kind"] != "file" else (doc.line or 0)
                out.append({"doc_id": doc.doc_id, "text": doc.text, "title": doc.title, "source": doc.source,
                            "url": doc.url, "published": doc.published, "author": doc.author, "path": doc.path,
                            "_input": r["_input"], "_file": _local_path(r["_file"] or "").replace("/", "\x00"),
                            "_pos": pos})
            yield pa.RecordBatch.from_pylist(out, schema=schema)
    return run


# ---- stage 3: Documents -> events ---------------------------------------------------------------
def _code_partition(config: PipelineConfig, max_rows: int = 20_000):
    def run(batches):
        import pyarrow as pa

        schema = arrow_schema(EVENT_SCHEMA)
        pipe = _executor_pipeline(config)
        for batch in batches:
            docs = (Document(doc_id=r["doc_id"], text=r["text"], title=r["title"], source=r["source"], url=r["url"],
                             published=r["published"], author=r["author"], path=r["path"])
                    for r in batch.to_pylist())
            rows: list[dict] = []
            for _, events, _ in pipe.run(docs):
                seen: set[str] = set()
                for e in events:  # identical events in one document: keep the first, as the store does
                    if e.event_id not in seen:
                        seen.add(e.event_id)
                        rows.append(e.to_row())
                if len(rows) >= max_rows:
                    yield pa.RecordBatch.from_pylist(rows, schema=schema)
                    rows = []
            if rows:
                yield pa.RecordBatch.from_pylist(rows, schema=schema)
    return run


# ---- reading --------------------------------------------------------------------------------
def _input_kind(path: str) -> str:
    suffixes = [s.lower() for s in PurePosixPath(path.rstrip("/")).suffixes]
    if suffixes and suffixes[-1] in COMPRESSED_EXT:
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    if ext in LINE_EXT:
        return "line"
    if ext in PARQUET_EXT:
        return "parquet"
    return "file"


def _read(spark, path: str, index: int):
    """Raw rows (RAW_SCHEMA) of one input path, folder or glob."""
    from pyspark.sql import functions as F

    from detente.ingest.discover import SUPPORTED

    kind = _input_kind(path)
    pos = F.monotonically_increasing_id()
    if kind == "line":
        df = spark.read.text(path)
        cols = [F.col("_metadata.file_path"), pos, F.lit("line"), F.col("value"), F.lit(None).cast("binary")]
    elif kind == "parquet":
        df = spark.read.parquet(path)
        lower = {c.lower(): c for c in df.columns}
        keep = [F.col(f"`{lower[c]}`").cast("string").alias(c) for c in RECORD_COLUMNS if c in lower]
        if "text" not in lower:
            raise ValueError(f"{path}: Parquet input has no 'text' column (columns: {', '.join(df.columns)})")
        cols = [F.col("_metadata.file_path"), pos, F.lit("line"), F.to_json(F.struct(*keep)),
                F.lit(None).cast("binary")]
    else:  # a file, a folder (recursive) or a glob: whole files, read by the local reader of their extension
        df = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(path)
        exts = sorted(SUPPORTED | {e.upper() for e in SUPPORTED})
        supported = None
        for e in exts:  # endswith is pushed down: unsupported files are never read
            cond = F.col("path").endswith(e)
            supported = cond if supported is None else supported | cond
        df = df.filter(supported)
        cols = [F.col("path"), F.lit(0).cast("bigint"), F.lit("file"), F.lit(None).cast("string"), F.col("content")]
    names = ["_file", "_pos", "_kind", "line", "content"]
    return df.select(F.lit(index).alias("_input"), *[c.alias(n) for c, n in zip(cols, names)])


# ---- sessions and runs ---------------------------------------------------------------------
def spark_session(master: str | None = "local[2]", app_name: str = "detente"):
    """A SparkSession for the engine (or the active one, with the engine's SQL settings).

    Under spark-submit (or the pyspark shell) the submitted master and settings are
    kept and `master` is ignored. On a local master started from Python, the Python
    workers run this interpreter (sys.executable) unless PYSPARK_PYTHON says otherwise;
    on a cluster, ship an environment and set spark.pyspark.python (docs/spark.md).
    """
    from pyspark.sql import SparkSession

    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # the JVM and its conf came from spark-submit
    builder = (SparkSession.builder.appName(app_name)
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(DEFAULT_ARROW_BATCH)))
    if not submitted and master:
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = (builder.config("spark.ui.enabled", "false")
                       .config("spark.pyspark.python", os.environ["PYSPARK_PYTHON"]))
    return builder.getOrCreate()


_AUTHORITY_SCHEMES = ("s3", "s3a", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs", "oss", "cos", "r2")


def _output_uri(out: str) -> str:
    """Undo pathlib's 's3a://bucket/x' -> 's3a:/bucket/x' (a CLI option typed Path) for object stores."""
    scheme, sep, rest = out.partition(":/")
    if sep and scheme.lower() in _AUTHORITY_SCHEMES and not rest.startswith("/"):
        return f"{scheme}://{rest}"
    return out


def _partitions(spark, raw, partitions: int | None) -> int:
    if partitions:
        return partitions
    conf = spark.conf.get("spark.detente.partitions", None)
    if conf:
        return int(conf)
    # ~16 MB of input per coding task (8 per 128 MB input split), at least 2 tasks per core
    return max(2 * spark.sparkContext.defaultParallelism, 8 * raw.rdd.getNumPartitions())


def documents_frame(spark, inputs: Sequence[str], published: date | None = None, partitions: int | None = None,
                    issues=None):
    """Normalised, deduplicated documents (DOC_SCHEMA), hash-partitioned by doc_id (lazy)."""
    from functools import reduce

    from pyspark.sql import Window
    from pyspark.sql import functions as F

    if not inputs:
        raise ValueError("no inputs")
    if any(str(p) == "-" for p in inputs):
        raise ValueError("the Spark engine reads paths, not stdin ('-'): write the JSONL to a file")
    raw = reduce(lambda a, b: a.unionByName(b), [_read(spark, str(p), i) for i, p in enumerate(inputs)])
    n = _partitions(spark, raw, partitions)
    docs = raw.mapInArrow(_normalise(published, issues), schema=DOC_SCHEMA)
    first = Window.partitionBy("doc_id").orderBy("_input", "_file", "_pos")
    return (docs.repartition(n, "doc_id")
            .withColumn("_rank", F.row_number().over(first))
            .filter(F.col("_rank") == 1)
            .drop("_rank"))


def code_frame(spark, inputs: Sequence[str], config: PipelineConfig | None = None, published: date | None = None,
               partitions: int | None = None, issues=None):
    """A Spark DataFrame of coded events for the inputs (lazy), columns as the DuckDB events table."""
    docs = documents_frame(spark, inputs, published, partitions, issues)
    return docs.mapInArrow(_code_partition(config or PipelineConfig()), schema=event_schema())


def run_spark(inputs: Sequence[str], out_dir: str, master: str = "local[2]",
              config: PipelineConfig | None = None, published: date | None = None,
              partitions: int | None = None, spark=None) -> int:
    """Code inputs on Spark and write Parquet partitioned by event_month; returns the event count.

    `out_dir` is replaced (Spark overwrite mode). `partitions`: coding tasks (default: the
    spark.detente.partitions setting, else ~16 MB of input per task and at least 2 per core).
    """
    from pyspark.sql import functions as F

    spark = spark or spark_session(master)
    out_dir = _output_uri(str(out_dir))
    issues = spark.sparkContext.accumulator(0)
    events = code_frame(spark, [str(p) for p in inputs], config, published, partitions, issues)
    month = F.coalesce(F.date_format("event_date", "yyyy-MM"), F.lit("unknown"))
    events.withColumn("event_month", month).write.mode("overwrite").partitionBy("event_month").parquet(out_dir)
    if issues.value:
        print(f"detente: {issues.value} input record(s) skipped with errors "
              "(run the local engine on them for details)", file=sys.stderr)
    # the count comes from the Parquet footers, not from a second coding pass
    return spark.read.schema(f"{event_schema()}, event_month string").parquet(out_dir).count()
