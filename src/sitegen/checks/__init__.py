"""Checks on generated code, without a model: static checks, deterministic fixes, build-log parsing.

- ``static``: what a project's source may contain (paths, imports, remote resources, 'use client').
- ``autofix``: deterministic repairs of common model mistakes (icons, imports, fonts, animation).
- ``buildlog``: ``next build`` output parsed into file, line and message.
"""
