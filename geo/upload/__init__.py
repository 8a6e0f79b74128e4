"""A researcher's own layer: read and checked (``read``), compared with the dataset (``analysis``), drawn (``layer``)."""
