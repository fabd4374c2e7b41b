"""Reading a data folder: files → text → plain data → models, every problem a Diagnostic.

``text`` decodes bytes, ``parser`` parses YAML, ``document`` keeps a file with
its positions, ``sources`` says where files come from (disk or a git revision),
``schema_errors`` words pydantic's errors, and ``dataset`` loads a whole folder.
"""
