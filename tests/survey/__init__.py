"""The SKM's index, grades, sample and the refusals."""
