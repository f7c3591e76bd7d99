"""Tests of what is installed on an office PC: the wheel, and the installer bundle."""
