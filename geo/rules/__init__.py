"""What the evidence means on a map, one rule each.

What is drawn and how (``drawing``), labels and names in the reader's language
(``labels``), filters and the name search (``filters``, ``search``), named provinces
(``provinces``), the sources behind claims (``citations``), and briefing steps
(``briefing``, ``briefing_file``). Plain data in, plain data out: no HTML, no map, no files.
"""
