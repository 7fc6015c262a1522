# The language guard reads patterns instead of fixed word forms. The old variants were
# word sequences, which are valid patterns, so a published version keeps its meaning.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("explanations", "0003_measures"),
    ]

    operations = [
        migrations.RenameField(model_name="phrasetoavoid", old_name="variants", new_name="patterns"),
        migrations.AlterField(
            model_name="phrasetoavoid",
            name="patterns",
            field=models.JSONField(blank=True, default=list, verbose_name="patronen"),
        ),
        migrations.AddField(
            model_name="phrasetoavoid",
            name="exceptions",
            field=models.JSONField(blank=True, default=list, verbose_name="uitzonderingen"),
        ),
    ]
