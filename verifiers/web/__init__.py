"""The only code that touches the network: fetch policy, client, evidence and replay."""
