from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("explanations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="language",
            field=models.CharField(default="nl", max_length=8, verbose_name="taal"),
        ),
        migrations.AlterField(
            model_name="explanationmodel",
            name="suggested_advice",
            field=models.ManyToManyField(blank=True, related_name="+", to="explanations.selfmanagementadvice", verbose_name="voorgesteld advies"),
        ),
        migrations.AlterField(
            model_name="explanationmodel",
            name="suggested_referrals",
            field=models.ManyToManyField(blank=True, related_name="+", to="explanations.recipient", verbose_name="voorgestelde verwijzingen"),
        ),
    ]
