"""The CMS's models, one module per concept; everything is importable from ``cms.models``.

- ``pages``: the page types of the public site (home, materials, module and free pages,
  glossary, landlord information);
- ``speech``: generated read-aloud clips, found by the hash of what they say;
- ``translations``: which German texts a published translation still shows;
- ``contacts``: the advice centres shown to families on every page (a snippet).
"""

from cms.models.contacts import AdviceCentre, MessengerService
from cms.models.pages import (
    ContentPage,
    GlossaryPage,
    HomePage,
    LandlordInfoPage,
    MaterialsIndexPage,
    ModulePage,
    SitePage,
)
from cms.models.speech import SpeechClip
from cms.models.translations import UntranslatedTexts

__all__ = [
    "AdviceCentre",
    "ContentPage",
    "GlossaryPage",
    "HomePage",
    "LandlordInfoPage",
    "MaterialsIndexPage",
    "MessengerService",
    "ModulePage",
    "SitePage",
    "SpeechClip",
    "UntranslatedTexts",
]
