"""Storage stage: the DuckDB schema and the single writer. Knows nothing of HTTP.
Exports live in ``detente.export``."""
from detente.store.db import SchemaError, Store, StoreError, WriteResult

__all__ = ["SchemaError", "Store", "StoreError", "WriteResult"]
