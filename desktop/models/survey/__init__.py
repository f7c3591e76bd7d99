"""The public satisfaction survey (SKM): the questionnaires respondents answered."""
