"""Serve the dashboard with its port opened only once everything a first page needs is ready.

`streamlit run dashboard.py` binds the port first and runs the warm start (app/warm_start.py) after:
a page asked for meanwhile waits for it. Here the warm start runs first, in this process, and then
`streamlit run` takes over: its own warm start finds everything made, and the port opens ready.
Usage: python -m app.serve [streamlit options] (scripts/serve, scripts/serve_replicas)."""

from __future__ import annotations

import logging
import sys

from geo.files import ROOT

log = logging.getLogger("dashboard.serve")


def main(options: list[str]) -> None:
    """Warm, then run the dashboard with these `streamlit run` options."""
    from app.warm_start import warm_everything

    try:
        warm_everything()
    except Exception as exc:  # the server still starts; its pages then show the problem themselves
        log.error("warm start failed, pages will build what they need: %s", exc)
    from streamlit.web import bootstrap, cli

    # The warm start prints one line, with the address, once the page is served: not Streamlit's banner
    # before it is.
    bootstrap._print_url = lambda *args, **kwargs: None
    sys.argv = ["streamlit", "run", str(ROOT / "dashboard.py"), *options]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
