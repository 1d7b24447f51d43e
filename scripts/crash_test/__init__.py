"""The parts of scripts/crash-test (see there)."""
