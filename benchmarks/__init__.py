"""Performance runs at ten-year scale, each measure reported against a raw baseline measured
in the same run (`python -m benchmarks`; see benchmarks/README.md). Outside the test suite."""
