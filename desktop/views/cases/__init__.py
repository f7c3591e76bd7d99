"""Where a case kind's panel is shown: the application detail's case tab."""
