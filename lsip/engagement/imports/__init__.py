"""Importing survey and interview spreadsheets into the engagement record (SG 5.1).

`parsing` reads the file, `fields` turns each cell into a value or a reason, `matching` finds
the employer, `report` says what would happen and what is wrong, `apply` writes it all or
nothing. Pages, the CLI and the benchmark call `apply.plan_import` and `apply.apply_import`.
"""
