"""The catalog of services screen."""
