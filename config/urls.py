from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from practices.middleware import second_factor_page
from practices.views.home import home
from practices.views.invitation import invitation
from practices.views.second_factor import second_factor
from practices.views.second_factor_setup import second_factor_setup
from practices.views.ui_language import ui_language

urlpatterns = [
    path("", home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("login/tweede-factor/", second_factor, name="second_factor"),
    path("login/tweede-factor/instellen/", second_factor_setup, name="second_factor_setup"),
    path("login/passkey/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("logout/", second_factor_page(auth_views.LogoutView.as_view()), name="logout"),
    path("uitnodiging/<str:uidb64>/<str:token>/", invitation, name="invitation"),
    path("taal/", ui_language, name="ui_language"),
    path("consulten/", include("consult.urls")),
    path("", include("care.urls")),
    path("praktijk/", include("practices.urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", login_not_required(JavaScriptCatalog.as_view()), name="javascript-catalog"),
]
