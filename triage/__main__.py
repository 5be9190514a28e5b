"""``python -m triage`` runs the command line."""

import sys

from triage.cli.main import main

sys.exit(main())
