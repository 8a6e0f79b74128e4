"""The dashboard's sections: Streamlit layout and widgets only, every rule in ``geo`` (the page's façade is ``geo.page``).

``dashboard.py`` is the entry point (page set-up, the explorer's frame); these modules are
its larger parts: the tabs, the visitor's own layer, briefing mode, and the widgets they
share. With ``dashboard.py`` they are the only code that imports Streamlit.
"""
