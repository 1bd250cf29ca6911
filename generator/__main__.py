"""`python -m generator` runs the `procedures` command line."""

from .cli import main

main(prog_name="procedures")
