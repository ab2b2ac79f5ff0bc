"""Courses app: models arrive with the courses issue."""
