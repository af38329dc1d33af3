"""Orchestration: the Prefect flows and the `sourcecheck` command that runs them."""
