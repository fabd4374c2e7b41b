"""Writing data files for people to keep editing: a new town's repository
(``skeleton``), a new community file (``community``), the canonical layout
(``layout``), all through one round-trip YAML module (``roundtrip``).

No typer here and no printing: the commands are in ``cli/`` and their output
in ``output/``.
"""
