"""The agents: PlannerAgent (prompt -> SitePlan), UiAgent (plan -> files), FixerAgent (errors -> files)."""
