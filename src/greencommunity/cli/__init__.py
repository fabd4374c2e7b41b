"""Command-line layer: parses options, wires the core, maps results to exit codes."""
