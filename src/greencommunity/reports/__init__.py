"""The submitted documents: view models, Jinja templates, Markdown/HTML/PDF rendering.

``views`` builds plain view models from the loaded data and the scoring,
status and progress results; ``environment`` makes the sandboxed Jinja
environment whose loader lets a data repository override built-in templates
file by file; ``render`` turns documents into Markdown, HTML or PDF; ``kinds``
decides which documents a ``gc report`` request makes.
"""
