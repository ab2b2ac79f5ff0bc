"""Easy-language text blocks become (text, own recording): existing texts keep their content."""

from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import StreamChildrenToStructBlockOperation


class Migration(migrations.Migration):
    dependencies = [("cms", "0005_read_aloud_free_pages_glossary_contacts")]

    operations = [
        MigrateStreamData(
            app_name="cms",
            model_name="ModulePage",
            field_name="body",
            operations_and_block_paths=[(StreamChildrenToStructBlockOperation("text", "text"), "")],
        ),
    ]
