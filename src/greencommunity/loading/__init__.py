"""Reading a data folder: files → text → plain data → models, every problem a Diagnostic.

``text`` decodes bytes, ``parser`` parses YAML, ``slips`` names what a Chinese
input method typed where YAML wants ASCII, ``document`` keeps a file with
its positions, ``sources`` says where files come from (the disk, or a git
revision that ``git`` reads from git objects, never a checkout),
``schema_errors`` and ``values`` word pydantic's errors in the officer's terms,
and ``dataset`` loads a whole folder.
"""
