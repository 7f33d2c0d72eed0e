"""detente: offline political event coding with provenance."""
