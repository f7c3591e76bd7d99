"""Laporan: the recap per service, its breakdowns and the SPM, to Excel, PDF and paper."""
