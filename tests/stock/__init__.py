"""The aid warehouse: items, movements, and stock on hand under concurrent issues."""
