"""timeline: news articles in, a dated, cross-sourced timeline website out."""

__version__ = "0.1.0"
