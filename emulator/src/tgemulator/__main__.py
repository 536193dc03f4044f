"""`python -m tgemulator`: run the emulator until SIGTERM or SIGINT."""

import sys

from tgemulator.cli import main

sys.exit(main())
