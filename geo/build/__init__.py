"""Build every file in data/ from pinned public packages (build-only dependencies)."""
