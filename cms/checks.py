"""Start-up checks: the read-aloud needs espeak-ng and lame; without them, say so loudly."""

from django.core.checks import Error, register

from cms.read_aloud import missing_tools


@register()
def read_aloud_tools(app_configs, **kwargs):
    missing = missing_tools()
    if not missing:
        return []
    return [
        Error(
            f"Read-aloud cannot be made: {', '.join(missing)} not installed.",
            hint="Run bin/system-packages (installs espeak-ng and lame), then start again.",
            id="cms.E001",
        )
    ]
