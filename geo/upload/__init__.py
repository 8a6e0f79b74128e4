"""A researcher's own layer, kept in their session only.

Read and checked (``read``), compared with the dataset (``analysis``), drawn (``layer``),
held under the server's memory budget (``budget``), its memory handed back to the system
(``memory``).
"""
