"""Command line: `python -m geo build [--check]`, `python -m geo export LAYER`."""

from geo.cli import main

raise SystemExit(main())
