"""Performance runs at ten-year scale, each measure reported against a raw baseline measured
in the same run (`python -m benchmarks`; see the README, "Performance"). Outside the test suite."""
