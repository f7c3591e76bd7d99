"""Survei Kepuasan: the SKM results, paper questionnaires and the counter's kiosk."""
