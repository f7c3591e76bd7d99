"""The aid warehouse: items, what came in, what went out, and what is on hand."""
