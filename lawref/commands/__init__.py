"""CLI command modules. Each defines `register(app)`; module-level imports stay light."""
