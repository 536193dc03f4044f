"""The sandbox: a Telegram Bot API emulator and scripted users to drive the bot without Telegram."""
