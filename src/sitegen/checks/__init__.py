"""Checks on generated code, without a model: static checks, deterministic fixes, build-log parsing.

- ``static``: what a project's source may contain (paths, imports, remote resources, 'use client');
  ``static.source_files`` is the one definition of a project's source files.
- ``rules``: the deterministic fixes as small named rules (one registry, ``rules.RULES``) and the
  pass that runs them (``rules.fix_project``), in CHECKING and on every file the fixer writes.
- ``autofix``: the older entry points (``autofix_project``, ``fix_imports``...) on top of ``rules``.
- ``buildlog``: ``next build`` output parsed into file, line and the real message.
"""
