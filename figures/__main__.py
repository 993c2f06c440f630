"""Command line: `python -m figures figure VIEW --out F.png`, `python -m figures deck --out F.pptx`."""

from figures.cli import main

raise SystemExit(main())
