from django.urls import path

from .views.access_log import access_log

urlpatterns = [
    path("toegangslog/", access_log, name="access_log"),
]
