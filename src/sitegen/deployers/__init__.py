"""Per-target deploy code: vercel, netlify, cloudflare (Pages) and static, and their pinned CLIs.

``tools`` installs each CLI from a lockfile shipped in ``locks/`` and runs it with a timeout;
``targets`` drives each CLI. The one entry point is ``sitegen.deploy.deploy``.
"""

TARGETS = ("vercel", "netlify", "cloudflare", "static")  # the --deploy / --target choices
