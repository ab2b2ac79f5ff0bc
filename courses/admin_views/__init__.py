"""The course task screens in the Wagtail admin, one module per concept.

The same names as ``courses/models/`` and ``courses/services/``: overview · courses (the
status actions) · sessions · attendance · enrolment · exams, on the common base in
``base.py``. (``views.py`` in an app means public pages; ``admin_views`` staff screens;
``viewsets`` Wagtail's generic list/edit screens.)
"""
