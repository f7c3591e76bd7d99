"""Tests of case kinds and of the registry that finds them."""
