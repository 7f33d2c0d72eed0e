"""Engines: run the same pipeline locally (processes) or on Spark."""
