"""The office's stock of aid: items and every movement in and out."""
