"""The version of timeline, importable without the package's public API (which loads more)."""

__version__ = "0.1.0"
