"""Tests of the application's frame, sign-in and connection."""
