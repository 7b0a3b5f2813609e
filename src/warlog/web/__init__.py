"""The review web app (`warlog serve`): analysts check, correct and publish the ledger."""
