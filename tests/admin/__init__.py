"""Tests of administration."""
