"""What a page shows, as plain data and escaped HTML (no Streamlit here): the façade of the Streamlit layer.

``dashboard.py`` and ``sections/`` import from this wing only. The per-filter page model, tables, charts,
the About text, the page's state (what its URL says), the visitor's own steps and layer, and the downloads.
"""
