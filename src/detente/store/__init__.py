"""Storage stage: the DuckDB schema, the single writer and exports. Knows nothing of HTTP."""
from detente.store.db import SchemaError, Store, WriteResult, export_table

__all__ = ["SchemaError", "Store", "WriteResult", "export_table"]
