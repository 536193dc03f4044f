"""Helpers the end-to-end tests share: the running world, reading chats, setting up people."""
