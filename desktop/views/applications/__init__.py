"""Screens for applications: the list, the detail, a new application, people and my tasks."""
