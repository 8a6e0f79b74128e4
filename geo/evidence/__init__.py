"""The evidence: the tables, read, checked and loaded as one validated dataset.

``readers`` reads what ``datapackage.json`` describes; ``validate`` checks it, with the
quote rule (``quotes``), what a translation may not change (``facts``), partial dates
(``dates``) and the corrections log (``corrections``); ``dataset`` is the validated
``Dataset``; ``content`` the evidence in the page's language; ``cache`` a value computed once
per dataset. A validation result depends on this whole wing and the root modules under it
(:data:`geo.evidence.validate.VALIDATOR_CODE`): a changed rule here re-validates the data.
"""
