"""Charts drawn as SVG: geometry and drawing only; the words come from the caller.

``history_chart`` draws the share over time (``gc history --output``);
``progress_chart`` lays out the bars of the progress document.
"""
