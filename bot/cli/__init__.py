"""The `peercoach` command line."""
