"""`peercoach demo`: PeerCoach on the Telegram emulator (tgemulator), with a browser page."""
