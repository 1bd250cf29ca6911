"""Benchmarks: a synthetic manual generator and the measurements `make bench` prints."""
