"""Benchmarks run by `coach bench NAME`: each module's run() returns a list of figures."""
