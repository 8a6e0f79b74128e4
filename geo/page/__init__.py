"""What a page shows, as plain data and escaped HTML (no Streamlit here).

The per-filter page model, tables, charts, the place detail, the About text, briefing
steps, and the page's state in its URL.
"""
