"""Build steps a maintainer runs, never the app.

The boundary files (``python -m geo boundaries``) and the font subsets (``python -m geo fonts``).
"""
