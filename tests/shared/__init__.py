"""Tests of what every feature uses."""
