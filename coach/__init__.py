"""coach: an SMS self-care coach for people with facial twitching or spasms."""

__version__ = "0.1.0"
