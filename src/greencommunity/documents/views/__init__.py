"""View models, one module per document kind (named in ``documents/kinds.py``).

Each module has ``unavailable()`` (why the document cannot be made, or None)
and ``build()`` (the view model its templates receive); ``common`` holds what
they share.
"""
