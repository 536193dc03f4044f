"""The runtime every feature runs on: intake, dispatcher, router, turn, delivery, limits, locks."""
