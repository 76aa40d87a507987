"""`python -m worksheets.checks.smart`: see cli.py."""

from .cli import main

main()
