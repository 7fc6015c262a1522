from django_otp_webauthn.helpers import WebAuthnHelper


class PasskeyHelper(WebAuthnHelper):
    """Passkeys carry the user's name as the browser shows it when choosing one."""

    def get_credential_display_name(self, user):
        return user.display_name
