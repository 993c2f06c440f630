"""Command line: `python -m geo build [--check]`, `python -m geo export LAYER`, `python -m geo validate FILE`."""

from geo.cli import main

raise SystemExit(main())
