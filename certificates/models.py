"""Certificates app: models arrive with the certificates issue."""
