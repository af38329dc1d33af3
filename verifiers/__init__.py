"""sourcecheck's library: every step of checking quotations against their sources.

Nothing here imports Prefect, so each step is a plain function that a test, a notebook or
another orchestrator can call.
"""
