"""Command line: `python -m layers figure VIEW --out F.png`, `python -m layers deck --out F.pptx`."""

from layers.figure_cli import main

raise SystemExit(main())
