"""What several benchmarks share: writing the coffee-shop project with the real pipeline, unbuilt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROMPT = "coffee shop landing page"


def generate_site(project: Path, home: Path, prompt: str = PROMPT) -> None:
    """Write ``prompt``'s project with ``sitegen new --sandbox none`` (offline provider), or exit."""
    env = {**os.environ, "SITEGEN_HOME": str(home), "SITEGEN_VERIFY": "0"}
    for var in ("GEMINI_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        env.pop(var, None)
    done = subprocess.run(
        [sys.executable, "-m", "sitegen", "new", prompt, "--sandbox", "none", "--provider", "offline",
         "--out", str(project), "--json"],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0 or not (project / "app").is_dir():
        sys.exit(f"sitegen new --sandbox none failed ({done.returncode}):\n{done.stderr[-2000:]}")
