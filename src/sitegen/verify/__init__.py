"""Checking a built site in a real browser, and serving it.

- ``browser``: headless Chromium through Playwright: page errors, links, screenshots, axe-core.
- ``report``: what the checks found, per page, and how it is handed to the fixer.
- ``preview``: the static server used by the checks and by ``sitegen preview``.
- ``assets/``: the shipped axe-core (no network needed).
"""
