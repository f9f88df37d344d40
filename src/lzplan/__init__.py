"""lzplan: check annual education statistics against a five-year plan's targets."""

__version__ = "0.1.0"
