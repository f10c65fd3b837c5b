"""bulletin: turn Urdu news articles into podcast-style MP3 bulletins."""

__version__ = "0.1.0"
