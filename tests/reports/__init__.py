"""The recap, the dashboard figures and the exports, against the records they count."""
