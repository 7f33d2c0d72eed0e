"""Ingest stage: files, folders, stdin, URLs, feeds, sitemaps -> Document records (and
IngestIssue for bad input)."""
from detente.ingest.columns import Columns, read_columns
from detente.ingest.discover import SUPPORTED, IngestOptions, iter_files, read_file, read_inputs
from detente.ingest.metadata import Metadata, read_metadata
from detente.ingest.published import PUBLISHED_HOW, complete_published
from detente.ingest.readers import InputError, decode_bytes, parse_date

__all__ = ["PUBLISHED_HOW", "SUPPORTED", "Columns", "IngestOptions", "InputError", "Metadata", "complete_published",
           "decode_bytes", "iter_files", "parse_date", "read_columns", "read_file", "read_inputs", "read_metadata"]
