"""Presenters: turn core results into rich renderables or text.  No typer, no I/O
besides printing to a console handed in."""
