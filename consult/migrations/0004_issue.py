"""A snapshot is called what the GP calls it: an issue (uitgifte). Its PDF is stored."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("consult", "0003_access_log_to_audit"),
    ]

    operations = [
        # A default, so that going back can add the column again.
        migrations.AlterField("snapshot", "handout_hash", models.CharField(default="", max_length=64)),
        migrations.RemoveConstraint("snapshot", "snapshot_number_per_consult"),
        migrations.RenameModel("Snapshot", "Issue"),
        migrations.AlterField("issue", "consult", models.ForeignKey(on_delete=models.deletion.PROTECT, related_name="issues", to="consult.consult")),
        migrations.RemoveField("issue", "handout_hash"),
        migrations.AddField("issue", "handout_pdf", models.FileField(blank=True, upload_to="uitgiftes/")),
        migrations.AlterModelOptions("issue", {"ordering": ["-number"], "verbose_name": "uitgifte", "verbose_name_plural": "uitgiftes"}),
        migrations.AddConstraint("issue", models.UniqueConstraint(fields=("consult", "number"), name="issue_number_per_consult")),
    ]
