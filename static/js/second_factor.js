// A passkey made on the set-up page verifies the session: go on to the recovery codes.
document.addEventListener("otp_webauthn.register_complete", () => window.location.reload());
