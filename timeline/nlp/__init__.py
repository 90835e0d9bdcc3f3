"""spaCy: which model package provides the English pipeline (`model_package`, importable
without spaCy, for cache keys), loading it once (`load`), and parsing texts in bounded
pieces and batches (`parse`). The rest of the package reads parses; only this one makes them.
"""
