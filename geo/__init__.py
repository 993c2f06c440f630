"""Geodata of the Lanzhou–Xining urban agglomeration: load, convert, validate, derive."""
