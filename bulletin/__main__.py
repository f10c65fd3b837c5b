"""`python -m bulletin` runs the command line."""

from bulletin.cli import main

main()
