"""What one cell run gives the reader, whichever adapter ran it."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field


@dataclass
class Image:
    """A figure or a value's picture: its bytes, their MIME type and alt text for screen readers."""

    mime: str  # "image/svg+xml" or "image/png"
    data: bytes
    alt: str

    @property
    def base64(self) -> str:
        return base64.b64encode(self.data).decode("ascii")

    @property
    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{self.base64}"


@dataclass
class CellResult:
    """The displayed value, the images and the error of one run (printed text travels apart).

    value: the repr of the cell's last expression, or None when it displays nothing (or draws
    itself: then it is among the images). error: the trimmed traceback, or None. interrupted:
    the run ended with a KeyboardInterrupt (the reader pressed Stop).
    """

    value: str | None = None
    images: list[Image] = field(default_factory=list)
    error: str | None = None
    interrupted: bool = False

    def as_message(self) -> dict:
        """Plain data for the page: strings, booleans and base64 image bytes."""
        images = [{"mime": i.mime, "data": i.base64, "alt": i.alt} for i in self.images]
        return {
            "value": self.value,
            "images": images,
            "error": self.error,
            "interrupted": self.interrupted,
        }
