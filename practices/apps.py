from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = "Praktijken"

    def ready(self):
        from audit.labels import register

        from . import signals  # noqa: F401 - remembers when a session signed in
        from .labels import LABELS

        register(LABELS)
