"""What the user keeps: reveal state, watch progress (and, later, the library of articles)."""
