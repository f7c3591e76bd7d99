"""Reports: the monthly and yearly recap per service, the SPM indicators, the head's
dashboard figures, and their export to Excel."""
