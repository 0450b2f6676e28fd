"""The frozen bundle's entry point: the `kiosk` command (the counter app is `kiosk staff`)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
