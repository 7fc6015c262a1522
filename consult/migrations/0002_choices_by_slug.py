"""Choices from the content library are kept by slug; red flags get a result and an action.

Existing consults keep every choice: the rows they pointed at are looked up and their
slugs stored, in library order. A red flag typed into the old free-text field is kept as
"present" without an action, so the GP records what was done before the explanation.
"""

from django.core.validators import MaxValueValidator
from django.db import migrations, models

SINGLE = {"severity": "severity_id", "explanation_model": "explanation_model_id"}
MULTIPLE = {
    "asked_questions": "samplequestion",
    "factors": "maintainingfactor",
    "metaphors": "metaphor",
    "advice": "selfmanagementadvice",
    "referrals": "recipient",
}


def slugs_of(rows):
    return [row.slug for row in sorted(rows, key=lambda r: (r.order, r.slug))]


def to_slugs(apps, schema_editor):
    Consult = apps.get_model("consult", "Consult")
    for consult in Consult.objects.all():
        consult.severity_slug = consult.severity.slug if consult.severity_id else ""
        consult.explanation_model_slug = consult.explanation_model.slug if consult.explanation_model_id else ""
        for name in MULTIPLE:
            setattr(consult, f"{name}_slugs", slugs_of(getattr(consult, name).all()))
        if consult.red_flags_asked == "no":
            consult.red_flags = "not_asked"
        elif consult.red_flags_asked == "yes":
            consult.red_flags = "present" if consult.red_flags_present.strip() else "none"
        consult.save()


def from_slugs(apps, schema_editor):
    Consult = apps.get_model("consult", "Consult")
    for consult in Consult.objects.all():
        version = consult.content_version_id
        for name, model_name in MULTIPLE.items():
            model = apps.get_model("explanations", model_name)
            getattr(consult, name).set(model.objects.filter(version_id=version, slug__in=getattr(consult, f"{name}_slugs")))
        for name, kind in (("severity", "severitygrade"), ("explanation_model", "explanationmodel")):
            slug = getattr(consult, f"{name}_slug")
            row = apps.get_model("explanations", kind).objects.filter(version_id=version, slug=slug).first() if slug else None
            setattr(consult, SINGLE[name], row.pk if row else None)
        consult.red_flags_asked = {"not_asked": "no", "none": "yes", "present": "yes"}.get(consult.red_flags, "")
        consult.save()


def slug_list(verbose_name):
    return models.JSONField(blank=True, default=list, verbose_name=verbose_name)


class Migration(migrations.Migration):

    dependencies = [
        ("consult", "0001_initial"),
        ("explanations", "0002_contentversion_language"),
    ]

    operations = [
        migrations.AddField("consult", "severity_slug", models.CharField(blank=True, max_length=80, verbose_name="ernst")),
        migrations.AddField("consult", "explanation_model_slug", models.CharField(blank=True, max_length=80, verbose_name="verklaringsmodel")),
        migrations.AddField("consult", "asked_questions_slugs", slug_list("gestelde vragen")),
        migrations.AddField("consult", "factors_slugs", slug_list("instandhoudende factoren")),
        migrations.AddField("consult", "metaphors_slugs", slug_list("metaforen")),
        migrations.AddField("consult", "advice_slugs", slug_list("zelfmanagementadvies")),
        migrations.AddField("consult", "referrals_slugs", slug_list("verwijzing naar")),
        migrations.AddField("consult", "red_flags", models.CharField(blank=True, choices=[("none", "Nagevraagd: geen alarmsymptomen"), ("present", "Nagevraagd: er is een alarmsymptoom"), ("not_asked", "Nog niet nagevraagd")], max_length=10, verbose_name="alarmsymptomen")),
        migrations.AddField("consult", "red_flag_action", models.CharField(blank=True, choices=[("investigation", "Aanvullend onderzoek aangevraagd"), ("referral", "Verwezen"), ("dealt_with", "Afgehandeld (met reden)")], max_length=20, verbose_name="wat is er met het alarmsymptoom gedaan")),
        migrations.AddField("consult", "red_flag_action_note", models.CharField(blank=True, max_length=200, verbose_name="toelichting (welk onderzoek, naar wie, of waarom afgehandeld)")),
        migrations.AddField("consult", "reference_is_not_bsn", models.BooleanField(default=False, verbose_name="Dit is geen BSN, maar een ander nummer (bijvoorbeeld het HIS-nummer)")),
        migrations.RunPython(to_slugs, from_slugs),
        migrations.RemoveField("consult", "severity"),
        migrations.RemoveField("consult", "explanation_model"),
        migrations.RemoveField("consult", "asked_questions"),
        migrations.RemoveField("consult", "factors"),
        migrations.RemoveField("consult", "metaphors"),
        migrations.RemoveField("consult", "advice"),
        migrations.RemoveField("consult", "referrals"),
        migrations.RemoveField("consult", "red_flags_asked"),
        migrations.RenameField("consult", "severity_slug", "severity"),
        migrations.RenameField("consult", "explanation_model_slug", "explanation_model"),
        migrations.RenameField("consult", "asked_questions_slugs", "asked_questions"),
        migrations.RenameField("consult", "factors_slugs", "factors"),
        migrations.RenameField("consult", "metaphors_slugs", "metaphors"),
        migrations.RenameField("consult", "advice_slugs", "advice"),
        migrations.RenameField("consult", "referrals_slugs", "referrals"),
        migrations.AlterField("consult", "red_flags_present", models.TextField(blank=True, max_length=2000, verbose_name="welk alarmsymptoom")),
        migrations.AlterField("consult", "phq15", models.PositiveSmallIntegerField(blank=True, help_text="Totaalscore, 0 tot en met 30.", null=True, validators=[MaxValueValidator(30)], verbose_name="PHQ-15 totaalscore")),
        migrations.AlterField("consult", "fourdkl_somatisation", models.PositiveSmallIntegerField(blank=True, help_text="Totaalscore, 0 tot en met 32.", null=True, validators=[MaxValueValidator(32)], verbose_name="4DKL somatisatie (totaalscore)")),
        migrations.AlterField("consult", "csi", models.PositiveSmallIntegerField(blank=True, help_text="Totaalscore, 0 tot en met 100.", null=True, validators=[MaxValueValidator(100)], verbose_name="CSI totaalscore")),
        migrations.AddIndex("consult", models.Index(fields=["practice", "-created_at"], name="consult_practice_created")),
    ]
