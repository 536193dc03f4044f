"""Privacy, pure: what a person gets when they ask for their data."""
