"""The bundle's entry point: the `pelita` command of desktop/cli.py, app and administration."""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
