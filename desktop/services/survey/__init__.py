"""The public satisfaction survey (SKM, PermenPANRB 14/2017): the questionnaire, the sample
table, the index and its grade."""
