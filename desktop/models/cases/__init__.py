"""What every case kind shares: a kepala's written override of a rule."""
