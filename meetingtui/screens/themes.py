"""High-contrast themes for a projector, registered under the names of Textual's own light and
dark themes so the theme key switches between them."""

from __future__ import annotations

from textual.theme import Theme

# High-contrast themes for a projector: near-black on white and white on near-black, with
# warning and error colours that stay distinct when a projector washes colours out.
PROJECTOR_THEMES = (
    Theme(
        name="textual-light",
        primary="#003366",
        secondary="#00509e",
        accent="#8a4b00",
        warning="#8a4b00",
        error="#b00020",
        success="#0b6e2b",
        foreground="#000000",
        background="#ffffff",
        surface="#f2f2f2",
        panel="#dcdcdc",
        dark=False,
        variables={"footer-key-foreground": "#003366", "block-cursor-text-style": "bold"},
    ),
    Theme(
        name="textual-dark",
        primary="#4da3ff",
        secondary="#8cc4ff",
        accent="#ffb000",
        warning="#ffb000",
        error="#ff5c5c",
        success="#4ee37a",
        foreground="#ffffff",
        background="#000000",
        surface="#121212",
        panel="#262626",
        dark=True,
        variables={"block-cursor-text-style": "bold"},
    ),
)
