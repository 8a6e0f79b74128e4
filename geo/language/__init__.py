"""Languages: what the reader reads in, and how text in several scripts is set.

The interface's catalogs and the current language (``i18n``), which writing system a text is
in (``scripts``), direction isolates in right-to-left text (``bidi``) and the translation
glossary (``glossary``). Above the root modules only: every other wing may speak the
reader's language.
"""
