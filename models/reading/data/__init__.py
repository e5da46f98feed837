"""Hand-written labelled data for the description interpreter (see README.md here)."""
