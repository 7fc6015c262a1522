from django.urls import path

from .views.access_log import access_log
from .views.access_log_export import access_log_export
from .views.user_active import user_active
from .views.user_second_factor import user_second_factor
from .views.users import practice_users

urlpatterns = [
    path("toegangslog/", access_log, name="access_log"),
    path("toegangslog/export.csv", access_log_export, name="access_log_export"),
    path("gebruikers/", practice_users, name="practice_users"),
    path("gebruikers/<int:pk>/actief/", user_active, name="user_active"),
    path("gebruikers/<int:pk>/tweede-factor/", user_second_factor, name="user_second_factor"),
]
