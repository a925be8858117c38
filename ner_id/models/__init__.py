"""Shipped model files (see manifest.json: what, from which data, which version, sha256)."""
