"""The dashboard's parts, one job a module, read by the shell dashboard.py in page order:
shareable_state (URL parameters and session keys), cached_data (loaded layers and served map files),
map_view (the map and its click), statistics (counts), table (the linked table), downloads,
export_panel (PNG figures), sidebar (widgets) and upload_panel (a user's project list).

Importing the package makes the start's log clean first (app/startup_log.py): its modules define
cached functions when the page is imported, before Streamlit's runtime exists."""

from app import startup_log

startup_log.install()
