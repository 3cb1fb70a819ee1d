"""The offline provider's work: a deterministic planner and renderer that need no model or network.

- planning: ``detect`` (what the prompt asks for), ``planner`` (``plan_offline(prompt)`` → a complete
  ``SitePlan``; ``describe_detection(prompt)`` says what was understood), ``palettes``, ``copy_*`` (copy
  per kind of business).
- rendering: ``render`` (``render_site(plan)`` → the project's files), ``render_data`` (every text of the
  plan reaches JSX through one escaped data file), ``render_theme``, ``components/`` (the shipped
  component library), ``lucide_icons``.
- editing: ``edit`` (``apply_edit_offline``: offline edits of a plan).
"""
