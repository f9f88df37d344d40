"""``python -m lzplan``."""

from .cli import main

main()
