"""End-to-end tests: the real discord.py client against FakeDiscord on 127.0.0.1."""
