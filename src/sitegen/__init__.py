"""sitegen: turn one sentence into a real, built, deployable website."""

__version__ = "0.1.0"
