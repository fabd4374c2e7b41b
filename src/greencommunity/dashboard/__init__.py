"""The public dashboard (``gc site``): static pages an officer can publish as they are.

``pages`` builds the page models from the checked data; ``render`` is the
sandboxed Jinja environment of ``templates/`` in the site's language;
``build`` renders pages and writes a site folder (atomically, removing the
pages of communities that no longer exist); ``site`` says what one build
holds (the town, its history when in git, a district page with ``--rollup``).
"""
