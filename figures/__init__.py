"""Briefing figures and slides: the plan's preset views as PNG pages and a PPTX deck.

A client of layers/ (as dashboard.py is): it draws with the layers' Folium groups and styles, lays each
view out as a page (title, legend, sources), renders the page in a local headless Chromium, Chrome or
Edge (render.py) and builds the deck (deck.py). `python -m figures figure fig1 --out fig1.png` and
`python -m figures deck --out briefing.pptx` are its command line (cli.py). layers/ never imports it.
"""
