"""Benchmarks (``make bench``): each prints a table and compares against the floor of our stack."""
