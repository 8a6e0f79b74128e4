"""Markup: every piece of HTML the app, the map's popups and the exports show, made from escaped text.

``escape`` (escaping, safe links, scripts the page may run), ``render`` (a claim, badge,
swatch, names), ``audit`` (how a claim or source was checked), ``popups``, ``legend``,
``detail`` (a place's detail view), ``step`` (a briefing step) and ``embed`` (copy-paste
snippets).
"""
