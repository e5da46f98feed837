"""Names shared by the reader's training and inference modules."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

# Texts in, one unit-length row per text out (the service passes the static embedder's encode).
Embed = Callable[[Sequence[str]], np.ndarray]
NONE = "none"  # the class of a unit that says nothing about a field
