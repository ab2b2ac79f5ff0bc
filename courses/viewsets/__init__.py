"""Wagtail's generic list and edit screens for courses and the curriculum."""
