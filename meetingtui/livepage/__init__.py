"""The meeting's public live page (`meetingtui serve`): read-only, closed items never shown.

`view` decides what the public may see, `render` writes it as HTML, `feed` follows the
database for commits, and `app` serves it (Starlette; an optional extra).
"""
