"""Text a user typed, placed in a rich-text label."""
import html


def typed_text(value: str) -> str:
    """Shown as typed (a `<` stays a `<`), its lines kept."""
    return html.escape(value).replace("\n", "<br/>")
