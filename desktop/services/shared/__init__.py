"""What every feature's services use: permissions, records and their audit trail, input checks, time formats, numbering."""
