"""Every check of the demo data, on one demo made once (see tests/demo_world.py)."""

import pytest

from tests.cms.test_demo_languages import DemoLanguageChecks
from tests.core.test_demo import DemoDataChecks
from tests.core.test_generate_volume import VolumeOnTheDemoChecks
from tests.demo_world import DemoWorld
from tests.monitoring.test_demo import MonitoringDemoChecks


@pytest.mark.long  # a few minutes on one worker: started first, beside the other long ones
@pytest.mark.xdist_group("demo")
class DemoDataTests(
    DemoDataChecks, MonitoringDemoChecks, DemoLanguageChecks, VolumeOnTheDemoChecks, DemoWorld
):
    pass
